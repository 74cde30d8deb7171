import { Button, Group, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { Search } from 'lucide-react';
import {
  issuedCertificateStatuses,
  issuedCertificateStatusLabels,
} from '../../../shared/certificates/status';
import type { CertificateParams } from './certificateFilters';

export type CertificateParamChange = Partial<
  Record<'q' | 'status' | 'within' | 'replaced', string | null>
>;

const statusOptions = issuedCertificateStatuses.map((s) => ({
  value: s,
  label: issuedCertificateStatusLabels[s],
}));

interface Props {
  params: CertificateParams;
  onChange: (change: CertificateParamChange) => void;
  filtered: boolean;
  withinError: string | null;
}

/** Search by number or organisation, status, expiring within N days, replaced certificates. */
export default function CertificateFilterBar({ params, onChange, filtered, withinError }: Props) {
  return (
    <Group align="end" gap="sm">
      <TextInput
        label="Search"
        placeholder="Certificate number or organisation"
        leftSection={<Search size={16} aria-hidden />}
        value={params.search}
        onChange={(e) => onChange({ q: e.currentTarget.value })}
        w={300}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={statusOptions}
        value={params.status}
        onChange={(value) => onChange({ status: value })}
        clearable
        w={160}
      />
      <NumberInput
        label="Expiring within (days)"
        placeholder="e.g. 90"
        min={0}
        max={3650}
        allowDecimal={false}
        allowNegative={false}
        value={params.within}
        error={withinError}
        onChange={(value) => onChange({ within: value === '' ? null : String(value) })}
        w={180}
      />
      <Switch
        label="Show replaced certificates"
        checked={params.includeReplaced}
        onChange={(e) => onChange({ replaced: e.currentTarget.checked ? '1' : null })}
        mb={8}
      />
      {filtered && (
        <Button
          variant="subtle"
          onClick={() => onChange({ q: null, status: null, within: null, replaced: null })}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
