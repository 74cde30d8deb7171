import { SimpleGrid, Table, Text } from '@mantine/core';
import { aiRoleColumnLabels, type AuditTimeEntry } from '../../../shared/audit-time';
import { auditTypeLabels } from './ResultSummary';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}

function personnelText(input: AuditTimeEntry): string {
  if (input.personnel === undefined) return `${input.effectivePersonnel ?? 0} effective persons`;
  const p = input.personnel;
  const groups = p.repetitiveGroups.map((g) => `${g.count} in ${g.label ?? 'a repetitive group'}`);
  return [
    `${p.fullTime} full-time`,
    `${p.partTimeHours} part-time hours a week (${p.fullTimeWeeklyHours}-hour week)`,
    ...groups,
  ].join(', ');
}

/** What a saved result was calculated from, including every factor's reason. */
export default function SavedInputs({ input }: { input: AuditTimeEntry }) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 3 }} mb="sm">
        <Field label="Audit" value={auditTypeLabels[input.auditType]} />
        <Field label="AI role column" value={aiRoleColumnLabels[input.aiRole]} />
        <Field label="Personnel" value={personnelText(input)} />
        <Field
          label="Sites"
          value={`${input.sites}${input.additionalSampledSites > 0 ? `, ${input.additionalSampledSites} more sampled for risk` : ''}`}
        />
        <Field
          label="Combined audit"
          value={
            input.combinedWith.length > 0
              ? `${input.combinedWith.join(', ')}, −${input.integrationReductionPercent}% for integration`
              : 'No'
          }
        />
      </SimpleGrid>
      {input.factors.length > 0 && (
        <Table aria-label="Adjustment factors" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Factor</Table.Th>
              <Table.Th>Percentage</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {input.factors.map((f) => (
              <Table.Tr key={f.code}>
                <Table.Td>{f.code}</Table.Td>
                <Table.Td>{f.percent > 0 ? `+${f.percent}` : f.percent}%</Table.Td>
                <Table.Td>{f.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
