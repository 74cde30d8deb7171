import { Badge } from '@mantine/core';
import { approvalStateLabels, type ApprovalState } from '../../../shared/audit-time';

const colors: Record<ApprovalState, string> = {
  notRequired: 'gray',
  pending: 'yellow',
  approved: 'green',
  rejected: 'red',
};

export default function ApprovalBadge({ state }: { state: ApprovalState }) {
  return (
    <Badge color={colors[state]} data-testid="approval-state">
      {approvalStateLabels[state]}
    </Badge>
  );
}
