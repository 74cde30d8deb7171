import { Button, Group, Select, TextInput } from '@mantine/core';
import { programmeStateLabels, programmeStates } from '../../../shared/programme/programme-schema';
import type { ProgrammeFilters } from './programmeFilters';

interface Option {
  value: string;
  label: string;
}

interface Props {
  filters: ProgrammeFilters;
  auditors: Option[];
  countries: Option[];
  onChange: (
    changes: Partial<Record<'state' | 'month' | 'auditor' | 'country', string | null>>,
  ) => void;
}

/** Filters of the next-event list: state, month due, auditor on the planned team, country. */
export default function ProgrammeFilterBar({ filters, auditors, countries, onChange }: Props) {
  const any = Object.values(filters).some((value) => value !== null);
  return (
    <Group align="end" gap="sm">
      <Select
        label="State"
        placeholder="Any state"
        clearable
        data={programmeStates.map((s) => ({ value: s, label: programmeStateLabels[s] }))}
        value={filters.state}
        onChange={(value) => onChange({ state: value })}
        w={150}
      />
      <TextInput
        type="month"
        label="Due in month"
        value={filters.month ?? ''}
        onChange={(e) => onChange({ month: e.currentTarget.value })}
        w={170}
      />
      <Select
        label="Auditor"
        placeholder="Anyone"
        clearable
        searchable
        data={auditors}
        value={filters.auditorId}
        onChange={(value) => onChange({ auditor: value })}
        w={200}
      />
      <Select
        label="Country"
        placeholder="Any country"
        clearable
        searchable
        data={countries}
        value={filters.country}
        onChange={(value) => onChange({ country: value })}
        w={200}
      />
      {any && (
        <Button
          variant="subtle"
          onClick={() => onChange({ state: null, month: null, auditor: null, country: null })}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
