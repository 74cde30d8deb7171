import { Anchor, Card, Stack, Text, Timeline, Title } from '@mantine/core';
import { Link } from 'react-router';
import {
  findingStateLabels,
  verificationMethodLabels,
  type VerificationMethod,
} from '../../../shared/findings/lifecycle';
import {
  findingGradeLabels,
  type FindingEventRecord,
  type FindingGrade,
  type FindingState,
} from '../../../shared/findings/schema';
import { formatInstant } from '../../format';

const eventTitles: Record<string, string> = {
  raise: 'Raised',
  grade: 'Graded',
  acknowledge: 'Client acknowledgement recorded',
  submitResponse: 'Client’s response recorded',
  reject: 'Response rejected',
  accept: 'Response accepted',
  verify: 'Effectiveness verified',
  close: 'Closed',
  escalate: 'Escalated to a major',
  cancel: 'Cancelled',
};

const detailLabels: Record<string, string> = {
  requirementRef: 'Requirement',
  grade: 'Grade',
  fromGrade: 'Grade before',
  toGrade: 'Grade after',
  acknowledgedBy: 'Acknowledged by',
  note: 'Client’s comment',
  correction: 'Correction',
  rootCause: 'Root cause',
  correctiveAction: 'Corrective action',
  plannedCompletion: 'Planned completion',
  method: 'Method',
  effective: 'Effective',
  evidence: 'Evidence',
};

const stateLabel = (s: string | null) =>
  s === null ? '—' : (findingStateLabels[s as FindingState] ?? s);

function gradeText(value: unknown): string {
  if (value === null || value === undefined) return 'not graded';
  return findingGradeLabels[value as FindingGrade] ?? String(value);
}

function DetailValue({ name, value }: { name: string; value: unknown }) {
  if (name === 'escalatedToId' || name === 'escalatedFromId') {
    return (
      <Text size="sm">
        {name === 'escalatedToId' ? 'Major raised: ' : 'Escalated from: '}
        <Anchor component={Link} to={`/findings/${String(value)}`}>
          {name === 'escalatedToId' ? 'open the major' : 'open the minor'}
        </Anchor>
      </Text>
    );
  }
  let text: string;
  if (name === 'grade' || name === 'fromGrade' || name === 'toGrade') text = gradeText(value);
  else if (name === 'method') {
    text = verificationMethodLabels[value as VerificationMethod] ?? String(value);
  } else if (name === 'effective') text = value === true ? 'Yes' : value === false ? 'No' : '—';
  else if (typeof value === 'string' || typeof value === 'number') text = String(value);
  else return null;
  if (text === '') return null;
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      <Text span fw={600} size="sm">
        {detailLabels[name] ?? name}:
      </Text>{' '}
      {text}
    </Text>
  );
}

function EventItem({ e }: { e: FindingEventRecord }) {
  const changed = e.fromState !== e.toState;
  const shownDetails = Object.entries(e.details).filter(
    ([name]) => !(e.event === 'acknowledge' && name === 'note'),
  );
  return (
    <Stack gap={2}>
      <Text size="sm">
        {e.onDate} · {e.byName ?? 'Audit Desk'}
        <Text span size="xs" c="dimmed">
          {' '}
          (recorded {formatInstant(e.recordedAt)})
        </Text>
      </Text>
      {changed && (
        <Text size="sm">
          {e.fromState === null
            ? `State: ${stateLabel(e.toState)}`
            : `${stateLabel(e.fromState)} → ${stateLabel(e.toState)}`}
        </Text>
      )}
      {e.reason && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600} size="sm">
            {e.event === 'grade'
              ? 'Rationale'
              : e.event === 'acknowledge'
                ? 'Client’s comment'
                : 'Reason'}
            :
          </Text>{' '}
          {e.reason}
        </Text>
      )}
      {shownDetails.map(([name, value]) => (
        <DetailValue key={name} name={name} value={value} />
      ))}
    </Stack>
  );
}

/** Every event of the finding, oldest first: who, when, from → to, the reason and the details. */
export default function FindingTimeline({ events }: { events: FindingEventRecord[] }) {
  const ordered = [...events].sort((a, b) =>
    a.recordedAt === b.recordedAt
      ? a.id.localeCompare(b.id)
      : a.recordedAt.localeCompare(b.recordedAt),
  );
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Timeline
      </Title>
      <Timeline
        active={ordered.length - 1}
        bulletSize={14}
        lineWidth={2}
        data-testid="finding-timeline"
      >
        {ordered.map((e) => (
          <Timeline.Item key={e.id} title={eventTitles[e.event] ?? e.event}>
            <EventItem e={e} />
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
