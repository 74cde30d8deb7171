import { Table } from '@mantine/core';
import type { AuditTimeTable } from '../../../shared/audit-time';
import SourceBadge from '../audit-time/SourceBadge';

/** The factor catalogue: what each adjustment means and the range its percentage must lie in. */
export default function FactorsView({ table }: { table: AuditTimeTable }) {
  return (
    <Table striped withTableBorder aria-label="Adjustment factors">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Code</Table.Th>
          <Table.Th>Meaning</Table.Th>
          <Table.Th>Allowed</Table.Th>
          <Table.Th>Source</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.factors.map((f) => (
          <Table.Tr key={f.code}>
            <Table.Td>{f.code}</Table.Td>
            <Table.Td>{f.meaning}</Table.Td>
            <Table.Td>
              {f.min}% to {f.max}%
            </Table.Td>
            <Table.Td>
              <SourceBadge source={f.source} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
