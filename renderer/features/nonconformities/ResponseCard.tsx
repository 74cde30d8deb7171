import { Badge, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import {
  verificationMethodLabels,
  type VerificationMethod,
} from '../../../shared/findings/lifecycle';
import type { FindingDetail } from '../../../shared/findings/schema';

function Block({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

/** The client's latest response, the reviews of it and the verification of effectiveness. */
export default function ResponseCard({ detail }: { detail: FindingDetail }) {
  const { response, reviews, verification } = detail;
  if (detail.grade === 'ofi' && !response) return null;
  return (
    <Card withBorder data-testid="finding-response">
      <Title order={2} size="h4" mb="sm">
        Client’s response and review
      </Title>
      {!response ? (
        <Text size="sm" c="dimmed">
          No response recorded yet. When the client sends its correction, root cause and corrective
          action, record it with “Record the client’s response”.
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">Received {response.submittedOn} (the latest response).</Text>
          <Block label="Correction">{response.correction}</Block>
          <Block label="Root cause">{response.rootCause}</Block>
          <Block label="Corrective action">{response.correctiveAction}</Block>
          <Block label="Planned completion">{response.plannedCompletion}</Block>
        </Stack>
      )}
      {reviews.length > 0 && (
        <>
          <Divider my="sm" />
          <Stack gap="xs" aria-label="Reviews">
            {reviews.map((r, i) => (
              <Group key={`${r.onDate}-${i}`} gap="xs" align="start" wrap="nowrap">
                <Badge
                  color={r.outcome === 'accepted' ? 'green' : 'red'}
                  variant="light"
                  style={{ flexShrink: 0 }}
                >
                  {r.outcome === 'accepted' ? 'Accepted' : 'Rejected'}
                </Badge>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.onDate} by {r.byName ?? '—'}
                  {r.reason ? `: ${r.reason}` : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        </>
      )}
      {verification && (
        <>
          <Divider my="sm" />
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Verification: {verification.effective ? 'effective' : 'not effective'}
            </Text>
            <Text size="sm">
              {verificationMethodLabels[verification.method as VerificationMethod] ??
                verification.method}
              , {verification.onDate} by {verification.byName ?? '—'}
            </Text>
            {verification.evidence && <Block label="Evidence">{verification.evidence}</Block>}
          </Stack>
        </>
      )}
    </Card>
  );
}
