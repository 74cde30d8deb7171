import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { decisionKindLabels } from '../../../shared/certificates/decision-rules';
import type { CertificationDecisionRecord } from '../../../shared/certificates/schema';

/** One certification decision as the record shows it: what, when, who, why, on what conditions. */
export default function DecisionSummary({ decision }: { decision: CertificationDecisionRecord }) {
  return (
    <Stack gap={4} data-testid="decision-summary">
      <Text fw={600}>
        {decisionKindLabels[decision.kind]} on {decision.decisionDate}
        <Text span c="dimmed" fw={400}>
          {' '}
          by {decision.decidedByName ?? 'the command line'}
        </Text>
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <Text span fw={600} size="sm">
          Reasons:{' '}
        </Text>
        {decision.reasons}
      </Text>
      {decision.conditions !== '' && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600} size="sm">
            Conditions:{' '}
          </Text>
          {decision.conditions}
        </Text>
      )}
      {decision.scopeText !== null && (
        <Text size="sm" c="dimmed">
          Scope stated: {decision.scopeText}
        </Text>
      )}
      {decision.certificateId && decision.certificateNumber && (
        <Text size="sm">
          Issued certificate{' '}
          <Anchor component={Link} to={`/certificates/${decision.certificateId}`} size="sm">
            {decision.certificateNumber}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
