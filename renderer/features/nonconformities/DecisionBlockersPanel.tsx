import { Alert, Anchor, List, Loader, Stack, Text } from '@mantine/core';
import { CircleCheck, OctagonAlert } from 'lucide-react';
import { Link } from 'react-router';
import type { DecisionKind } from '../../../shared/findings/gates';
import type { DecisionBlockers, FindingRow } from '../../../shared/findings/schema';
import { errorMessage } from '../../api';
import { openFindingsNotRelied, readableGateMessage } from './gateText';
import { useDecisionBlockers } from './useFindings';

const decisionLabels: Record<DecisionKind, string> = {
  grant: 'grant certification',
  refuse: 'refuse certification',
  maintain: 'maintain certification',
  renew: 'renew certification (recertification)',
  suspend: 'suspend certification',
  withdraw: 'withdraw certification',
  reduceScope: 'reduce the scope',
  extendScope: 'extend the scope',
  restore: 'restore certification',
  reinstate: 'reinstate certification',
};

const decisionText = (d: string) => decisionLabels[d as DecisionKind] ?? d;

function findingLabel(id: string, rows: FindingRow[]): string {
  const row = rows.find((r) => r.id === id);
  if (!row) return `Finding ${id.slice(-6)}`;
  const grade = row.grade === 'major' ? 'Major' : row.grade === 'minor' ? 'Minor' : 'Finding';
  return `${grade} against ${row.requirementRef}`;
}

/**
 * G5 is about who decides, not about findings: it shows apart, so "no finding blocks" stays true
 * when only the person looking may not take the decision.
 */
function PersonGate({ gates }: { gates: DecisionBlockers['unmet'] }) {
  if (gates.length === 0) return null;
  return (
    <Alert color="yellow" title="You may not take this decision" data-testid="decision-person-gate">
      {gates.map((g) => (
        <Text key={g.gate} size="sm">
          {g.gate}: {g.message}
        </Text>
      ))}
    </Alert>
  );
}

function Blockers({ blockers }: { blockers: DecisionBlockers }) {
  const findingGates = blockers.unmet.filter((g) => g.gate !== 'G5');
  const personGates = blockers.unmet.filter((g) => g.gate === 'G5');
  if (findingGates.length === 0) {
    return (
      <>
        <Alert
          color="green"
          icon={<CircleCheck size={18} aria-hidden />}
          title="No finding blocks the next decision"
          data-testid="decision-clear"
        >
          {blockers.auditIds.length === 0
            ? `No completed audit is waiting for the next decision (${decisionText(blockers.decision)}) yet; findings of an audit count once it is completed.`
            : `The findings of the audits the next decision (${decisionText(blockers.decision)}) relies on meet the gates of ISO/IEC 17021-1 9.5.`}
        </Alert>
        <PersonGate gates={personGates} />
      </>
    );
  }
  return (
    <>
      <Alert
        color="red"
        icon={<OctagonAlert size={18} aria-hidden />}
        title={`The next decision (${decisionText(blockers.decision)}) is blocked`}
        data-testid="decision-blocked"
      >
        <List spacing="xs" size="sm">
          {findingGates.map((gate) => (
            <List.Item key={gate.gate}>
              <Text size="sm">
                <Text span fw={600} size="sm">
                  {gate.gate}:
                </Text>{' '}
                {readableGateMessage(gate.message, gate.findingIds)}
              </Text>
              {gate.findingIds.length > 0 && (
                <Text size="sm">
                  {gate.findingIds.map((id, i) => (
                    <span key={id}>
                      {i > 0 ? ', ' : ''}
                      <Anchor component={Link} to={`/findings/${id}`} size="sm">
                        {findingLabel(id, blockers.openFindings)}
                      </Anchor>
                    </span>
                  ))}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      </Alert>
      <PersonGate gates={personGates} />
    </>
  );
}

/** What blocks the client's next certification decision (gates G1–G5), with links to the findings. */
export default function DecisionBlockersPanel({ clientId }: { clientId: string }) {
  const blockers = useDecisionBlockers(clientId);
  if (blockers.isPending) return <Loader size="sm" aria-label="Checking the decision gates" />;
  if (blockers.isError) return <Alert color="red">{errorMessage(blockers.error)}</Alert>;
  const elsewhere = openFindingsNotRelied(blockers.data);
  return (
    <Stack gap="xs" data-testid="decision-blockers">
      <Blockers blockers={blockers.data} />
      {elsewhere > 0 && (
        <Text size="sm" c="dimmed" data-testid="decision-not-counted">
          {elsewhere === 1
            ? 'Not counted above: 1 open finding of an audit this decision does not rest on yet. An audit still under way counts once it is completed.'
            : `Not counted above: ${elsewhere} open findings of audits this decision does not rest on yet. An audit still under way counts once it is completed.`}
        </Text>
      )}
    </Stack>
  );
}
