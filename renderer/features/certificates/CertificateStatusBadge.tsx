import { Badge } from '@mantine/core';
import {
  issuedCertificateStatusLabels,
  type IssuedCertificateStatus,
} from '../../../shared/certificates/status';

const colours: Record<IssuedCertificateStatus, string> = {
  active: 'green',
  suspended: 'orange',
  withdrawn: 'red',
  expired: 'gray',
};

export default function CertificateStatusBadge({ status }: { status: IssuedCertificateStatus }) {
  return (
    <Badge color={colours[status]} variant="light" miw="max-content">
      {issuedCertificateStatusLabels[status]}
    </Badge>
  );
}
