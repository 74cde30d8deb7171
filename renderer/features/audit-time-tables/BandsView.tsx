import { Table } from '@mantine/core';
import { aiRoleColumnLabels, type AuditTimeTable } from '../../../shared/audit-time';
import SourceBadge from '../audit-time/SourceBadge';

/** Effective personnel → initial audit days (Stage 1 + Stage 2) per ISO/IEC 42006 role column. */
export default function BandsView({ table }: { table: AuditTimeTable }) {
  const x = table.extrapolation;
  return (
    <Table striped withTableBorder aria-label="Bands">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Persons</Table.Th>
          <Table.Th>{aiRoleColumnLabels.developerProviderUser}</Table.Th>
          <Table.Th>{aiRoleColumnLabels.producer}</Table.Th>
          <Table.Th>{aiRoleColumnLabels.multipleRoles}</Table.Th>
          <Table.Th>Source</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.bands.map((b) => (
          <Table.Tr key={b.min}>
            <Table.Td>
              {b.min}–{b.max}
            </Table.Td>
            <Table.Td>{b.developerProviderUser}</Table.Td>
            <Table.Td>{b.producer}</Table.Td>
            <Table.Td>{b.multipleRoles}</Table.Td>
            <Table.Td>
              <SourceBadge source={b.source} />
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td>each {x.everyPersons} more</Table.Td>
          <Table.Td>+{x.developerProviderUser}</Table.Td>
          <Table.Td>+{x.producer}</Table.Td>
          <Table.Td>+{x.multipleRoles}</Table.Td>
          <Table.Td>
            <SourceBadge source={x.source} />
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
