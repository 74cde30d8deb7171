import { Button, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { AuditTimeTableVersion } from '../../../shared/audit-time';
import { call } from '../../api';
import { useSavedForm } from '../../ui/useSavedForm';
import { auditTimeTablesKey } from '../audit-time/useAuditTime';
import BandsEditor from './BandsEditor';
import FactorsEditor from './FactorsEditor';
import LimitsEditor from './LimitsEditor';
import { checkTable, copyOf, type TableFormValues } from './tableFormValues';

/** A new version of the audit-time table, copied from an existing one and edited. */
export default function TableEditForm({ from }: { from: AuditTimeTableVersion }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<TableFormValues>({ mode: 'controlled', initialValues: copyOf(from.table) });
  const { saving, onSubmit, notices, guard } = useSavedForm(form, {
    draftKey: `audit-time-table:${from.id}`,
    check: (values) => {
      const checked = checkTable(values);
      return checked.ok ? {} : checked.errors;
    },
    save: async (values) => {
      const checked = checkTable(values);
      if (!checked.ok) return;
      const created = await call('createAuditTimeTable', {
        ...checked.table,
        effectiveDate: checked.effectiveDate,
      });
      await queryClient.invalidateQueries({ queryKey: auditTimeTablesKey });
      navigate(`/settings/audit-time-tables/${created.id}`);
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {notices}
        <Fieldset legend="Version">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label="Version name"
              description={`A new name; copied from ${from.version}`}
              placeholder="e.g. cb-aims-2026.1"
              withAsterisk
              {...form.getInputProps('version')}
            />
            <TextInput
              type="date"
              label="Effective from"
              description="From when the CB applies it"
              withAsterisk
              {...form.getInputProps('effectiveDate')}
            />
          </SimpleGrid>
        </Fieldset>
        <BandsEditor form={form} />
        <LimitsEditor form={form} />
        <FactorsEditor form={form} />
        <Group>
          <Button type="submit" loading={saving}>
            Create version
          </Button>
          <Button variant="default" onClick={() => navigate('/settings/audit-time-tables')}>
            Cancel
          </Button>
        </Group>
      </Stack>
      {guard}
    </form>
  );
}
