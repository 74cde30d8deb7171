import { Badge } from '@mantine/core';
import { findingStateLabels } from '../../../shared/findings/lifecycle';
import type { FindingState } from '../../../shared/findings/schema';

const colours: Record<FindingState, string> = {
  open: 'yellow',
  responseSubmitted: 'indigo',
  responseAccepted: 'blue',
  verified: 'green',
  closed: 'gray',
  escalated: 'orange',
  cancelled: 'gray',
};

export default function FindingStateBadge({ state }: { state: FindingState }) {
  return (
    <Badge color={colours[state]} variant="light" miw="max-content">
      {findingStateLabels[state]}
    </Badge>
  );
}
