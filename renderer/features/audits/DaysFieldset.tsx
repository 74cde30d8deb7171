import { Fieldset, NumberInput, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { numberOrUndefined } from '../../forms';
import type { DaysBasis } from './AuditPlanForm';
import type { AuditFormValues } from './auditFormValues';
import { formatDays } from '../../format';

interface Props {
  form: UseFormReturnType<AuditFormValues>;
  basis: DaysBasis;
}

/**
 * On-site and remote days next to the calculated audit time. Moving days between on site and remote
 * keeps the total; changing the total needs a reason (ISO/IEC 17021-1 9.1.4).
 */
export default function DaysFieldset({ form, basis }: Props) {
  const values = form.getValues();
  const onsite = numberOrUndefined(values.onsiteDays) ?? 0;
  const remote = numberOrUndefined(values.remoteDays) ?? 0;
  const planned = onsite + remote;
  const deviates = basis.calculatedDays !== null && planned !== basis.calculatedDays;
  const belowFloor = basis.minOnsiteDays !== null && onsite < basis.minOnsiteDays;
  return (
    <Fieldset legend="Audit days">
      <Stack>
        {basis.source && (
          <Text size="sm" c="dimmed" data-testid="days-source">
            {basis.source}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label="On-site days"
            description="Whole or half days"
            decimalScale={1}
            step={0.5}
            min={0}
            clampBehavior="none"
            withAsterisk
            {...form.getInputProps('onsiteDays')}
          />
          <NumberInput
            label="Remote days"
            description="Whole or half days"
            decimalScale={1}
            step={0.5}
            min={0}
            clampBehavior="none"
            {...form.getInputProps('remoteDays')}
          />
        </SimpleGrid>
        <Text size="sm" data-testid="days-summary" aria-live="polite">
          Planned: {formatDays(planned)}
          {basis.calculatedDays !== null
            ? ` · calculated: ${formatDays(basis.calculatedDays)}`
            : ''}
          {deviates ? ' · differs from the calculation' : ''}
        </Text>
        {belowFloor && (
          <Text size="sm" c="orange.9">
            Fewer than {basis.minOnsiteDays} days on site: the audit-time table keeps at least 80%
            of the audit on site.
          </Text>
        )}
        <Textarea
          label="Reason the days differ from the calculation"
          description={
            basis.calculatedDays === null
              ? 'No calculated audit time to compare with.'
              : `Required when on-site and remote days do not add up to ${basis.calculatedDays}.`
          }
          autosize
          minRows={2}
          withAsterisk={deviates}
          {...form.getInputProps('daysDeviationReason')}
        />
      </Stack>
    </Fieldset>
  );
}
