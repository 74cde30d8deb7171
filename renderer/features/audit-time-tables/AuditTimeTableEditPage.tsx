import { Alert, Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api';
import { useSession } from '../../session/useSession';
import { useAuditTimeTable, useCurrentAuditTimeTable } from '../audit-time/useAuditTime';
import TableEditForm from './TableEditForm';

/** `/settings/audit-time-tables/new[?from=id]`: copy a version (the current one by default). */
export default function AuditTimeTableEditPage() {
  const [search] = useSearchParams();
  const fromId = search.get('from') ?? undefined;
  const named = useAuditTimeTable(fromId);
  const current = useCurrentAuditTimeTable();
  const source = fromId ? named : current;
  const isAdmin = useSession().data?.current?.roles.includes('admin') ?? false;

  if (source.isPending) return <Loader aria-label="Loading the table" />;
  if (source.isError) return <Alert color="red">{errorMessage(source.error)}</Alert>;

  return (
    <Stack maw={1200}>
      <Anchor component={Link} to="/settings/audit-time-tables" size="sm">
        ← Audit-time tables
      </Anchor>
      <Title order={1} size="h2">
        New audit-time table version
      </Title>
      <Text>
        A copy of {source.data.version} to edit. It is checked before it is saved, and becomes
        current only when you make it current; results saved earlier keep their version.
      </Text>
      {isAdmin ? (
        <TableEditForm key={source.data.id} from={source.data} />
      ) : (
        <Alert color="gray">Only an administrator creates audit-time table versions.</Alert>
      )}
    </Stack>
  );
}
