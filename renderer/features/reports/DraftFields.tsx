import { NumberInput, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { DecisionKind } from '../../../shared/findings/decisions';
import {
  recommendationLabels,
  recommendationsFor,
  type AuditReportView,
  type ReportDraftFieldName,
} from '../../../shared/reports/schema';
import { numberOrUndefined } from '../../forms';
import { reportFieldId } from './lintLinks';
import type { DraftSnapshot, ReportDraftSaver } from './reportDraftSaver';

interface Props {
  view: AuditReportView;
  saver: ReportDraftSaver;
  snapshot: DraftSnapshot;
  /** Why the fields are read-only, or null. */
  readOnly: string | null;
}

/**
 * The parts of the report the lead auditor writes; everything else comes from the audit's records.
 * Each field shows the save's own refusal first, else the lint problem that points at it.
 */
export default function DraftFields({ view, saver, snapshot, readOnly }: Props) {
  const { values } = snapshot;
  const { data } = view;
  const stage1 = data.audit.type === 'stage1';
  const lintAt = (field: ReportDraftFieldName) =>
    view.problems.find((p) => p.ref.kind === 'report' && p.ref.field === field);
  const errorAt = (field: ReportDraftFieldName) => {
    const saving = snapshot.errors[field];
    if (saving) return saving;
    const lint = lintAt(field);
    return lint?.severity === 'error' ? lint.message : undefined;
  };
  const warningAt = (field: ReportDraftFieldName) => {
    const lint = lintAt(field);
    return lint?.severity === 'warning' && !snapshot.errors[field] ? lint.message : undefined;
  };
  const common = (field: ReportDraftFieldName) => ({
    id: reportFieldId(field),
    disabled: readOnly !== null,
    error: errorAt(field),
    onBlur: saver.flush,
  });
  const text = (
    field:
      | 'effectivenessConclusion'
      | 'recommendationNotes'
      | 'divergingOpinions'
      | 'samplingBasis'
      | 'daysSpentReason',
  ) => ({
    ...common(field),
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) =>
      saver.edit(field, e.currentTarget.value),
    autosize: true,
    minRows: 2,
  });
  const planned = data.time.onsiteDays + data.time.remoteDays;
  const allowed = recommendationsFor[data.audit.type];
  const recommendationOptions = allowed.map((k) => ({ value: k, label: recommendationLabels[k] }));
  if (values.recommendation && !allowed.includes(values.recommendation)) {
    recommendationOptions.push({
      value: values.recommendation,
      label: recommendationLabels[values.recommendation],
    });
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-draft-heading">
      <Title order={2} size="h4" id="report-draft-heading">
        Written by the lead auditor
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Everything else in the report comes from the audit’s own records. Changes are saved as you
        type.
      </Text>
      <Stack gap="md">
        <Textarea
          label={
            stage1
              ? 'Conclusion of the Stage 1 review'
              : "Conclusion on the management system's effectiveness"
          }
          description={
            stage1
              ? 'What is ready for Stage 2 and what is not; the readiness conclusion itself is recorded on the checklist.'
              : 'Whether the AI management system conforms and is effective, with a summary of the evidence, including internal audit and management review; whether the audit objectives were met and the scope is appropriate.'
          }
          withAsterisk
          {...text('effectivenessConclusion')}
          minRows={4}
        />
        {!stage1 && (
          <Select
            label="Recommendation of the audit team"
            description="To the certification decision maker, who was not on the audit team. The choices follow the audit type (Audit Desk rule)."
            withAsterisk
            data={recommendationOptions}
            value={values.recommendation}
            clearable
            placeholder="Choose a recommendation"
            {...common('recommendation')}
            onChange={(value) => {
              saver.edit('recommendation', (value as DecisionKind | null) ?? null);
              saver.flush();
            }}
          />
        )}
        <Textarea
          label={stage1 ? 'Notes for the Stage 2 plan' : 'Notes on the recommendation'}
          description={
            warningAt('recommendationNotes') ??
            'What the recommendation depends on, e.g. accepting the corrective action plan for a nonconformity.'
          }
          {...text('recommendationNotes')}
        />
        <Textarea
          label="Unresolved diverging opinions"
          description="Where the client and the audit team still disagree. Leave empty when there is none; the report then says so."
          {...text('divergingOpinions')}
        />
        {data.clientSiteCount > 1 && (
          <Textarea
            label="Basis of the site sample"
            description={
              warningAt('samplingBasis') ??
              `The audit visited ${data.sites.length} of the client's ${data.clientSiteCount} sites: why these (IAF MD 1).`
            }
            {...text('samplingBasis')}
          />
        )}
        <NumberInput
          label="Audit days spent"
          description={`Planned ${planned} (${data.time.onsiteDays} on site, ${data.time.remoteDays} remote)${data.time.calculatedDays === null ? '' : `; calculated ${data.time.calculatedDays}`}. Half days, e.g. 3.5.`}
          withAsterisk
          min={0}
          step={0.5}
          decimalScale={1}
          allowNegative={false}
          maw={360}
          {...common('daysSpent')}
          value={values.daysSpent ?? ''}
          onChange={(value) => saver.edit('daysSpent', numberOrUndefined(value) ?? null)}
        />
        <Textarea
          label="Reason the days spent differ from the plan or the calculation"
          description={
            warningAt('daysSpentReason') ??
            'Needed when fewer days were spent than the audit-time calculation gave (ISO/IEC 17021-1 9.1.4).'
          }
          {...text('daysSpentReason')}
        />
      </Stack>
    </Paper>
  );
}
