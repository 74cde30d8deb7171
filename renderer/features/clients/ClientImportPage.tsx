import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import ColumnMapping from './import/ColumnMapping';
import ImportFilePicker from './import/ImportFilePicker';
import ImportPreview from './import/ImportPreview';
import ImportSummary from './import/ImportSummary';
import { useClientImport } from './import/useClientImport';

/**
 * `/clients/import`: clients from a CSV or XLSX file. Choose the file, check which column feeds
 * which field, see every row checked (errors by row and field, possible duplicates), then import
 * in one go. Nothing is stored before that.
 */
export default function ClientImportPage() {
  const state = useClientImport();
  const { file, result } = state;
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Anchor component={Link} to="/clients" size="sm">
          ← Clients
        </Anchor>
        <Title order={1} size="h2">
          Import clients
        </Title>
        <Text size="sm">
          Each row of the file becomes one client with its primary contact and its central site (add
          other sites and contacts on the client’s page afterwards). Every row is checked as the New
          client form checks it.
        </Text>
      </Stack>
      {result ? (
        <ImportSummary result={result} onAnother={state.startOver} />
      ) : (
        <>
          <Stack gap="xs" component="section" aria-labelledby="import-step-file">
            <Title order={2} size="h3" id="import-step-file">
              1. File
            </Title>
            <ImportFilePicker
              onFile={state.choose}
              reading={state.reading}
              error={state.fileError}
              current={file?.fileName ?? null}
            />
          </Stack>
          {file && (
            <Stack gap="xs" component="section" aria-labelledby="import-step-columns">
              <Title order={2} size="h3" id="import-step-columns">
                2. Columns
              </Title>
              <Text size="sm" c="dimmed">
                {file.format === 'csv'
                  ? `A CSV file separated by ${file.delimiter === '\t' ? 'tabs' : `“${file.delimiter ?? ','}”`}`
                  : `Worksheet “${file.sheetName ?? ''}”`}
                , header in row {file.headerRow}, {file.rowCount.toLocaleString()}{' '}
                {file.rowCount === 1 ? 'row' : 'rows'} below it. Columns were matched by their
                header names; change any that is wrong.
              </Text>
              <ColumnMapping
                file={file}
                mapping={state.mapping}
                errors={state.fieldErrors}
                disabled={state.runImport.isPending}
                onChange={state.changeMapping}
              />
            </Stack>
          )}
          {file && (
            <Stack gap="xs" component="section" aria-labelledby="import-step-check">
              <Title order={2} size="h3" id="import-step-check">
                3. Check and import
              </Title>
              <ImportPreview state={state} />
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
