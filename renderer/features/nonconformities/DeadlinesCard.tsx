import { Alert, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { TriangleAlert } from 'lucide-react';
import type { FindingDetail } from '../../../shared/findings/schema';

function Due({ label, value, note }: { label: string; value: string | null; note: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600}>{value ?? '—'}</Text>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </div>
  );
}

function warnings(d: FindingDetail): { title: string; text: string }[] {
  const out: { title: string; text: string }[] = [];
  const { deadlines } = d;
  if (deadlines.flags.includes('responseOverdue') && deadlines.responseDue) {
    out.push({
      // The due day itself is still on time (nonconformities.md 4): "due on", not "overdue since".
      title: `Response overdue: it was due on ${deadlines.responseDue}`,
      text:
        d.grade === 'major'
          ? 'The client’s accepted response was due by then. A major response more than 30 days late leads to a suspension proposal (Audit Desk rule).'
          : 'The client’s accepted response was due by then; overdue minor responses trigger reminders only (Audit Desk rule).',
    });
  }
  if (deadlines.flags.includes('verificationOverdue') && deadlines.verificationDue) {
    out.push({
      title: `Verification overdue: it was due on ${deadlines.verificationDue}`,
      text:
        deadlines.hardLimit !== null && deadlines.verificationDue === deadlines.hardLimit
          ? 'The major’s corrections and corrective actions were to be verified by the hard limit (ISO/IEC 17021-1 9.5.2, 9.5.3 / 9.6.3.2).'
          : 'The major’s corrections and corrective actions were to be verified within 90 days of the audit (Audit Desk rule); certification decisions wait for it (ISO/IEC 17021-1 9.5.2).',
    });
  }
  if (deadlines.suspensionProposal) {
    out.push({
      title: 'Propose a suspension to a decision maker',
      text: deadlines.suspensionProposal,
    });
  }
  if (deadlines.flags.includes('newStage2Required')) {
    out.push({
      title: 'New Stage 2 required',
      text: `The Stage 2 major was not verified within 6 months of the audit’s last day (hard limit ${deadlines.hardLimit ?? '—'}): certification can only follow a new Stage 2 (ISO/IEC 17021-1 9.5.3).`,
    });
  }
  return out;
}

/** The finding's computed deadlines (nonconformities.md section 4) and what is late. */
export default function DeadlinesCard({ detail }: { detail: FindingDetail }) {
  const d = detail.deadlines;
  const late = warnings(detail);
  const hardLimitNote =
    detail.auditType === 'recertification'
      ? 'The certificate’s expiry (ISO/IEC 17021-1 9.6.3.2)'
      : detail.auditType === 'stage2'
        ? '6 months after the Stage 2 (ISO/IEC 17021-1 9.5.3)'
        : 'None for this audit type';
  return (
    <Card withBorder data-testid="finding-deadlines">
      <Title order={2} size="h4" mb="sm">
        Deadlines
      </Title>
      <Stack gap="sm">
        {late.map((w) => (
          <Alert
            key={w.title}
            color="red"
            title={w.title}
            icon={<TriangleAlert size={18} aria-hidden />}
          >
            {w.text}
          </Alert>
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Due
            label="Audit’s last day"
            value={d.auditLastDay}
            note="Every deadline counts from this day."
          />
          <Due
            label="Response due"
            value={d.responseDue}
            note={
              detail.grade === 'ofi'
                ? 'An OFI needs no response.'
                : '30 days after the audit (Audit Desk rule); rejection does not restart it.'
            }
          />
          <Due
            label="Verification due"
            value={d.verificationDue}
            note={
              detail.grade === 'major'
                ? 'The earlier of 90 days (Audit Desk rule) and the hard limit.'
                : 'Majors only; a minor’s implementation is verified at the next audit.'
            }
          />
          <Due
            label="Hard limit"
            value={d.hardLimit}
            note={detail.grade === 'major' ? hardLimitNote : 'Majors only.'}
          />
        </SimpleGrid>
        {detail.grade === null && (
          <Text size="sm" c="dimmed">
            The deadlines depend on the grade: they appear once the lead auditor grades the finding.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
