import {
  ActionIcon,
  Button,
  Fieldset,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { Plus, Trash2 } from 'lucide-react';
import { aiRoleColumnLabels, aiRoleColumns } from '../../../shared/audit-time';
import { editedFigure } from './editing';
import { sourceOptions, type TableForm } from './tableFormValues';

/** The bands: contiguous head-count ranges from 1 person, days never falling as persons grow. */
export default function BandsEditor({ form }: { form: TableForm }) {
  const bands = form.values.bands;
  const number = (i: number, key: string, label: string, decimals: boolean) => (
    <NumberInput
      aria-label={`Band ${i + 1} ${label}`}
      size="xs"
      allowDecimal={decimals}
      decimalScale={decimals ? 1 : 0}
      clampBehavior="none"
      hideControls
      {...editedFigure(form, `bands.${i}.${key}`, `bands.${i}.source`)}
    />
  );
  return (
    <Fieldset legend="Bands: persons → initial audit days (Stage 1 + Stage 2)">
      <Stack>
        <Text size="sm">
          Bands run without gaps from 1 person; in every column more persons never mean fewer days.
          Values are whole or half days. Changing a figure marks its band as the CB’s own choice.
        </Text>
        <Table aria-label="Bands" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>From persons</Table.Th>
              <Table.Th>To persons</Table.Th>
              {aiRoleColumns.map((r) => (
                <Table.Th key={r}>{aiRoleColumnLabels[r]}</Table.Th>
              ))}
              <Table.Th>Source</Table.Th>
              <Table.Th>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bands.map((_, i) => (
              <Table.Tr key={i}>
                <Table.Td>{number(i, 'min', 'from persons', false)}</Table.Td>
                <Table.Td>{number(i, 'max', 'to persons', false)}</Table.Td>
                {aiRoleColumns.map((r) => (
                  <Table.Td key={r}>{number(i, r, aiRoleColumnLabels[r], true)}</Table.Td>
                ))}
                <Table.Td>
                  <NativeSelect
                    aria-label={`Band ${i + 1} source`}
                    size="xs"
                    data={sourceOptions}
                    {...form.getInputProps(`bands.${i}.source`)}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove band ${i + 1}`}
                    disabled={bands.length === 1}
                    onClick={() => form.removeListItem('bands', i)}
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
          onClick={() => {
            const last = bands.at(-1);
            const from = last && typeof last.max === 'number' ? last.max + 1 : 1;
            form.insertListItem('bands', {
              min: from,
              max: '',
              developerProviderUser: last?.developerProviderUser ?? '',
              producer: last?.producer ?? '',
              multipleRoles: last?.multipleRoles ?? '',
              source: 'ourChoice',
            });
          }}
        >
          Add a band
        </Button>
      </Stack>
    </Fieldset>
  );
}
