import { Alert, Button, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Plus, Search } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  clientSortFields,
  clientStatuses,
  clientStatusSchema,
  type ClientSummary,
} from '../../../shared/clients/schema';
import { countryName } from '../../../shared/countries';
import { errorMessage } from '../../api';
import ClientListTransfer from './import/ClientListTransfer';
import StatusBadge, { statusLabels } from './StatusBadge';
import { useClientList } from './useClients';
import { useUrlParams } from '../../ui/useUrlParams';

type SortField = (typeof clientSortFields)[number];
const columns: { field: SortField | null; label: string }[] = [
  { field: 'reference', label: 'Reference' },
  { field: 'legalName', label: 'Legal name' },
  { field: 'country', label: 'Country' },
  { field: 'status', label: 'Status' },
  { field: null, label: 'Sites' },
  { field: 'updatedAt', label: 'Changed' },
];
const rowHeight = 44;

/** The client register: search, filter and sort stay instant at 10,000 rows (virtualised). */
export default function ClientList() {
  const [params, update] = useUrlParams();
  const navigate = useNavigate();
  const search = params.get('q') ?? '';
  const statusParam = clientStatusSchema.safeParse(params.get('status'));
  const status = statusParam.success ? statusParam.data : undefined;
  const includeArchived = params.get('archived') === '1';
  const sort = (clientSortFields as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as SortField)
    : 'legalName';
  const direction = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const [debouncedSearch] = useDebouncedValue(search, 120);

  const query = {
    search: debouncedSearch,
    ...(status ? { status } : {}),
    includeArchived,
    sort,
    direction,
  } as const;
  const list = useClientList(query);
  const rows = list.data ?? [];

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtual list we use
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });

  // A new search, filter or sort starts at the top of the list.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [debouncedSearch, status, includeArchived, sort, direction]);

  const filtered = search !== '' || status !== undefined;
  const nothingYet = !list.isPending && rows.length === 0 && !filtered && !includeArchived;

  return (
    <Stack gap="md" h="calc(100vh - 56px - 2 * var(--mantine-spacing-lg))">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Clients
        </Title>
        <Group gap="xs">
          <ClientListTransfer query={query} empty={rows.length === 0} />
          <Button component={Link} to="/clients/new" leftSection={<Plus size={16} aria-hidden />}>
            New client
          </Button>
        </Group>
      </Group>
      <Group align="end">
        <TextInput
          label="Search"
          placeholder="Name, reference or country"
          leftSection={<Search size={16} aria-hidden />}
          value={search}
          onChange={(e) => update({ q: e.currentTarget.value })}
          w={320}
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={clientStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
          value={status ?? null}
          onChange={(v) => update({ status: v })}
          w={180}
        />
        <Switch
          label="Show archived"
          checked={includeArchived}
          onChange={(e) => update({ archived: e.currentTarget.checked ? '1' : null })}
          mb={8}
        />
        <Text c="dimmed" size="sm" ml="auto" mb={8} aria-live="polite">
          {list.isPending ? 'Loading…' : `${rows.length.toLocaleString()} clients`}
        </Text>
      </Group>
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {nothingYet ? (
        <Alert title="No clients yet" color="indigo">
          <Stack gap="xs" align="start">
            <Text size="sm">
              Add the organisations that apply for or hold ISO/IEC 42001 certification: their legal
              details, contacts and sites with personnel.
            </Text>
            <Button component={Link} to="/clients/new" size="xs">
              Add your first client
            </Button>
          </Stack>
        </Alert>
      ) : (
        <div
          role="table"
          aria-label="Clients"
          aria-rowcount={rows.length + 1}
          style={{
            flex: 1,
            minHeight: 0,
            display: 'flex',
            flexDirection: 'column',
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 4,
          }}
        >
          <div role="rowgroup">
            <div role="row" className="client-row header" style={{ height: rowHeight }}>
              {columns.map((c) => (
                <div
                  key={c.label}
                  role="columnheader"
                  className="cell"
                  aria-sort={
                    c.field === sort
                      ? direction === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : undefined
                  }
                >
                  {c.field ? (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      color="dark"
                      onClick={() =>
                        update({
                          sort: c.field,
                          dir: c.field === sort && direction === 'asc' ? 'desc' : 'asc',
                        })
                      }
                    >
                      {c.label}
                      {c.field === sort ? (direction === 'asc' ? ' ↑' : ' ↓') : ''}
                    </Button>
                  ) : (
                    <Text size="sm" fw={600} px={10}>
                      {c.label}
                    </Text>
                  )}
                </div>
              ))}
            </div>
          </div>
          <div
            ref={scrollRef}
            role="rowgroup"
            style={{ flex: 1, overflow: 'auto' }}
            data-testid="client-rows"
          >
            {rows.length === 0 && !list.isPending && (
              <Text p="md" c="dimmed">
                No client matches. Clear the search or the status filter.
              </Text>
            )}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const client = rows[item.index];
                if (!client) return null;
                return (
                  <ClientRow
                    key={client.id}
                    client={client}
                    index={item.index}
                    top={item.start}
                    onOpen={() => navigate(`/clients/${client.id}`)}
                  />
                );
              })}
            </div>
          </div>
        </div>
      )}
    </Stack>
  );
}

interface RowProps {
  client: ClientSummary;
  index: number;
  top: number;
  onOpen: () => void;
}

function ClientRow({ client, index, top, onOpen }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="client-row"
      style={{
        position: 'absolute',
        top,
        left: 0,
        right: 0,
        height: rowHeight,
        opacity: client.archivedAt ? 0.6 : 1,
      }}
      onClick={onOpen}
    >
      <div role="cell" className="cell">
        {client.reference}
      </div>
      <div role="cell" className="cell">
        <Link to={`/clients/${client.id}`} onClick={(e) => e.stopPropagation()}>
          {client.legalName}
        </Link>
        {client.tradingName && client.tradingName !== client.legalName && (
          <Text span c="dimmed" size="sm">
            {' '}
            ({client.tradingName})
          </Text>
        )}
      </div>
      <div role="cell" className="cell" title={countryName(client.country)}>
        {countryName(client.country)}
      </div>
      <div role="cell" className="cell">
        <StatusBadge status={client.status} />
        {client.archivedAt && (
          <Text span size="xs" c="dimmed">
            {' '}
            archived
          </Text>
        )}
      </div>
      <div role="cell" className="cell">
        {client.siteCount}
      </div>
      <div role="cell" className="cell">
        {client.updatedAt.slice(0, 10)}
      </div>
    </div>
  );
}
