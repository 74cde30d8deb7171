import { Badge } from '@mantine/core';
import type { AuditStatus } from '../../../shared/cycle';

const colours: Record<AuditStatus, string> = {
  planned: 'gray',
  due: 'yellow',
  overdue: 'red',
  done: 'green',
};

export const programmeStatusLabels: Record<AuditStatus, string> = {
  planned: 'Planned',
  due: 'Due',
  overdue: 'Overdue',
  done: 'Done',
};

/** The state of a programme event as the cycle rules name it (planned, due, overdue, done). */
export default function ProgrammeStatusBadge({ status }: { status: AuditStatus | null }) {
  if (status === null)
    return (
      <Badge color="gray" variant="outline">
        Not yet known
      </Badge>
    );
  return (
    <Badge color={colours[status]} variant="light">
      {programmeStatusLabels[status]}
    </Badge>
  );
}
