import {
  Alert,
  Button,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState, type FormEvent } from 'react';
import type { Client } from '../../../shared/clients/schema';
import { daysDeviationProblem, windowNotice } from '../../../shared/programme/plan-defaults';
import { errorMessage } from '../../api';
import { serverFieldError } from '../../forms';
import DraftOffer from '../../ui/DraftOffer';
import LeaveGuard from '../../ui/LeaveGuard';
import { useDraft } from '../clients/useDraft';
import DaysFieldset from './DaysFieldset';
import SitesFieldset from './SitesFieldset';
import {
  valuesToPlan,
  type AuditFormValues,
  type PlanDraft,
  type PlanWindow,
} from './auditFormValues';

export interface DaysBasis {
  calculatedDays: number | null;
  minOnsiteDays: number | null;
  sampleSize: number | null;
  source: string | null;
}

interface Props {
  draftKey: string;
  client: Client;
  initialValues: AuditFormValues;
  basis: DaysBasis;
  /** The programme event's window, when planning from it: dates outside it are warned about. */
  window?: PlanWindow | null;
  submitLabel: string;
  /** The contract schema's field errors for the plan, keyed by form path. */
  check: (plan: PlanDraft) => Record<string, string>;
  onSubmit: (plan: PlanDraft) => Promise<void>;
  onCancel: () => void;
}

/** `siteIds.1` → `siteIds`: the checkbox group shows every site error in one place. */
function toFormErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = path.startsWith('siteIds') ? 'siteIds' : path;
    if (!(key in out)) out[key] = message;
  }
  return out;
}

/**
 * The audit plan (ISO/IEC 17021-1 9.2.3): dates, days against the calculated audit time, sites,
 * objectives, scope and criteria. Messages show at their field and what was typed stays; a draft
 * is kept until saved.
 */
export default function AuditPlanForm(props: Props) {
  const form = useForm<AuditFormValues>({ mode: 'controlled', initialValues: props.initialValues });
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const saved = useRef(false);
  const dirty = form.isDirty();
  const draft = useDraft(props.draftKey, form.values, dirty);
  const [offerDraft, setOfferDraft] = useState(draft.found !== null);

  const save = async (values: AuditFormValues) => {
    setBanner(null);
    const plan = valuesToPlan(values);
    const errors = props.check(plan);
    const deviation = daysDeviationProblem(
      props.basis.calculatedDays,
      plan.onsiteDays ?? 0,
      plan.remoteDays ?? 0,
      plan.daysDeviationReason ?? '',
    );
    if (deviation && !errors.daysDeviationReason) errors.daysDeviationReason = deviation;
    if (Object.keys(errors).length > 0) {
      form.setErrors(toFormErrors(errors));
      setBanner('Some fields need attention; each one says what is wrong. Nothing was saved yet.');
      return;
    }
    setSaving(true);
    try {
      saved.current = true;
      await props.onSubmit(plan);
      draft.clear();
    } catch (error) {
      saved.current = false;
      const fieldError = serverFieldError(error);
      if (fieldError) form.setErrors(toFormErrors(fieldError));
      setBanner(fieldError ? `Not saved: ${errorMessage(error)}` : errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  const outsideWindow = windowNotice(
    form.values.startDate,
    form.values.endDate,
    props.window ?? null,
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(form.getValues());
  };

  return (
    <form onSubmit={submit} noValidate>
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
        <Fieldset legend="Dates">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label="First audit day"
              withAsterisk
              {...form.getInputProps('startDate')}
            />
            <TextInput
              type="date"
              label="Last audit day"
              withAsterisk
              {...form.getInputProps('endDate')}
            />
          </SimpleGrid>
          {outsideWindow && (
            <Alert color="yellow" mt="sm" data-testid="plan-window-notice">
              {outsideWindow}
            </Alert>
          )}
        </Fieldset>
        <DaysFieldset form={form} basis={props.basis} />
        <SitesFieldset form={form} client={props.client} sampleSize={props.basis.sampleSize} />
        <Fieldset legend="Objectives, scope and criteria">
          <Stack>
            <Textarea
              label="Objectives"
              autosize
              minRows={2}
              {...form.getInputProps('objectives')}
            />
            <Textarea label="Scope" autosize minRows={2} {...form.getInputProps('scope')} />
            <Textarea
              label="Criteria"
              autosize
              minRows={1}
              withAsterisk
              {...form.getInputProps('criteria')}
            />
          </Stack>
        </Fieldset>
        <Group justify="end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
      <LeaveGuard dirty={dirty} saved={saved} />
    </form>
  );
}
