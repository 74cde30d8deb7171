import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { FileDown, FileUp } from 'lucide-react';
import { Link } from 'react-router';
import type { ClientListQuery } from '../../../../shared/clients/schema';
import { call, errorMessage } from '../../../api';
import { saveExportedFile } from '../../nonconformities/saveExportedFile';

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
  const exportFile = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => call('exportClients', { ...query, format }),
    onSuccess: (file) => {
      saveExportedFile(file);
      notifications.show({ color: 'green', message: `Saved ${file.fileName}.` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
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
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          variant="default"
          leftSection={<FileDown size={16} aria-hidden />}
          loading={exportFile.isPending && exportFile.variables === format}
          disabled={empty}
          onClick={() => exportFile.mutate(format)}
        >
          Export {format.toUpperCase()}
        </Button>
      ))}
    </>
  );
}
