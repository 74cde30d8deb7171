import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { RefreshCw } from 'lucide-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api';
import { formatInstant } from '../../format';
import { useSession } from '../../session/useSession';
import { useClient } from '../clients/useClients';
import ApprovalPanel from './ApprovalPanel';
import JustificationList from './JustificationList';
import RecomputeComparison from './RecomputeComparison';
import ResultSummary from './ResultSummary';
import SavedInputs from './SavedInputs';
import TableSources from './TableSources';
import { useAuditTimeResult, useAuditTimeTable } from './useAuditTime';

/** `/clients/:id/audit-time/:resultId`: one saved result, exactly as it was calculated. */
export default function AuditTimeResultPage() {
  const { id = '', resultId = '' } = useParams();
  const client = useClient(id);
  const result = useAuditTimeResult(resultId);
  const table = useAuditTimeTable(result.data?.tableId);
  const person = useSession().data?.current;
  const [comparing, setComparing] = useState(false);

  if (client.isPending || result.isPending) return <Loader aria-label="Loading" />;
  if (client.isError) return <Alert color="red">{errorMessage(client.error)}</Alert>;
  if (result.isError) return <Alert color="red">{errorMessage(result.error)}</Alert>;
  const record = result.data;

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={`/clients/${id}?tab=audit-time`} size="sm">
        ← {client.data.legalName}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          Audit time for {client.data.legalName}
        </Title>
        <Text c="dimmed" data-testid="saved-with">
          Saved {formatInstant(record.createdAt)} by {record.createdBy.name ?? 'the command line'}{' '}
          with table {record.tableVersion}
        </Text>
      </div>
      {person && <ApprovalPanel record={record} person={person} />}
      <Title order={2} size="h4">
        Result
      </Title>
      <ResultSummary result={record.output} label="Saved result" />
      <Group>
        <Button
          variant="default"
          leftSection={<RefreshCw size={16} aria-hidden />}
          onClick={() => setComparing(true)}
          disabled={comparing}
        >
          Recompute under the current table
        </Button>
        <Text size="sm" c="dimmed">
          Shows the figures side by side; the saved result stays as it is.
        </Text>
      </Group>
      {comparing && <RecomputeComparison id={record.id} />}
      <Title order={2} size="h4">
        Inputs
      </Title>
      <SavedInputs input={record.input} />
      <Title order={2} size="h4">
        How the days were reached
      </Title>
      <JustificationList entries={record.output.justification} />
      <Title order={2} size="h4">
        Where the figures come from
      </Title>
      {table.data ? (
        <TableSources table={table.data.table} band={record.output.band} />
      ) : (
        <Loader aria-label="Loading the table" size="sm" />
      )}
    </Stack>
  );
}
