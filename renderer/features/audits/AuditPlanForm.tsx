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
import type { Client } from '../../../shared/clients/schema';
import { daysDeviationProblem, windowNotice } from '../../../shared/programme/plan-defaults';
import { useSavedForm } from '../../ui/useSavedForm';
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
  const { saving, onSubmit, notices, guard } = useSavedForm(form, {
    draftKey: props.draftKey,
    check: (values) => {
      const plan = valuesToPlan(values);
      const errors = props.check(plan);
      const deviation = daysDeviationProblem(
        props.basis.calculatedDays,
        plan.onsiteDays ?? 0,
        plan.remoteDays ?? 0,
        plan.daysDeviationReason ?? '',
      );
      if (deviation && !errors.daysDeviationReason) errors.daysDeviationReason = deviation;
      return errors;
    },
    save: (values) => props.onSubmit(valuesToPlan(values)),
    toFormErrors,
  });
  const outsideWindow = windowNotice(
    form.values.startDate,
    form.values.endDate,
    props.window ?? null,
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {notices}
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
      {guard}
    </form>
  );
}
