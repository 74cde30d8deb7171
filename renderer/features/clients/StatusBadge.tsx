import { Badge } from '@mantine/core';
import type { ClientStatus } from '../../../shared/clients/schema';

const colours: Record<ClientStatus, string> = {
  prospect: 'gray',
  applicant: 'blue',
  certified: 'green',
  suspended: 'orange',
  withdrawn: 'red',
};

export const statusLabels: Record<ClientStatus, string> = {
  prospect: 'Prospect',
  applicant: 'Applicant',
  certified: 'Certified',
  suspended: 'Suspended',
  withdrawn: 'Withdrawn',
};

export default function StatusBadge({ status }: { status: ClientStatus }) {
  return <Badge color={colours[status]}>{statusLabels[status]}</Badge>;
}
