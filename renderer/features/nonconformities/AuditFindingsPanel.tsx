import { Alert, Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../../api';
import { localToday } from '../audits/useAudits';
import DecisionBlockersPanel from './DecisionBlockersPanel';
import FindingTable from './FindingTable';
import { useFindingList } from './useFindings';

/** The audit page's Findings section: the audit's findings, and what blocks the next decision. */
export default function AuditFindingsPanel({
  auditId,
  clientId,
}: {
  auditId: string;
  clientId: string;
}) {
  const list = useFindingList({ auditId, state: 'all', today: localToday(), limit: 1000 });
  return (
    <Stack data-testid="audit-findings">
      <Group justify="space-between" align="end">
        <Title order={2} size="h3">
          Findings
        </Title>
        <Anchor component={Link} to={`/findings?audit=${auditId}&state=all`} size="sm">
          Open in the register
        </Anchor>
      </Group>
      {list.isPending ? (
        <Loader size="sm" aria-label="Loading the audit’s findings" />
      ) : list.isError ? (
        <Alert color="red">{errorMessage(list.error)}</Alert>
      ) : list.data.total === 0 ? (
        <Text size="sm" c="dimmed">
          No findings raised in this audit. The audit team raises them from the checklist items
          where a requirement is not met.
        </Text>
      ) : (
        <FindingTable rows={list.data.rows} label="Findings of this audit" />
      )}
      <Title order={3} size="h4">
        Next certification decision
      </Title>
      <DecisionBlockersPanel clientId={clientId} />
    </Stack>
  );
}
