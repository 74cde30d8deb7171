import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { call, errorMessage } from '../../api';
import { localToday } from '../audits/useAudits';
import RegisterFilterBar from './RegisterFilterBar';
import RegisterRows from './RegisterRows';
import { isFiltered, readRegisterParams } from './registerFilters';
import { useFindingRegister, type RegisterFilters } from './useFindings';
import ExportButtons, { type ExportFormat } from '../../ui/ExportButtons';
import { useUrlParams } from '../../ui/useUrlParams';

/**
 * `/findings`: the nonconformity register across all clients, most urgent first (the service
 * sorts: overdue, then the nearest due date), filtered, exported to CSV or XLSX.
 */
export default function FindingRegisterPage() {
  const [search, update] = useUrlParams();
  const params = readRegisterParams(search);
  const [debouncedText] = useDebouncedValue(params.search, 200);
  const today = localToday();

  const filters = useMemo<RegisterFilters>(() => {
    const f: RegisterFilters = { state: params.state, overdueOnly: params.overdueOnly, today };
    if (debouncedText.trim() !== '') f.search = debouncedText.trim();
    if (params.grade) f.grade = params.grade;
    if (params.clientId) f.clientId = params.clientId;
    if (params.auditId) f.auditId = params.auditId;
    if (params.auditorId) f.auditorId = params.auditorId;
    return f;
  }, [
    debouncedText,
    params.grade,
    params.state,
    params.overdueOnly,
    params.clientId,
    params.auditId,
    params.auditorId,
    today,
  ]);

  const register = useFindingRegister(filters);
  const rows = useMemo(() => register.data?.pages.flatMap((p) => p.rows) ?? [], [register.data]);
  const total = register.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = register;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const exportFindings = (format: ExportFormat) => {
    const { search: text, grade, state, overdueOnly, clientId, auditId, auditorId } = filters;
    return call('exportFindings', {
      format,
      state,
      overdueOnly,
      today,
      ...(text ? { search: text } : {}),
      ...(grade ? { grade } : {}),
      ...(clientId ? { clientId } : {}),
      ...(auditId ? { auditId } : {}),
      ...(auditorId ? { auditorId } : {}),
    });
  };

  const filtered = isFiltered(params);
  const loaded = !register.isPending && !register.isError;
  const nothingAtAll = loaded && total === 0 && !filtered;

  return (
    <Stack gap="md" h="calc(100vh - 56px - 2 * var(--mantine-spacing-lg))">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Findings
        </Title>
        <Group gap="xs">
          <ExportButtons build={exportFindings} disabled={total === 0} />
        </Group>
      </Group>
      <RegisterFilterBar params={params} onChange={update} filtered={filtered} />
      <Text c="dimmed" size="sm" aria-live="polite" data-testid="finding-total">
        {register.isPending
          ? 'Loading…'
          : `${total.toLocaleString()} ${total === 1 ? 'finding' : 'findings'}${
              params.state === 'open' ? ' not finished' : ''
            }, most urgent first`}
      </Text>
      {register.isError && <Alert color="red">{errorMessage(register.error)}</Alert>}
      {nothingAtAll ? (
        <Alert title="No open findings" color="indigo">
          <Stack gap="xs" align="start">
            <Text size="sm">
              Findings are raised during an audit, from an item of its checklist. Open an audit,
              walk its checklist and raise a finding where a requirement is not met; it then shows
              here with its response and verification deadlines. To see finished findings too,
              choose “All, including finished” under State.
            </Text>
            <Button component={Link} to="/audits" size="xs">
              Go to the audits
            </Button>
          </Stack>
        </Alert>
      ) : loaded && total === 0 ? (
        <Alert color="gray" title="No finding matches">
          Clear the search or a filter, or choose “All, including finished” under State.
        </Alert>
      ) : (
        <RegisterRows
          rows={rows}
          total={total}
          hasMore={hasNextPage}
          loadingMore={isFetchingNextPage}
          loadMore={loadMore}
          resetKey={JSON.stringify(filters)}
        />
      )}
    </Stack>
  );
}
