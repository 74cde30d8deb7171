import { Button } from '@mantine/core';
import { FileUp } from 'lucide-react';
import { Link } from 'react-router';
import type { ClientListQuery } from '../../../../shared/clients/schema';
import { call } from '../../../api';
import ExportButtons from '../../../ui/ExportButtons';

/**
 * The client list's Import and Export buttons. An export holds exactly what the list shows: the
 * same search, status filter, archived switch and order.
 */
export default function ClientListTransfer({
  query,
  empty,
}: {
  query: ClientListQuery;
  empty: boolean;
}) {
  return (
    <>
      <Button
        component={Link}
        to="/clients/import"
        variant="default"
        leftSection={<FileUp size={16} aria-hidden />}
      >
        Import clients
      </Button>
      <ExportButtons
        build={(format) => call('exportClients', { ...query, format })}
        disabled={empty}
      />
    </>
  );
}
