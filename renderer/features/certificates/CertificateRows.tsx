import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CertificateRow } from '../../../shared/certificates/schema';
import { countryName } from '../../../shared/countries';
import CertificateStatusBadge from './CertificateStatusBadge';

const columns = ['Number', 'Organisation', 'Status', 'Issued', 'Expires', 'Scope'];
const grid = '12rem minmax(10rem, 1.5fr) 7.5rem 7rem 7rem minmax(12rem, 2fr)';
const rowHeight = 52;

interface Props {
  rows: CertificateRow[];
  /** Changes when the filters change, to start again at the top. */
  resetKey: string;
}

/** The register's rows, virtualised: only what is on screen is drawn, so thousands scroll smoothly. */
export default function CertificateRows({ rows, resetKey }: Props) {
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtual list we use
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  return (
    <div
      role="table"
      aria-label="Certificates"
      aria-rowcount={rows.length + 1}
      style={{
        flex: 1,
        minHeight: 320,
        display: 'flex',
        flexDirection: 'column',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
      }}
    >
      <div role="rowgroup">
        <div
          role="row"
          className="client-row header"
          style={{ height: 40, gridTemplateColumns: grid }}
        >
          {columns.map((label) => (
            <div key={label} role="columnheader" className="cell">
              {label}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        style={{ flex: 1, overflow: 'auto' }}
        data-testid="certificate-rows"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                className="client-row"
                data-certificate={row.number}
                onClick={() => navigate(`/certificates/${row.id}`)}
                style={{
                  position: 'absolute',
                  top: item.start,
                  left: 0,
                  right: 0,
                  height: rowHeight,
                  gridTemplateColumns: grid,
                  fontSize: 'var(--mantine-font-size-sm)',
                }}
              >
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
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
