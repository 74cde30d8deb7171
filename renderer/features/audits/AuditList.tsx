import { Alert, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Search } from 'lucide-react';
import { useCallback, useMemo } from 'react';
import {
  auditStateLabels,
  auditStates,
  auditStateSchema,
  auditTypeLabels,
  auditTypes,
  auditTypeSchema,
} from '../../../shared/programme/vocabulary';
import { errorMessage } from '../../api';
import AuditRows from './AuditRows';
import { useAuditPages, type AuditListFilters } from './useAuditPages';
import { useUrlParams } from '../../ui/useUrlParams';

/**
 * Every audit of every client, newest start first, filtered by type and state and searched by
 * client. The service pages and counts; the list fetches pages as it scrolls and draws only the
 * rows on screen, so it stays quick at a large certification body's 30,000 audits.
 */
export default function AuditList() {
  const [params, update] = useUrlParams();
  const type = auditTypeSchema.safeParse(params.get('type'));
  const state = auditStateSchema.safeParse(params.get('state'));
  const search = params.get('q') ?? '';
  // Typing waits for a pause before asking; the previous results stay until the new ones come.
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const typeFilter = type.success ? type.data : undefined;
  const stateFilter = state.success ? state.data : undefined;

  const filters = useMemo<AuditListFilters>(
    () => ({
      ...(typeFilter ? { type: typeFilter } : {}),
      ...(stateFilter ? { state: stateFilter } : {}),
      ...(debounced !== '' ? { search: debounced } : {}),
    }),
    [typeFilter, stateFilter, debounced],
  );
  const list = useAuditPages(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.rows) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const filtered = type.success || state.success || search !== '';

  return (
    <Stack maw={1200} gap="md" h="calc(100vh - 56px - 2 * var(--mantine-spacing-lg))">
      <Title order={1} size="h2">
        Audits
      </Title>
      <Group align="end">
        <TextInput
          label="Client"
          placeholder="Name or reference"
          leftSection={<Search size={16} aria-hidden />}
          value={search}
          onChange={(e) => update({ q: e.currentTarget.value })}
          w={260}
        />
        <Select
          label="Type"
          placeholder="Any type"
          clearable
          data={auditTypes.map((t) => ({ value: t, label: auditTypeLabels[t] }))}
          value={typeFilter ?? null}
          onChange={(v) => update({ type: v })}
          w={200}
        />
        <Select
          label="State"
          placeholder="Any state"
          clearable
          data={auditStates.map((s) => ({ value: s, label: auditStateLabels[s] }))}
          value={stateFilter ?? null}
          onChange={(v) => update({ state: v })}
          w={180}
        />
        <Text c="dimmed" size="sm" ml="auto" mb={8} aria-live="polite" data-testid="audit-total">
          {list.isPending
            ? 'Loading…'
            : `${total.toLocaleString()} ${total === 1 ? 'audit' : 'audits'}`}
        </Text>
      </Group>
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {!list.isPending && !list.isError && total === 0 ? (
        <Alert color="indigo" title={filtered ? 'No audit matches' : 'No audits yet'}>
          {filtered
            ? 'Clear a filter to see more audits.'
            : 'Plan audits from a client’s Programme tab: open a client, then Programme, then “Plan audit” on the event that is due.'}
        </Alert>
      ) : (
        !list.isPending && (
          <AuditRows
            rows={rows}
            total={total}
            hasMore={hasNextPage}
            loadingMore={isFetchingNextPage}
            loadMore={loadMore}
            stale={list.isPlaceholderData}
            resetKey={JSON.stringify(filters)}
          />
        )
      )}
    </Stack>
  );
}
