import { Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { CertificateRow } from '../../../shared/certificates/schema';
import { countryName } from '../../../shared/countries';
import VirtualRows from '../../ui/VirtualRows';
import CertificateStatusBadge from './CertificateStatusBadge';

const columns = ['Number', 'Organisation', 'Status', 'Issued', 'Expires', 'Scope'];
const grid = '12rem minmax(10rem, 1.5fr) 7.5rem 7rem 7rem minmax(12rem, 2fr)';

interface Props {
  rows: CertificateRow[];
  /** Changes when the filters change, to start again at the top. */
  resetKey: string;
}

/** The register's rows, virtualised: only what is on screen is drawn, so thousands scroll smoothly. */
export default function CertificateRows({ rows, resetKey }: Props) {
  const navigate = useNavigate();
  return (
    <VirtualRows
      label="Certificates"
      testId="certificate-rows"
      columns={columns}
      grid={grid}
      rowHeight={52}
      rows={rows}
      resetKey={resetKey}
      rowKey={(row) => row.id}
      rowAttributes={(row) => ({
        'data-certificate': row.number,
        onClick: () => navigate(`/certificates/${row.id}`),
      })}
      renderCells={(row) => (
        <>
          <div role="cell" className="cell">
            <Link to={`/certificates/${row.id}`} onClick={(e) => e.stopPropagation()}>
              {row.number}
            </Link>
            {row.replacedByNumber && (
              <Text size="xs" c="dimmed" truncate>
                replaced by {row.replacedByNumber}
              </Text>
            )}
          </div>
          <div role="cell" className="cell" title={row.organisation}>
            {row.organisation}
            <Text size="xs" c="dimmed" truncate>
              {row.clientReference} · {countryName(row.country)}
            </Text>
          </div>
          <div role="cell" className="cell">
            <CertificateStatusBadge status={row.status} />
          </div>
          <div role="cell" className="cell">
            {row.issueDate}
          </div>
          <div role="cell" className="cell" data-testid="certificate-expiry">
            {row.expiryDate}
          </div>
          <div role="cell" className="cell" title={row.scopeText}>
            <Text size="sm" lineClamp={2} style={{ whiteSpace: 'normal' }}>
              {row.scopeText}
            </Text>
          </div>
        </>
      )}
    />
  );
}
