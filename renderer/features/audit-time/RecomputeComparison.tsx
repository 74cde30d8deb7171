import { Alert, Loader, Table } from '@mantine/core';
import type { AuditTimeResult } from '../../../shared/audit-time';
import { errorMessage } from '../../api';
import { useRecomputation } from './useAuditTime';

const rows: { label: string; value: (r: AuditTimeResult) => string | number }[] = [
  { label: 'Effective personnel', value: (r) => r.effectivePersonnel },
  { label: 'Band', value: (r) => r.band },
  { label: 'Table value (days)', value: (r) => r.baseDays },
  { label: 'Adjustment', value: (r) => `${r.netAdjustmentPercent}%` },
  { label: 'Adjusted days', value: (r) => r.adjustedDays },
  { label: 'Stage 1', value: (r) => r.stage1Days },
  { label: 'Stage 2', value: (r) => r.stage2Days },
  { label: 'Initial audit in total', value: (r) => r.initialTotalDays },
  { label: 'Surveillance (each year)', value: (r) => r.surveillanceDays },
  { label: 'Recertification', value: (r) => r.recertificationDays },
  {
    label: 'Sampled sites (initial / surveillance / recertification)',
    value: (r) =>
      `${r.sampledSites.initial} / ${r.sampledSites.surveillance} / ${r.sampledSites.recertification}`,
  },
];

/** The saved figures next to the same input under today's current table; the saved ones stay. */
export default function RecomputeComparison({ id }: { id: string }) {
  const recomputation = useRecomputation(id, true);
  if (recomputation.isPending) return <Loader aria-label="Recomputing" />;
  if (recomputation.isError) {
    return <Alert color="red">{errorMessage(recomputation.error)}</Alert>;
  }
  const { saved, currentTableVersion, tableChanged, recomputed } = recomputation.data;
  if (!recomputed.ok) {
    return (
      <Alert color="orange" title={`Cannot be recomputed under ${currentTableVersion}`}>
        {recomputed.error.message}
      </Alert>
    );
  }
  const now = recomputed.value;
  return (
    <>
      {!tableChanged && (
        <Alert color="gray" mb="sm">
          Table {currentTableVersion} is still current: the figures are the same.
        </Alert>
      )}
      <Table aria-label="Saved and recomputed side by side" striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Figure</Table.Th>
            <Table.Th>Saved under {saved.tableVersion}</Table.Th>
            <Table.Th>Under the current table {currentTableVersion}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const before = row.value(saved.output);
            const after = row.value(now);
            return (
              <Table.Tr key={row.label}>
                <Table.Td>{row.label}</Table.Td>
                <Table.Td>{before}</Table.Td>
                <Table.Td fw={before === after ? undefined : 700}>
                  {after}
                  {before === after ? '' : ' (changed)'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </>
  );
}
