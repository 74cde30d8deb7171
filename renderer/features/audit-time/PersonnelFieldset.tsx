import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { Plus, Trash2 } from 'lucide-react';
import type { AuditTimePrefill } from '../../../shared/audit-time';
import type { CalculationFormState, FieldProps } from './fieldProps';

interface Props {
  form: CalculationFormState;
  field: FieldProps;
  prefill: AuditTimePrefill;
}

/** Effective personnel from raw counts (IAF MD 5 2.3; ISO/IEC 27006-1 C.3.4 for repetitive work). */
export default function PersonnelFieldset({ form, field, prefill }: Props) {
  const groups = form.values.personnel.repetitiveGroups;
  return (
    <Fieldset legend="Personnel in scope">
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <NumberInput
            label="Full-time persons"
            description={`From the client’s sites: ${prefill.personnel.fullTime}`}
            allowDecimal={false}
            clampBehavior="none"
            {...field('personnel.fullTime')}
          />
          <NumberInput
            label="Part-time hours per week"
            description={`All part-timers together; from the sites: ${prefill.personnel.partTimeHours}`}
            allowDecimal={false}
            clampBehavior="none"
            {...field('personnel.partTimeHours')}
          />
          <NumberInput
            label="Hours in a full-time week"
            description="Part-time hours are converted with this"
            allowDecimal={false}
            clampBehavior="none"
            {...field('personnel.fullTimeWeeklyHours')}
          />
        </SimpleGrid>
        <Text size="sm">
          Groups doing identical, simple, directed work may count as √ of their head count, rounded
          up (ISO/IEC 27006-1 C.3.4). Take those persons out of the full-time figure.
        </Text>
        {groups.map((_, i) => (
          <Group key={i} align="end">
            <TextInput
              label={`Group ${i + 1} activity`}
              placeholder="e.g. data labelling"
              {...field(`personnel.repetitiveGroups.${i}.label`)}
            />
            <NumberInput
              label={`Group ${i + 1} persons`}
              allowDecimal={false}
              clampBehavior="none"
              {...field(`personnel.repetitiveGroups.${i}.count`)}
            />
            <Button
              variant="subtle"
              color="red"
              leftSection={<Trash2 size={14} aria-hidden />}
              onClick={() => form.removeListItem('personnel.repetitiveGroups', i)}
            >
              Remove group {i + 1}
            </Button>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          leftSection={<Plus size={14} aria-hidden />}
          onClick={() =>
            form.insertListItem('personnel.repetitiveGroups', { label: '', count: '' })
          }
        >
          Add a repetitive-work group
        </Button>
      </Stack>
    </Fieldset>
  );
}
