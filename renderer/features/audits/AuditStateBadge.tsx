import { Badge } from '@mantine/core';
import { auditStateLabels, type AuditState } from '../../../shared/programme/vocabulary';

const colours: Record<AuditState, string> = {
  planned: 'gray',
  confirmed: 'blue',
  in_progress: 'indigo',
  completed: 'green',
  cancelled: 'red',
};

export default function AuditStateBadge({ state }: { state: AuditState }) {
  return (
    <Badge color={colours[state]} variant="light">
      {auditStateLabels[state]}
    </Badge>
  );
}
