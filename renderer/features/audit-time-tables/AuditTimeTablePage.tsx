import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CopyPlus, Star } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { call, errorMessage } from '../../api';
import { formatInstant } from '../../format';
import { useSession } from '../../session/useSession';
import TableSources from '../audit-time/TableSources';
import { auditTimeKey, auditTimeTablesKey, useAuditTimeTable } from '../audit-time/useAuditTime';
import BandsView from './BandsView';
import FactorsView from './FactorsView';

/** One table version, read-only, with which figures are published and which are the CB's. */
export default function AuditTimeTablePage() {
  const { tableId = '' } = useParams();
  const version = useAuditTimeTable(tableId);
  const isAdmin = useSession().data?.current?.roles.includes('admin') ?? false;
  const queryClient = useQueryClient();
  const makeCurrent = useMutation({
    mutationFn: () => call('makeAuditTimeTableCurrent', { id: tableId }),
    onSuccess: async (t) => {
      await queryClient.invalidateQueries({ queryKey: auditTimeTablesKey });
      await queryClient.invalidateQueries({ queryKey: auditTimeKey });
      notifications.show({ color: 'green', message: `${t.version} is now the current table.` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });

  if (version.isPending) return <Loader aria-label="Loading the table" />;
  if (version.isError) return <Alert color="red">{errorMessage(version.error)}</Alert>;
  const v = version.data;

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/settings/audit-time-tables" size="sm">
        ← Audit-time tables
      </Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Title order={1} size="h2">
            Table {v.version}
          </Title>
          <Group gap="xs" mt={4}>
            <Text c="dimmed">
              Effective from {v.effectiveDate} · created {formatInstant(v.createdAt)} by{' '}
              {v.createdByName ?? 'Audit Desk (shipped)'} · {v.resultCount} saved results
            </Text>
            {v.isCurrent && <Badge color="green">Current</Badge>}
          </Group>
        </div>
        {isAdmin && (
          <Group>
            <Button
              component={Link}
              to={`/settings/audit-time-tables/new?from=${v.id}`}
              variant="default"
              leftSection={<CopyPlus size={16} aria-hidden />}
            >
              New version from this one
            </Button>
            {!v.isCurrent && (
              <Button
                leftSection={<Star size={16} aria-hidden />}
                loading={makeCurrent.isPending}
                onClick={() => makeCurrent.mutate()}
              >
                Make current
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Title order={2} size="h4">
        Bands: persons → initial audit days
      </Title>
      <BandsView table={v.table} />
      <Title order={2} size="h4">
        Caps, shares and minimums
      </Title>
      <TableSources table={v.table} />
      <Title order={2} size="h4">
        Adjustment factors
      </Title>
      <FactorsView table={v.table} />
    </Stack>
  );
}
