import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { CopyPlus } from 'lucide-react';
import { Link } from 'react-router';
import { errorMessage } from '../../api';
import { formatInstant } from '../../format';
import { useSession } from '../../session/useSession';
import { useAuditTimeTables } from '../audit-time/useAuditTime';

/** Settings: the versions of the audit-time table; one is current, every one stays readable. */
export default function AuditTimeTablesPage() {
  const tables = useAuditTimeTables();
  const isAdmin = useSession().data?.current?.roles.includes('admin') ?? false;

  if (tables.isPending) return <Loader aria-label="Loading audit-time tables" />;
  if (tables.isError) return <Alert color="red">{errorMessage(tables.error)}</Alert>;

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Audit-time tables
        </Title>
        {isAdmin && (
          <Button
            component={Link}
            to="/settings/audit-time-tables/new"
            leftSection={<CopyPlus size={16} aria-hidden />}
          >
            New version
          </Button>
        )}
      </Group>
      <Text>
        New calculations use the current version. A change is a new version: results saved earlier
        keep the version they were calculated with and can be recomputed side by side. ISO/IEC
        42006’s own table is not public, so each figure says whether it is published or this CB’s
        own choice.
      </Text>
      {!isAdmin && (
        <Text c="dimmed">Only an administrator creates versions or changes which is current.</Text>
      )}
      <Table striped aria-label="Audit-time table versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Effective from</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Saved results</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tables.data.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>
                <Anchor component={Link} to={`/settings/audit-time-tables/${t.id}`}>
                  {t.version}
                </Anchor>
              </Table.Td>
              <Table.Td>{t.effectiveDate}</Table.Td>
              <Table.Td>
                {t.isCurrent ? <Badge color="green">Current</Badge> : 'Kept for earlier results'}
              </Table.Td>
              <Table.Td>{t.resultCount}</Table.Td>
              <Table.Td>
                {formatInstant(t.createdAt)} · {t.createdByName ?? 'shipped with Audit Desk'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
