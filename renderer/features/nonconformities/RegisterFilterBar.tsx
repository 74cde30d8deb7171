import { Button, Group, Select, Switch, TextInput } from '@mantine/core';
import { X } from 'lucide-react';
import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useState } from 'react';
import { findingStateLabels } from '../../../shared/findings/lifecycle';
import { findingGradeLabels, findingGrades, findingStates } from '../../../shared/findings/schema';
import { hasAnyRole } from '../../../shared/people/schema';
import { auditTypeLabels } from '../../../shared/programme/vocabulary';
import { call } from '../../api';
import { useClient } from '../clients/useClients';
import type { RegisterParams } from './registerFilters';
import { usePeople } from './useFindings';

export type RegisterParamChange = Partial<
  Record<'q' | 'grade' | 'state' | 'overdue' | 'client' | 'audit' | 'auditor', string | null>
>;

const stateOptions = [
  { value: 'open', label: 'Open (not finished)' },
  { value: 'all', label: 'All, including finished' },
  // 'open' in the register means every unfinished state (the contract's choice), so the state
  // named open has no option of its own.
  ...findingStates
    .filter((s) => s !== 'open')
    .map((s) => ({ value: s, label: findingStateLabels[s] })),
];

/** Audits to filter by, loaded only once someone opens the list (there may be thousands). */
function useAuditOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['audits', 'list', {}],
    queryFn: () => call('listAudits', {}),
    enabled,
    select: (audits) =>
      audits.map((a) => ({
        value: a.id,
        label: `${auditTypeLabels[a.type]} · ${a.clientName} · ${a.startDate}`,
      })),
  });
}

/** The one-client filter a client page links to; removable here. */
function ClientFilter({ clientId, onClear }: { clientId: string; onClear: () => void }) {
  const client = useClient(clientId);
  const name = client.data?.legalName ?? 'one client';
  return (
    <Button
      variant="light"
      rightSection={<X size={14} aria-hidden />}
      onClick={onClear}
      aria-label={`Client: ${name}. Remove this filter`}
    >
      Client: {name}
    </Button>
  );
}

interface Props {
  params: RegisterParams;
  onChange: (change: RegisterParamChange) => void;
  filtered: boolean;
}

/** Client search, grade, state, overdue only, audit and auditor. */
export default function RegisterFilterBar({ params, onChange, filtered }: Props) {
  const [auditListWanted, setAuditListWanted] = useState(params.auditId !== null);
  const audits = useAuditOptions(auditListWanted);
  const people = usePeople();
  const auditors = (people.data ?? [])
    .filter((p) => hasAnyRole(p, ['auditor', 'lead_auditor']))
    .map((p) => ({ value: p.id, label: p.name }));

  return (
    <Group align="end" gap="sm">
      {params.clientId && (
        <ClientFilter clientId={params.clientId} onClear={() => onChange({ client: null })} />
      )}
      <TextInput
        label="Search"
        placeholder="Client, requirement or statement"
        leftSection={<Search size={16} aria-hidden />}
        value={params.search}
        onChange={(e) => onChange({ q: e.currentTarget.value })}
        w={260}
      />
      <Select
        label="Grade"
        placeholder="Any grade"
        clearable
        data={findingGrades.map((g) => ({ value: g, label: findingGradeLabels[g] }))}
        value={params.grade}
        onChange={(v) => onChange({ grade: v })}
        w={220}
      />
      <Select
        label="State"
        data={stateOptions}
        value={params.state}
        allowDeselect={false}
        onChange={(v) => onChange({ state: v === 'open' ? null : v })}
        w={200}
      />
      <Select
        label="Audit"
        placeholder="Any audit"
        clearable
        searchable
        limit={50}
        nothingFoundMessage={audits.isPending ? 'Loading audits…' : 'No audit matches'}
        data={audits.data ?? []}
        value={params.auditId}
        onDropdownOpen={() => setAuditListWanted(true)}
        onChange={(v) => onChange({ audit: v })}
        w={260}
      />
      <Select
        label="Auditor"
        placeholder="Anyone"
        clearable
        searchable
        data={auditors}
        value={params.auditorId}
        onChange={(v) => onChange({ auditor: v })}
        w={200}
      />
      <Switch
        label="Overdue only"
        checked={params.overdueOnly}
        onChange={(e) => onChange({ overdue: e.currentTarget.checked ? '1' : null })}
        mb={8}
      />
      {filtered && (
        <Button
          variant="subtle"
          onClick={() =>
            onChange({
              q: null,
              grade: null,
              state: null,
              overdue: null,
              client: null,
              audit: null,
              auditor: null,
            })
          }
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
