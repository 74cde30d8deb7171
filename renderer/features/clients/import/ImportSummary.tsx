import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ClientImportResult } from '../../../../shared/clients/import';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "row 4", "rows 4 and 7", "rows 4, 7 and 9", "rows 1, 2, … and 5 more". */
const rowList = (rows: number[]) => {
  const unique = [...new Set(rows)];
  const label = unique.length === 1 ? 'row' : 'rows';
  if (unique.length > 20) {
    return `${label} ${unique.slice(0, 20).join(', ')} and ${unique.length - 20} more`;
  }
  const head = unique.slice(0, -1).join(', ');
  const last = String(unique[unique.length - 1]);
  return `${label} ${head ? `${head} and ${last}` : last}`;
};

/** After the import: what was stored, what was skipped and what was not imported, with links. */
export default function ImportSummary({
  result,
  onAnother,
}: {
  result: ClientImportResult;
  onAnother: () => void;
}) {
  const skipped = result.duplicates.filter((d) => !d.imported).map((d) => d.row);
  const shown = result.clients.slice(0, 10);
  return (
    <Stack gap="md">
      <Alert color="green" title={`Imported ${plural(result.imported, 'client')}`} role="status">
        <Stack gap="xs">
          {result.errorRowCount > 0 && (
            <Text size="sm">
              {plural(result.errorRowCount, 'row')} with errors{' '}
              {result.errorRowCount === 1 ? 'was' : 'were'} not imported (
              {rowList(result.errors.map((e) => e.row))}).
            </Text>
          )}
          {skipped.length > 0 && (
            <Text size="sm">
              {plural(skipped.length, 'possible duplicate')} skipped ({rowList(skipped)}).
            </Text>
          )}
          {shown.length > 0 && (
            <List size="sm">
              {shown.map((c) => (
                <List.Item key={c.id}>
                  <Anchor component={Link} to={`/clients/${c.id}`}>
                    {c.reference} {c.legalName}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
          {result.clients.length > shown.length && (
            <Text size="sm">
              and {plural(result.clients.length - shown.length, 'more client')}.
            </Text>
          )}
        </Stack>
      </Alert>
      <Group>
        <Button component={Link} to="/clients">
          Show clients
        </Button>
        <Button variant="default" onClick={onAnother}>
          Import another file
        </Button>
      </Group>
    </Stack>
  );
}
