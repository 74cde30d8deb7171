import { Alert, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import type { AuditTimeResult, AuditType } from '../../../shared/audit-time';

export const auditTypeLabels: Record<AuditType, string> = {
  initial: 'Initial certification (Stage 1 + Stage 2)',
  surveillance: 'Surveillance',
  recertification: 'Recertification',
};

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
const percent = (n: number) => (n > 0 ? `+${n}%` : `${n}%`);

/** The figures of one calculation: the organisation-level time and each audit of the cycle. */
export default function ResultSummary({
  result,
  label = 'Result',
}: {
  result: AuditTimeResult;
  label?: string;
}) {
  const cap = result.justification.find((e) => e.code === 'REDUCTION_CAP');
  const requested = result.requested;
  return (
    <div aria-label={label} role="group">
      <Paper withBorder p="sm" mb="sm" bg="indigo.0">
        <Text fw={600} data-testid="requested-days">
          {auditTypeLabels[requested.auditType]}: {days(requested.days)}
          {requested.sampledSites > 0
            ? `, ${requested.sampledSites} sampled ${requested.sampledSites === 1 ? 'site' : 'sites'}`
            : ''}
        </Text>
        <Text size="sm" c="dimmed">
          Calculated with table {result.tableVersion}
        </Text>
      </Paper>
      {cap && (
        <Alert color="orange" title="The reduction cap applied" mb="sm" data-testid="reduction-cap">
          {cap.message}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="sm">
        <Figure label="Effective personnel" value={String(result.effectivePersonnel)} />
        <Figure label="Band" value={result.band} />
        <Figure label="Table value" value={days(result.baseDays)} />
        <Figure
          label="Adjustment"
          value={`${percent(result.netAdjustmentPercent)}${result.reductionCapped ? ' (capped)' : ''}${
            result.integrationReductionPercent > 0
              ? `, then −${result.integrationReductionPercent}% integration`
              : ''
          }`}
        />
      </SimpleGrid>
      <Table aria-label={`${label}: audit days`} striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Audit</Table.Th>
            <Table.Th>Days</Table.Th>
            <Table.Th>Sampled sites</Table.Th>
            <Table.Th>At least on site</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>Stage 1</Table.Td>
            <Table.Td>{result.stage1Days}</Table.Td>
            <Table.Td>—</Table.Td>
            <Table.Td>—</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>Stage 2</Table.Td>
            <Table.Td>{result.stage2Days}</Table.Td>
            <Table.Td>{result.sampledSites.initial}</Table.Td>
            <Table.Td>{result.minOnSiteDays.stage2}</Table.Td>
          </Table.Tr>
          <Table.Tr fw={600}>
            <Table.Td>Initial audit in total</Table.Td>
            <Table.Td data-testid="initial-total">{result.initialTotalDays}</Table.Td>
            <Table.Td>{result.sampledSites.initial}</Table.Td>
            <Table.Td>—</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>Surveillance (each year)</Table.Td>
            <Table.Td>{result.surveillanceDays}</Table.Td>
            <Table.Td>{result.sampledSites.surveillance}</Table.Td>
            <Table.Td>{result.minOnSiteDays.surveillance}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>Recertification</Table.Td>
            <Table.Td>{result.recertificationDays}</Table.Td>
            <Table.Td>{result.sampledSites.recertification}</Table.Td>
            <Table.Td>{result.minOnSiteDays.recertification}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </div>
  );
}
