import { Checkbox, Fieldset, NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import {
  aiRoleColumnLabels,
  aiRoleColumns,
  auditTypes,
  iso27001,
  type AuditTimePrefill,
  type AuditTimeTable,
} from '../../../shared/audit-time';
import type { CalculationFormState, FieldProps } from './fieldProps';
import { auditTypeLabels } from './ResultSummary';

interface Props {
  form: CalculationFormState;
  field: FieldProps;
  prefill: AuditTimePrefill;
  table: AuditTimeTable;
}

/** Which audit, which ISO/IEC 42006 role column, how many sites, and a combined ISO/IEC 27001 audit. */
export default function AuditFieldset({ form, field, prefill, table }: Props) {
  const suggested = form.values.aiRole === prefill.role.aiRole;
  const certificate = prefill.iso27001Certificate;
  return (
    <Fieldset legend="Audit">
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label="Audit to plan"
            data={auditTypes.map((t) => ({ value: t, label: auditTypeLabels[t] }))}
            allowDeselect={false}
            {...field('auditType')}
          />
          <Select
            label="AI role column (ISO/IEC 42006)"
            description={
              suggested
                ? `Suggested: ${prefill.role.reason}`
                : `Changed from the suggested ${aiRoleColumnLabels[prefill.role.aiRole]}.`
            }
            data={aiRoleColumns.map((r) => ({ value: r, label: aiRoleColumnLabels[r] }))}
            allowDeselect={false}
            {...field('aiRole')}
          />
          <NumberInput
            label="Sites in scope"
            description={`Including the central function; the client has ${prefill.sites}`}
            allowDecimal={false}
            clampBehavior="none"
            {...field('sites')}
          />
          <NumberInput
            label="Additional sampled sites"
            description="A risk-based increase of the IAF MD 1 sample"
            allowDecimal={false}
            clampBehavior="none"
            {...field('additionalSampledSites')}
          />
        </SimpleGrid>
        {certificate && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Checkbox
              label={`Combined audit with ${iso27001}`}
              description={`The client holds ${certificate.standard}${certificate.certificateNumber ? ` (${certificate.certificateNumber})` : ''}`}
              {...form.getInputProps('combinedWith27001', { type: 'checkbox' })}
            />
            {form.values.combinedWith27001 && (
              <NumberInput
                label="Reduction for integration (%)"
                description={`For the level of integration of the two systems, at most ${table.integrationCap.percent}% (IAF MD 11)`}
                allowDecimal={false}
                clampBehavior="none"
                {...field('integrationReductionPercent')}
              />
            )}
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  );
}
