import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { Calculator } from 'lucide-react';
import { Link } from 'react-router';
import type { Client } from '../../../shared/clients/schema';
import { errorMessage } from '../../api';
import { formatInstant } from '../../format';
import ApprovalBadge from './ApprovalBadge';
import { auditTypeLabels } from './ResultSummary';
import { useAuditTimeResults } from './useAuditTime';

/** The client page's list of saved audit-time results, newest first. */
export default function AuditTimeTab({ client }: { client: Client }) {
  const results = useAuditTimeResults(client.id);
  const start = (
    <Button
      component={Link}
      to={`/clients/${client.id}/audit-time/new`}
      leftSection={<Calculator size={16} aria-hidden />}
      w="fit-content"
    >
      Calculate audit time
    </Button>
  );
  if (results.isPending) return <Loader aria-label="Loading audit time" />;
  if (results.isError) return <Alert color="red">{errorMessage(results.error)}</Alert>;
  if (results.data.length === 0) {
    return (
      <Stack>
        <Text>
          No audit time saved yet. Calculate it from the client’s sites and AI roles; the saved
          result is what the audit programme plans with.
        </Text>
        {start}
      </Stack>
    );
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          The newest result that needs no approval, or whose override is approved, is what the
          programme plans with.
        </Text>
        {start}
      </Group>
      <Table striped aria-label="Saved audit time">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Saved</Table.Th>
            <Table.Th>Audit</Table.Th>
            <Table.Th>Days</Table.Th>
            <Table.Th>Table version</Table.Th>
            <Table.Th>Approval</Table.Th>
            <Table.Th>By</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.data.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/clients/${client.id}/audit-time/${r.id}`}>
                  {formatInstant(r.createdAt)}
                </Anchor>
              </Table.Td>
              <Table.Td>{auditTypeLabels[r.auditType]}</Table.Td>
              <Table.Td>
                {r.effectiveDays}
                {r.override && r.approvalState !== 'approved'
                  ? ` (override to ${r.override.days} ${r.approvalState})`
                  : ''}
              </Table.Td>
              <Table.Td>{r.tableVersion}</Table.Td>
              <Table.Td>
                <ApprovalBadge state={r.approvalState} />
              </Table.Td>
              <Table.Td>{r.createdBy.name ?? 'Command line'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
