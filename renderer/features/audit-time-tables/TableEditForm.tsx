import { Alert, Button, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { AuditTimeTableVersion } from '../../../shared/audit-time';
import { call, errorMessage } from '../../api';
import { serverFieldError } from '../../forms';
import DraftOffer from '../../ui/DraftOffer';
import LeaveGuard from '../../ui/LeaveGuard';
import { auditTimeTablesKey } from '../audit-time/useAuditTime';
import { useDraft } from '../clients/useDraft';
import BandsEditor from './BandsEditor';
import FactorsEditor from './FactorsEditor';
import LimitsEditor from './LimitsEditor';
import { checkTable, copyOf, type TableFormValues } from './tableFormValues';

/** A new version of the audit-time table, copied from an existing one and edited. */
export default function TableEditForm({ from }: { from: AuditTimeTableVersion }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<TableFormValues>({ mode: 'controlled', initialValues: copyOf(from.table) });
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const saved = useRef(false);
  const dirty = form.isDirty();
  const draft = useDraft(`audit-time-table:${from.id}`, form.values, dirty);
  const [offerDraft, setOfferDraft] = useState(draft.found !== null);

  const submit = async (values: TableFormValues) => {
    setBanner(null);
    const checked = checkTable(values);
    if (!checked.ok) {
      form.setErrors(checked.errors);
      const n = Object.keys(checked.errors).length;
      setBanner(
        `Not saved yet: ${n === 1 ? 'one field needs' : `${n} fields need`} attention; each says what is wrong.`,
      );
      return;
    }
    setSaving(true);
    try {
      saved.current = true;
      const created = await call('createAuditTimeTable', {
        ...checked.table,
        effectiveDate: checked.effectiveDate,
      });
      draft.clear();
      await queryClient.invalidateQueries({ queryKey: auditTimeTablesKey });
      navigate(`/settings/audit-time-tables/${created.id}`);
    } catch (error) {
      saved.current = false;
      const fieldError = serverFieldError(error);
      if (fieldError) form.setErrors(fieldError);
      setBanner(`Not saved: ${errorMessage(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => form.onSubmit(submit)(event)} noValidate>
      <Stack>
        {offerDraft && draft.found && (
          <DraftOffer
            onRestore={() => {
              if (draft.found) form.setValues(draft.found);
              setOfferDraft(false);
            }}
            onDiscard={() => {
              draft.clear();
              setOfferDraft(false);
            }}
          />
        )}
        {banner && (
          <Alert color="red" role="alert">
            {banner}
          </Alert>
        )}
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
      <LeaveGuard dirty={dirty} saved={saved} />
    </form>
  );
}
