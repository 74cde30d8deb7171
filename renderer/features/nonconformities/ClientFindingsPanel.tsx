import { Alert, Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '../../api';
import { localToday } from '../audits/useAudits';
import DecisionBlockersPanel from './DecisionBlockersPanel';
import FindingTable from './FindingTable';
import { useFindingList } from './useFindings';

const shown = 200;

/** The client page's Findings tab: what blocks the next decision, and every open finding. */
export default function ClientFindingsPanel({ clientId }: { clientId: string }) {
  const open = useFindingList({ clientId, state: 'open', today: localToday(), limit: shown });
  return (
    <Stack>
      <Title order={2} size="h4">
        Next certification decision
      </Title>
      <DecisionBlockersPanel clientId={clientId} />
      <Group justify="space-between" align="end">
        <Title order={2} size="h4">
          Open findings
        </Title>
        <Anchor component={Link} to={`/findings?client=${clientId}&state=all`} size="sm">
          All of this client’s findings in the register
        </Anchor>
      </Group>
      {open.isPending ? (
        <Loader size="sm" aria-label="Loading the open findings" />
      ) : open.isError ? (
        <Alert color="red">{errorMessage(open.error)}</Alert>
      ) : open.data.total === 0 ? (
        <Text size="sm" c="dimmed">
          No open findings. Findings are raised from an audit’s checklist; they show here until they
          are closed.
        </Text>
      ) : (
        <>
          <FindingTable rows={open.data.rows} label="Open findings" showAudit />
          {open.data.total > open.data.rows.length && (
            <Text size="sm" c="dimmed">
              Showing the {open.data.rows.length} most urgent of {open.data.total}; the register has
              them all.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
