import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { isCatalogueKey } from '../../../shared/checklists/item-label';
import type { ChecklistItem } from '../../../shared/checklists/schema';
import {
  findingGradeLabels,
  findingGrades,
  raiseFindingSchema,
  type Finding,
  type FindingGrade,
} from '../../../shared/findings/schema';
import type { Audit } from '../../../shared/programme/audit-schema';
import { call, errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import AppModal from '../../ui/AppModal';
import { useKeptState } from '../checklist/useKeptState';
import RequirementPicker from './RequirementPicker';
import {
  findingInput,
  prefilledFinding,
  type FindingFormValues,
  type FindingKind,
} from './findingFormValues';

interface Props {
  opened: boolean;
  onClose: () => void;
  audit: Audit;
  item: ChecklistItem | null;
  kind: FindingKind;
  /** The signed-in person leads this audit: only they grade (Audit Desk rule). */
  isLead: boolean;
  onRaised: (finding: Finding) => void;
}

function FindingForm({ audit, item, kind, isLead, onClose, onRaised }: Omit<Props, 'opened'>) {
  const kept = useKeptState<FindingFormValues>(
    `finding:${audit.id}:${item?.id ?? 'audit'}:${kind}`,
    () => prefilledFinding(item, kind, isLead),
  );
  const [restored] = useState(() => kept.wasKept());
  const values = kept.value;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const change = (patch: Partial<FindingFormValues>) => {
    kept.set({ ...values, ...patch });
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };

  const submit = async () => {
    setBanner(null);
    const input = findingInput(audit.id, item?.id ?? null, values);
    const found = schemaErrors(raiseFindingSchema, input);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      setBanner('Some fields need attention; each one says what is wrong. Nothing was saved yet.');
      return;
    }
    setSaving(true);
    try {
      const finding = await call('raiseFinding', input);
      kept.clear(prefilledFinding(item, kind, isLead));
      notifications.show({
        color: 'green',
        message: `Finding raised against ${finding.requirementRef}.`,
      });
      onRaised(finding);
      onClose();
    } catch (error) {
      const atField = serverFieldError(error);
      if (atField) setErrors(atField);
      setBanner(atField ? `Not saved: ${errorMessage(error)}` : errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        {restored && (
          <Text size="sm" c="dimmed">
            What you typed earlier is back; it is kept until the finding is raised.
          </Text>
        )}
        {banner && (
          <Alert color="red" role="alert">
            {banner}
          </Alert>
        )}
        {item ? (
          <Text size="sm">
            From checklist item {isCatalogueKey(item.itemKey) && <strong>{item.itemKey}</strong>}{' '}
            {item.title}
          </Text>
        ) : (
          <Text size="sm">
            A finding of this audit not tied to one checklist item: name the requirement it is
            raised against.
          </Text>
        )}
        <RequirementPicker
          label="Requirement"
          description="The requirement not met: pick an ISO/IEC 42001 clause, an Annex A control or a CB item, or type another (e.g. a legal requirement)."
          value={values.requirementRef}
          onChange={(requirementRef) => change({ requirementRef })}
          error={errors.requirementRef}
          autoFocus={values.requirementRef === ''}
        />
        <Textarea
          label="Statement"
          description={
            kind === 'opportunity'
              ? 'Where the system could do better, in one or two sentences.'
              : 'What is not fulfilled, in one or two sentences. State the gap, not a solution.'
          }
          autosize
          minRows={2}
          maxRows={8}
          value={values.statement}
          onChange={(e) => change({ statement: e.currentTarget.value })}
          error={errors.statement}
          data-autofocus={values.requirementRef !== '' ? true : undefined}
        />
        <Textarea
          label="Objective evidence"
          description="What was seen, heard or read: records, AI system ids, interviews."
          autosize
          minRows={3}
          maxRows={10}
          value={values.objectiveEvidence}
          onChange={(e) => change({ objectiveEvidence: e.currentTarget.value })}
          error={errors.objectiveEvidence}
        />
        <NativeSelect
          label="Site"
          value={values.siteId}
          onChange={(e) => change({ siteId: e.currentTarget.value })}
          data={[
            { value: '', label: 'Not tied to one site' },
            ...audit.sites.map((s) => ({ value: s.siteId, label: s.name })),
          ]}
          error={errors.siteId}
        />
        <NativeSelect
          label="Grade"
          description={
            isLead
              ? 'You lead this audit: grade it now or later.'
              : 'The lead auditor of this audit grades findings (Audit Desk rule); it is raised ungraded.'
          }
          disabled={!isLead}
          value={values.grade}
          onChange={(e) => change({ grade: e.currentTarget.value as FindingGrade | '' })}
          data={[
            { value: '', label: 'Not graded yet' },
            ...findingGrades.map((g) => ({ value: g, label: findingGradeLabels[g] })),
          ]}
          error={errors.grade}
        />
        {values.grade === 'major' && (
          <Textarea
            label="Why major"
            description="Why the system's capability to achieve its intended results is affected."
            autosize
            minRows={2}
            value={values.gradeRationale}
            onChange={(e) => change({ gradeRationale: e.currentTarget.value })}
            error={errors.gradeRationale}
          />
        )}
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            Close (keep what I typed)
          </Button>
          <Button type="submit" color="red" loading={saving}>
            Raise finding
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Raise a finding (a nonconformity or an opportunity for improvement), usually from an item. */
export default function RaiseFindingModal(props: Props) {
  const { opened, onClose, item, kind } = props;
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={kind === 'opportunity' ? 'Raise an opportunity for improvement' : 'Raise a finding'}
    >
      {opened && <FindingForm key={`${item?.id ?? 'audit'}:${kind}`} {...props} />}
    </AppModal>
  );
}
