import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Upload } from 'lucide-react';
import {
  clientImportFieldInfo,
  type ClientImportPreview,
  type DuplicateMatch,
  type ImportDuplicate,
} from '../../../../shared/clients/import';
import { countryName } from '../../../../shared/countries';
import { errorMessage } from '../../../api';
import type { ClientImportState } from './useClientImport';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

function matchText(match: DuplicateMatch): string {
  const what = match.by === 'reference' ? 'same reference as' : 'same legal name and country as';
  return match.source === 'database'
    ? `${what} ${match.reference} ${match.legalName} (already stored)`
    : `${what} row ${match.row} of this file`;
}

/** How many rows the confirm button would import: the new ones and the duplicates chosen. */
function importCount(preview: ClientImportPreview, chosen: ReadonlySet<number>): number {
  return (
    preview.newCount + preview.duplicates.filter((d) => d.canImport && chosen.has(d.row)).length
  );
}

/**
 * Step 3: what the import would do, computed by the main process from the whole file and the
 * stored clients, nothing written: rows with errors (by row and field), duplicates to skip or
 * import, the rows ready. Then the one confirm button.
 */
export default function ImportPreview({ state }: { state: ClientImportState }) {
  const { preview, mappingReady, file, runImport } = state;
  if (!file) return null;
  if (!mappingReady) {
    return (
      <Text c="dimmed" size="sm">
        Choose a column for every field marked with an asterisk (*) to check the rows.
      </Text>
    );
  }
  if (preview.isError) return <Alert color="red">{errorMessage(preview.error)}</Alert>;
  const data = preview.data;
  if (!data) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm">Checking {plural(file.rowCount, 'row')}…</Text>
      </Group>
    );
  }
  const count = importCount(data, state.importDuplicates);
  const busy = preview.isFetching || runImport.isPending;
  return (
    <Stack gap="md">
      <Text data-testid="client-import-counts" aria-live="polite">
        {plural(data.rowCount, 'row')}: {data.newCount.toLocaleString()} new,{' '}
        {plural(data.duplicates.length, 'possible duplicate')}, {plural(data.errorRowCount, 'row')}{' '}
        with errors.
        {preview.isFetching ? ' Checking again…' : ''}
      </Text>
      {data.errors.length > 0 && <RowErrors preview={data} />}
      {data.duplicates.length > 0 && (
        <Duplicates
          duplicates={data.duplicates}
          chosen={state.importDuplicates}
          onChoose={state.chooseDuplicate}
          disabled={busy}
        />
      )}
      {data.rows.length > 0 && <ReadyRows preview={data} />}
      {state.importError && <Alert color="red">{state.importError}</Alert>}
      {runImport.isPending && (
        <Stack gap={4} role="status">
          <Text size="sm">Importing {plural(count, 'client')}…</Text>
          <Progress value={100} animated striped aria-label="Importing clients" />
        </Stack>
      )}
      <Group>
        <Button
          leftSection={<Upload size={16} aria-hidden />}
          disabled={count === 0 || busy}
          loading={runImport.isPending}
          onClick={() => runImport.mutate()}
        >
          {count === 0 ? 'Nothing to import' : `Import ${plural(count, 'client')}`}
        </Button>
        <Text size="sm" c="dimmed">
          Nothing is stored until you import; then all of them are stored together, or none.
          {data.errorRowCount > 0 ? ' Rows with errors are not imported.' : ''}
        </Text>
      </Group>
    </Stack>
  );
}

function RowErrors({ preview }: { preview: ClientImportPreview }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h4" id="import-errors">
        Rows with errors ({preview.errorRowCount.toLocaleString()}, not imported)
      </Title>
      <Text size="sm" c="dimmed">
        Rows are numbered as in the file (the header is row 1). Fix them in the file and choose it
        again, or change a column above.
      </Text>
      <Table.ScrollContainer minWidth={500} mah={320}>
        <Table withTableBorder aria-labelledby="import-errors" data-testid="client-import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Field</Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.errors.map((e) => (
              <Table.Tr key={`${e.row}-${e.field}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{clientImportFieldInfo[e.field].label}</Table.Td>
                <Table.Td>{e.column ?? '—'}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Duplicates({
  duplicates,
  chosen,
  onChoose,
  disabled,
}: {
  duplicates: ImportDuplicate[];
  chosen: ReadonlySet<number>;
  onChoose: (row: number, importIt: boolean) => void;
  disabled: boolean;
}) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Possible duplicates ({duplicates.length.toLocaleString()})
      </Title>
      <Text size="sm" c="dimmed">
        A row with the reference of a stored client or of a valid row above it, or with the same
        legal name and country (ignoring case and spaces), is a possible duplicate: an Audit Desk
        rule. Each is skipped unless you choose to import it as a new client; a stored client is
        never changed by an import.
      </Text>
      <Stack gap={6} data-testid="client-import-duplicates">
        {duplicates.map((d) => (
          <Checkbox
            key={d.row}
            disabled={disabled || !d.canImport}
            checked={d.canImport && chosen.has(d.row)}
            onChange={(e) => onChoose(d.row, e.currentTarget.checked)}
            label={`Row ${d.row}: import ${d.legalName} (${countryName(d.country)}) as a new client`}
            description={`${d.matches.map(matchText).join('; ')}.${
              d.canImport
                ? ''
                : ' Its reference is taken, so it can only be skipped: change the reference in the file to import it.'
            }`}
          />
        ))}
      </Stack>
    </Stack>
  );
}

function ReadyRows({ preview }: { preview: ClientImportPreview }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h4" id="import-ready">
        New clients ({preview.newCount.toLocaleString()})
      </Title>
      {preview.newCount > preview.rows.length && (
        <Text size="sm" c="dimmed">
          The first {preview.rows.length} are shown.
        </Text>
      )}
      <Table.ScrollContainer minWidth={600} mah={360}>
        <Table withTableBorder striped aria-labelledby="import-ready">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Reference</Table.Th>
              <Table.Th>Legal name</Table.Th>
              <Table.Th>Country</Table.Th>
              <Table.Th>Contact</Table.Th>
              <Table.Th>Full-time personnel</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>
                  {r.reference ?? (
                    <Text span size="sm" c="dimmed">
                      generated
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.legalName}</Table.Td>
                <Table.Td>{countryName(r.country)}</Table.Td>
                <Table.Td>
                  {r.contactName} ({r.contactEmail})
                </Table.Td>
                <Table.Td>{r.fullTimePersonnel.toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
