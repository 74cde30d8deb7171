import { Fieldset, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import {
  clientImportFieldInfo,
  clientImportFields,
  clientImportGroupLabels,
  columnLetter,
  type ClientImportField,
  type ClientImportFile,
  type ClientImportGroup,
  type ClientImportMapping,
} from '../../../../shared/clients/import';

interface Props {
  file: ClientImportFile;
  mapping: ClientImportMapping;
  errors: Partial<Record<ClientImportField, string>>;
  disabled: boolean;
  onChange: (field: ClientImportField, column: number | null) => void;
}

const groups: ClientImportGroup[] = ['client', 'contact', 'site'];

/**
 * Step 2: which column feeds which client field. Each field suggests the column its header names
 * (see shared/clients/import-fields.ts); the user can change any. A required field without a
 * column says so at its own select.
 */
export default function ColumnMapping({ file, mapping, errors, disabled, onChange }: Props) {
  const options = file.headers.map((header, i) => ({
    value: String(i),
    label: `${columnLetter(i)}: ${header}`,
  }));
  const fieldsOf = (column: number) =>
    clientImportFields
      .filter((f) => mapping[f] === column)
      .map((f) => clientImportFieldInfo[f].label)
      .join(', ');

  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={500}>
        <Table withTableBorder striped aria-label="Columns in the file">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column</Table.Th>
              <Table.Th>Header</Table.Th>
              <Table.Th>First value</Table.Th>
              <Table.Th>Imported as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {file.headers.map((header, i) => (
              <Table.Tr key={i}>
                <Table.Td>{columnLetter(i)}</Table.Td>
                <Table.Td>{header}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1} maw={280}>
                    {file.samples[0]?.[i] ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {fieldsOf(i) || (
                    <Text span size="sm" c="dimmed">
                      not imported
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {groups.map((group) => (
        <Fieldset key={group} legend={clientImportGroupLabels[group]} disabled={disabled}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {clientImportFields
              .filter((f) => clientImportFieldInfo[f].group === group)
              .map((field) => {
                const info = clientImportFieldInfo[field];
                const column = mapping[field];
                return (
                  <Select
                    key={field}
                    label={info.label}
                    withAsterisk={info.required}
                    description={
                      info.required
                        ? 'Required'
                        : info.whenEmpty
                          ? `When empty: ${info.whenEmpty}`
                          : 'Optional'
                    }
                    placeholder="Not imported"
                    data={options}
                    value={column === undefined ? null : String(column)}
                    onChange={(v) => onChange(field, v === null ? null : Number(v))}
                    clearable={!info.required}
                    error={errors[field]}
                    searchable
                    nothingFoundMessage="No such column"
                    comboboxProps={{ withinPortal: true }}
                    data-testid={`map-${field}`}
                  />
                );
              })}
          </SimpleGrid>
        </Fieldset>
      ))}
    </Stack>
  );
}
