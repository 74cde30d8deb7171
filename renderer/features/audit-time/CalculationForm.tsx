import { Alert, Box, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { Save } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type {
  AuditTimePrefill,
  AuditTimeResult,
  AuditTimeTableVersion,
} from '../../../shared/audit-time';
import { call, errorMessage } from '../../api';
import { serverFieldError } from '../../forms';
import DraftOffer from '../../ui/DraftOffer';
import LeaveGuard from '../../ui/LeaveGuard';
import { useDraft } from '../clients/useDraft';
import AuditFieldset from './AuditFieldset';
import { fieldPropsWith } from './fieldProps';
import {
  evaluate,
  initialCalculationValues,
  missingReasons,
  toEntry,
  type CalculationValues,
} from './calculationValues';
import FactorsFieldset from './FactorsFieldset';
import JustificationList from './JustificationList';
import PersonnelFieldset from './PersonnelFieldset';
import ResultSummary from './ResultSummary';
import TableSources from './TableSources';
import { auditTimeKey } from './useAuditTime';

interface Props {
  clientId: string;
  prefill: AuditTimePrefill;
  current: AuditTimeTableVersion;
  /** Why saving is not possible for this person or client, if it is not. */
  cannotSave: string | null;
}

/**
 * The calculation screen: inputs on the left, the result on the right, recalculated on every change
 * with the same shared calculator the main process saves with.
 */
export default function CalculationForm({ clientId, prefill, current, cannotSave }: Props) {
  const table = current.table;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [lastGood, setLastGood] = useState<AuditTimeResult | null>(() => {
    const first = evaluate(initialCalculationValues(prefill), table);
    return first.ok ? first.result : null;
  });
  const form = useForm<CalculationValues>({
    mode: 'controlled',
    initialValues: initialCalculationValues(prefill),
    onValuesChange: (values) => {
      const next = evaluate(values, table);
      if (next.ok) setLastGood(next.result);
    },
  });
  const live = useMemo(() => evaluate(form.values, table), [form.values, table]);
  const field = fieldPropsWith(form, live.ok ? {} : live.fieldErrors);
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const saved = useRef(false);
  const dirty = form.isDirty();
  const draft = useDraft(`audit-time:${clientId}`, form.values, dirty);
  const [offerDraft, setOfferDraft] = useState(draft.found !== null);
  const shown = live.ok ? live.result : lastGood;

  const save = async () => {
    setBanner(null);
    const reasons = missingReasons(form.values);
    if (!live.ok || Object.keys(reasons).length > 0) {
      form.setErrors({ ...(live.ok ? {} : live.fieldErrors), ...reasons });
      setBanner('Not saved yet: each field marked in red says what it needs.');
      return;
    }
    setSaving(true);
    try {
      saved.current = true;
      const record = await call('saveAuditTime', { clientId, ...toEntry(form.values, live.input) });
      draft.clear();
      await queryClient.invalidateQueries({ queryKey: auditTimeKey });
      navigate(`/clients/${clientId}/audit-time/${record.id}`);
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
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <PersonnelFieldset form={form} field={field} prefill={prefill} />
            <AuditFieldset form={form} field={field} prefill={prefill} table={table} />
            <FactorsFieldset form={form} field={field} table={table} />
            {banner && (
              <Alert color="red" role="alert">
                {banner}
              </Alert>
            )}
            <Group>
              <Button
                leftSection={<Save size={16} aria-hidden />}
                loading={saving}
                disabled={cannotSave !== null}
                onClick={() => void save()}
              >
                Save audit time
              </Button>
              {cannotSave && <Text size="sm">{cannotSave}</Text>}
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Box pos="sticky" top={72}>
            <Title order={2} size="h4" mb="xs">
              Result
            </Title>
            {!live.ok && (
              <Alert color="red" mb="sm" data-testid="not-calculated">
                {Object.keys(live.fieldErrors).length > 0
                  ? 'Not recalculated until the field marked in red is fixed.'
                  : `Not recalculated: ${live.error.message}`}
                {shown ? ' The figures below are from the last complete input.' : ''}
              </Alert>
            )}
            {shown && <ResultSummary result={shown} label="Live result" />}
          </Box>
        </Grid.Col>
      </Grid>
      {shown && (
        <>
          <Title order={2} size="h4">
            How the days were reached
          </Title>
          <JustificationList entries={shown.justification} />
          <Title order={2} size="h4">
            Where the figures come from
          </Title>
          <TableSources table={table} band={shown.band} />
        </>
      )}
      <LeaveGuard dirty={dirty} saved={saved} />
    </Stack>
  );
}
