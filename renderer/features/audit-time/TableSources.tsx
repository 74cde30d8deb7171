import { Table, Text } from '@mantine/core';
import type { AuditTimeTable, TableSource } from '../../../shared/audit-time';
import SourceBadge from './SourceBadge';

interface Row {
  part: string;
  value: string;
  source: TableSource;
}

const share = (s: { numerator: number; denominator: number }) => `${s.numerator}/${s.denominator}`;

/** Each part of the method with its value and whether it is published or the CB's own choice. */
export function sourceRows(table: AuditTimeTable, band?: string): Row[] {
  const used = table.bands.find((b) => `${b.min}-${b.max}` === band);
  const { extrapolation: x, minimums: m } = table;
  return [
    ...(used
      ? [
          {
            part: `Table value for band ${band}`,
            value: `${used.developerProviderUser} / ${used.producer} / ${used.multipleRoles} days`,
            source: used.source,
          },
        ]
      : band?.startsWith('>')
        ? [
            {
              part: 'Beyond the last band',
              value: `+${x.developerProviderUser} / ${x.producer} / ${x.multipleRoles} days per ${x.everyPersons} persons`,
              source: x.source,
            },
          ]
        : []),
    {
      part: 'Repetitive work counted as √ of the group',
      value: '√n, rounded up',
      source: 'iso27006',
    },
    {
      part: 'Total reduction cap',
      value: `${table.reductionCap.percent}%`,
      source: table.reductionCap.source,
    },
    {
      part: 'Combined audit reduction cap',
      value: `${table.integrationCap.percent}%`,
      source: table.integrationCap.source,
    },
    { part: 'Rounding', value: 'nearest half day', source: 'iafMd5' },
    { part: 'Stage 1 share', value: share(table.stage1Share), source: table.stage1Share.source },
    {
      part: 'Surveillance share',
      value: share(table.surveillanceShare),
      source: table.surveillanceShare.source,
    },
    {
      part: 'Recertification share',
      value: share(table.recertificationShare),
      source: table.recertificationShare.source,
    },
    {
      part: 'Minimums (Stage 1 / Stage 2 / surveillance / recertification)',
      value: `${m.stage1} / ${m.stage2} / ${m.surveillance} / ${m.recertification} days`,
      source: m.source,
    },
    { part: 'Site sample sizes', value: '√x, 0.6·√x, 0.8·√x rounded up', source: 'iafMd1' },
    {
      part: 'Time per sampled site',
      value: `${table.perSampledSite.days} days`,
      source: table.perSampledSite.source,
    },
    {
      part: 'Time on site at least',
      value: `${table.onSiteFloor.percent}%`,
      source: table.onSiteFloor.source,
    },
  ];
}

export default function TableSources({ table, band }: { table: AuditTimeTable; band?: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed" mb="xs">
        ISO/IEC 42006’s own table is not public: published figures are marked, everything else is
        this CB’s documented choice in table {table.version}.
      </Text>
      <Table aria-label="Where the figures come from" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Part of the method</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th>Source</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sourceRows(table, band).map((row) => (
            <Table.Tr key={row.part}>
              <Table.Td>{row.part}</Table.Td>
              <Table.Td>{row.value}</Table.Td>
              <Table.Td>
                <SourceBadge source={row.source} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
