import { NativeSelect, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { CatalogueItem } from '../../../shared/iso42001/catalogue';
import { implementationStatuses, implementationStatusLabels } from '../../../shared/soa/schema';
import type { SoaFormValues } from './soaFormValues';

interface Props {
  form: UseFormReturnType<SoaFormValues>;
  index: number;
  control: CatalogueItem;
}

const statusOptions = implementationStatuses.map((s) => ({
  value: s,
  label: implementationStatusLabels[s],
}));

/** One Annex A control of the SoA: applicable or excluded, status, justification, reference. */
export default function SoaControlRow({ form, index, control }: Props) {
  const path = `controls.${index}`;
  const row = form.values.controls[index];
  if (!row) return null;
  const applicable = form.getInputProps(`${path}.applicable`, { type: 'checkbox' });
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {control.id}
        </Text>
        <Text size="sm">{control.title}</Text>
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={`${control.id} applicable`}
          label={row.applicable ? 'Applicable' : 'Excluded'}
          {...applicable}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={`Implementation status of ${control.id}`}
          // An excluded control has no status; showing one would suggest it is audited.
          data={row.applicable ? statusOptions : [{ value: '', label: 'Not applicable' }]}
          disabled={!row.applicable}
          {...form.getInputProps(`${path}.implementationStatus`)}
          value={row.applicable ? (row.implementationStatus ?? '') : ''}
        />
      </Table.Td>
      <Table.Td miw={260}>
        <Textarea
          aria-label={`Justification for ${control.id}`}
          placeholder={
            row.applicable ? 'Why it is included (optional)' : 'Required: why it is excluded'
          }
          autosize
          minRows={1}
          aria-required={!row.applicable}
          {...form.getInputProps(`${path}.justification`)}
        />
      </Table.Td>
      <Table.Td miw={160}>
        <TextInput
          aria-label={`Document reference for ${control.id}`}
          placeholder="e.g. PRC-07"
          {...form.getInputProps(`${path}.reference`)}
        />
      </Table.Td>
    </Table.Tr>
  );
}
