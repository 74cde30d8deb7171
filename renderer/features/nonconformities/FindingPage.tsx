import { Alert, Anchor, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { terminalStates } from '../../../shared/findings/lifecycle';
import type { FindingDetail } from '../../../shared/findings/schema';
import { auditTypeLabels, type AuditType } from '../../../shared/programme/vocabulary';
import { errorMessage } from '../../api';
import { useSession } from '../../session/useSession';
import EvidenceFiles from '../evidence/EvidenceFiles';
import { useAuditTeam } from '../team/useTeam';
import AcknowledgementCard from './AcknowledgementCard';
import DeadlinesCard from './DeadlinesCard';
import FindingActions from './FindingActions';
import FindingStateBadge from './FindingStateBadge';
import FindingTextCard from './FindingTextCard';
import FindingTimeline from './FindingTimeline';
import GradeBadge from './GradeBadge';
import GradingPanel from './GradingPanel';
import ResponseCard from './ResponseCard';
import { useFinding } from './useFindings';

function EscalationLinks({ detail }: { detail: FindingDetail }) {
  return (
    <>
      {detail.escalatedFromId && (
        <Alert color="orange" title="Raised by escalation">
          A minor nonconformity’s corrective action was missing or ineffective, so this major was
          raised against the same requirement.{' '}
          <Anchor component={Link} to={`/findings/${detail.escalatedFromId}`}>
            Open the escalated minor
          </Anchor>
        </Alert>
      )}
      {detail.escalatedToId && (
        <Alert color="orange" title="Escalated to a major">
          This minor was escalated; the major raised from it now carries the requirement.{' '}
          <Anchor component={Link} to={`/findings/${detail.escalatedToId}`}>
            Open the major it became
          </Anchor>
        </Alert>
      )}
    </>
  );
}

function useWhoIAm(detail: FindingDetail) {
  const session = useSession();
  const team = useAuditTeam(detail.auditId);
  const me = session.data?.current;
  const member = team.data?.members.find((m) => m.personId === me?.id);
  return {
    meId: me?.id ?? null,
    isLeadAuditor: member?.role === 'lead_auditor',
    onTeam: member !== undefined && member.role !== 'observer',
  };
}

/** `/findings/:id`: one finding from its raising to its verified closure. */
export default function FindingPage() {
  const { id = '' } = useParams();
  const finding = useFinding(id);

  if (finding.isPending) return <Loader aria-label="Loading the finding" />;
  if (finding.isError) {
    return (
      <Stack maw={1100}>
        <Anchor component={Link} to="/findings" size="sm">
          ← Findings
        </Anchor>
        <Alert color="red">{errorMessage(finding.error)}</Alert>
      </Stack>
    );
  }
  return <FindingView detail={finding.data} />;
}

function FindingView({ detail: d }: { detail: FindingDetail }) {
  const who = useWhoIAm(d);
  const finished = terminalStates.includes(d.state);
  const editable =
    d.state !== 'open'
      ? 'The text is fixed once the finding has left the open state.'
      : who.meId !== d.raisedById && !who.isLeadAuditor
        ? 'Only the auditor who raised it or the audit’s lead auditor edits the text.'
        : null;
  const auditType = auditTypeLabels[d.auditType as AuditType] ?? d.auditType;

  return (
    <Stack maw={1200}>
      <Anchor component={Link} to="/findings" size="sm">
        ← Findings
      </Anchor>
      <div>
        <Title order={1} size="h2">
          Finding against {d.requirementRef}
        </Title>
        <Group gap="xs" mt={4}>
          <GradeBadge grade={d.grade} long />
          <FindingStateBadge state={d.state} />
          <Text c="dimmed" size="sm">
            Raised {d.raisedOn} by {d.raisedByName ?? '—'}
            {d.siteName ? ` · site: ${d.siteName}` : ''}
            {d.closedOn && finished ? ` · finished ${d.closedOn}` : ''}
          </Text>
        </Group>
        <Group gap="lg" mt={4}>
          <Anchor component={Link} to={`/clients/${d.clientId}?tab=findings`} size="sm">
            Client: {d.clientName} ({d.clientReference})
          </Anchor>
          <Anchor component={Link} to={`/audits/${d.auditId}`} size="sm">
            Audit: {auditType}
          </Anchor>
        </Group>
      </div>
      <EscalationLinks detail={d} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <FindingTextCard detail={d} canEdit={editable} />
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                Evidence files
              </Title>
              <EvidenceFiles
                auditId={d.auditId}
                findingId={d.id}
                canAdd={!finished && who.onTeam}
              />
            </Card>
            <ResponseCard detail={d} />
            <FindingTimeline events={d.events} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <FindingActions detail={d} />
            {/* Ungraded, grading is the next thing to do; graded, the deadlines matter most. */}
            {d.grade === null && <GradingPanel detail={d} isLeadAuditor={who.isLeadAuditor} />}
            <DeadlinesCard detail={d} />
            {d.grade !== null && <GradingPanel detail={d} isLeadAuditor={who.isLeadAuditor} />}
            <AcknowledgementCard detail={d} canRecord={who.onTeam} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
