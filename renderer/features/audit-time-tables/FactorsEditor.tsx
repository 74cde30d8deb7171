import {
  ActionIcon,
  Button,
  Fieldset,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { Plus, Trash2 } from 'lucide-react';
import { editedFigure } from './editing';
import { sourceOptions, type TableForm } from './tableFormValues';

/** The catalogue of adjustment factors and the range each percentage must lie in. */
export default function FactorsEditor({ form }: { form: TableForm }) {
  const factors = form.values.factors;
  const percent = (i: number, key: 'min' | 'max', label: string) => (
    <NumberInput
      aria-label={`Factor ${i + 1} ${label}`}
      size="xs"
      allowDecimal={false}
      clampBehavior="none"
      hideControls
      suffix="%"
      {...editedFigure(form, `factors.${i}.${key}`, `factors.${i}.source`)}
    />
  );
  return (
    <Fieldset legend="Adjustment factors">
      <Stack>
        <Text size="sm">
          Positive ranges raise the audit time, negative ones lower it; codes are capital letters,
          digits and underscores.
        </Text>
        <Table aria-label="Adjustment factors" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Meaning</Table.Th>
              <Table.Th>Smallest</Table.Th>
              <Table.Th>Largest</Table.Th>
              <Table.Th>Source</Table.Th>
              <Table.Th>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {factors.map((_, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={`Factor ${i + 1} code`}
                    size="xs"
                    miw={200}
                    {...form.getInputProps(`factors.${i}.code`)}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Factor ${i + 1} meaning`}
                    size="xs"
                    miw={260}
                    {...form.getInputProps(`factors.${i}.meaning`)}
                  />
                </Table.Td>
                <Table.Td>{percent(i, 'min', 'smallest percentage')}</Table.Td>
                <Table.Td>{percent(i, 'max', 'largest percentage')}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={`Factor ${i + 1} source`}
                    size="xs"
                    data={sourceOptions}
                    {...form.getInputProps(`factors.${i}.source`)}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove factor ${i + 1}`}
                    onClick={() => form.removeListItem('factors', i)}
                  >
                    <Trash2 size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          leftSection={<Plus size={14} aria-hidden />}
          onClick={() =>
            form.insertListItem('factors', {
              code: '',
              meaning: '',
              min: '',
              max: '',
              source: 'ourChoice',
            })
          }
        >
          Add a factor
        </Button>
      </Stack>
    </Fieldset>
  );
}
