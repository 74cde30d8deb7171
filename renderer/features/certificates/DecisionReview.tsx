import { Alert, Anchor, Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { decisionKindLabels } from '../../../shared/certificates/decision-rules';
import type {
  CertificationDecisionContext,
  DecisionAudit,
  DecisionFinding,
} from '../../../shared/certificates/schema';
import { decisionKinds, type DecisionKind } from '../../../shared/findings/decisions';
import { auditTypeLabels, teamRoleLabels } from '../../../shared/programme/vocabulary';
import { formatInstant } from '../../format';
import FindingStateBadge from '../nonconformities/FindingStateBadge';
import GradeBadge from '../nonconformities/GradeBadge';

const finished = ['verified', 'closed', 'cancelled', 'escalated'];

const recommendationText = (kind: string | null) =>
  kind && (decisionKinds as readonly string[]).includes(kind)
    ? decisionKindLabels[kind as DecisionKind]
    : 'none recorded';

function ReportLine({ audit }: { audit: DecisionAudit }) {
  const { report } = audit;
  if (!report) {
    return (
      <Text size="sm" fw={600}>
        No audit report yet.
      </Text>
    );
  }
  const state =
    report.state === 'issued'
      ? `Revision ${report.revision}, issued ${report.issuedAt ? formatInstant(report.issuedAt) : ''}${report.issuedByName ? ` by ${report.issuedByName}` : ''}`
      : `Revision ${report.revision}, draft (not issued yet)`;
  return (
    <Stack gap={2}>
      <Text size="sm">{state}</Text>
      <Text size="sm">Recommendation: {recommendationText(report.recommendation)}</Text>
      <Anchor component={Link} to={`/audits/${audit.id}/report`} size="sm">
        Open the report
      </Anchor>
    </Stack>
  );
}

function AuditTable({ audits }: { audits: DecisionAudit[] }) {
  return (
    <Table aria-label="Audits this decision relies on" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Audit</Table.Th>
          <Table.Th>Team</Table.Th>
          <Table.Th>Report</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {audits.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>
              <Anchor component={Link} to={`/audits/${a.id}`} size="sm">
                {auditTypeLabels[a.type]}
              </Anchor>
              <Text size="xs" c="dimmed">
                {a.startDate} to {a.endDate} · cycle {a.cycleNumber}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {a.team.length === 0
                  ? '—'
                  : a.team.map((m) => `${m.name} (${teamRoleLabels[m.role]})`).join(', ')}
              </Text>
            </Table.Td>
            <Table.Td>
              <ReportLine audit={a} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function FindingList({ label, findings }: { label: string; findings: DecisionFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <Table aria-label={label} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Grade</Table.Th>
          <Table.Th>Requirement</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Statement</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {findings.map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td>
              <GradeBadge grade={f.grade} />
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/findings/${f.id}`} size="sm">
                {f.requirementRef}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <FindingStateBadge state={f.state} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={3}>
                {f.statement}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A gate's message on screen: the requirement names the finding, the link under it opens it. */
function readable(message: string, ids: readonly string[]): string {
  return ids.reduce(
    (text, id) => text.split(`${id} on `).join('against ').split(id).join(''),
    message,
  );
}

/**
 * What the decision maker reviews (ISO/IEC 17021-1 9.5.2): the audits the decision relies on with
 * their reports, the lead auditor's recommendation, the findings open and finished, and the gates
 * still unmet for this decision.
 */
export default function DecisionReview({ context }: { context: CertificationDecisionContext }) {
  const open = context.findings.filter((f) => !finished.includes(f.state));
  const done = context.findings.filter((f) => finished.includes(f.state));
  const gates = context.unmet.filter((g) => g.gate !== 'G5');
  return (
    <Stack gap="md">
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Audits this decision relies on
        </Title>
        {context.audits.length === 0 ? (
          <Text size="sm" c="dimmed">
            No audit has been completed since the last decision. Decisions that follow an audit
            (grant, refuse, maintain, renew, restore) wait for it; a suspension, withdrawal or scope
            change can rest on other information.
          </Text>
        ) : (
          <AuditTable audits={context.audits} />
        )}
        {context.audits.some((a) => a.report?.state !== 'issued') && context.audits.length > 0 && (
          <Text size="sm" c="dimmed" mt="xs">
            A decision rests on the audit report (ISO/IEC 17021-1 9.5.2): read the issued report
            before deciding.
          </Text>
        )}
      </Card>
      <Card withBorder data-testid="decision-recommendation">
        <Title order={2} size="h4" mb="xs">
          Recommendation
        </Title>
        {context.recommendation ? (
          <Stack gap={4}>
            <Text>
              The audit team recommends:{' '}
              <strong>{recommendationText(context.recommendation.kind)}</strong>
            </Text>
            {context.recommendation.notes !== '' && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {context.recommendation.notes}
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No recommendation yet: the lead auditor states it in the audit report.
          </Text>
        )}
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            Findings of these audits
          </Title>
          <Group gap="xs">
            <Badge variant="light" color={open.length > 0 ? 'orange' : 'gray'}>
              {open.length} open
            </Badge>
            <Badge variant="light" color="gray">
              {done.length} finished
            </Badge>
          </Group>
        </Group>
        {context.findings.length === 0 ? (
          <Text size="sm" c="dimmed">
            No finding was raised in these audits.
          </Text>
        ) : (
          <Stack gap="sm">
            {open.length > 0 && (
              <Text fw={600} size="sm">
                Open
              </Text>
            )}
            <FindingList label="Open findings" findings={open} />
            {done.length > 0 && (
              <Text fw={600} size="sm">
                Finished (verified, closed, escalated or cancelled)
              </Text>
            )}
            <FindingList label="Finished findings" findings={done} />
          </Stack>
        )}
      </Card>
      {gates.length > 0 && (
        <Alert
          color="red"
          title={`${decisionKindLabels[context.kind]} is blocked`}
          data-testid="decision-gates"
        >
          <List spacing="xs" size="sm">
            {gates.map((g) => (
              <List.Item key={g.gate}>
                <Text size="sm">
                  <Text span fw={600} size="sm">
                    {g.gate}:
                  </Text>{' '}
                  {readable(g.message, g.findingIds)}
                </Text>
                {g.findingIds.map((id) => {
                  const f = context.findings.find((x) => x.id === id);
                  return (
                    <Anchor key={id} component={Link} to={`/findings/${id}`} size="sm" mr="sm">
                      {f
                        ? `${f.grade === 'major' ? 'Major' : 'Minor'} against ${f.requirementRef}`
                        : 'Open the finding'}
                    </Anchor>
                  );
                })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
