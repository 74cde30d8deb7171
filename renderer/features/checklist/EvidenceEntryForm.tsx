import { Alert, Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  evidenceDetailLabels,
  evidenceEntrySchema,
  evidenceKindLabels,
  evidenceKinds,
  type EvidenceKind,
} from '../../../shared/checklists/schema';
import { errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import { useKeptState } from './useKeptState';

export interface EvidenceValues {
  kind: EvidenceKind;
  description: string;
  detail: string;
}

interface Props {
  /** Where what is typed is kept until saved (per item, per entry being edited). */
  draftKey: string;
  checklistItemId: string;
  initial: EvidenceValues;
  submitLabel: string;
  onSave: (values: EvidenceValues) => Promise<unknown>;
  onDone: () => void;
}

const detailPlaceholders: Record<EvidenceKind, string> = {
  document: 'e.g. v3.2, approved 2026-01-15',
  interview: 'e.g. Head of data science',
  observation: '',
  record: 'e.g. CHG-2026-0142',
};

/** Add or change one objective evidence entry: errors at the field, typed text kept until saved. */
export default function EvidenceEntryForm({
  draftKey,
  checklistItemId,
  initial,
  submitLabel,
  onSave,
  onDone,
}: Props) {
  const kept = useKeptState<EvidenceValues>(draftKey, () => initial);
  const values = kept.value;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const detailLabel = evidenceDetailLabels[values.kind];

  const change = (patch: Partial<EvidenceValues>) => {
    kept.set({ ...values, ...patch });
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };

  const submit = async () => {
    setBanner(null);
    const input = { checklistItemId, ...values, detail: detailLabel ? values.detail : '' };
    const found = schemaErrors(evidenceEntrySchema, input);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setSaving(true);
    try {
      await onSave({ ...values, detail: input.detail });
      kept.clear(initial);
      onDone();
    } catch (error) {
      const atField = serverFieldError(error);
      if (atField) setErrors(atField);
      else setBanner(errorMessage(error));
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
      <Stack gap="xs">
        {banner && (
          <Alert color="red" role="alert">
            {banner}
          </Alert>
        )}
        <NativeSelect
          label="Kind of evidence"
          value={values.kind}
          onChange={(e) => change({ kind: e.currentTarget.value as EvidenceKind })}
          data={evidenceKinds.map((k) => ({ value: k, label: evidenceKindLabels[k] }))}
          error={errors.kind}
        />
        <Textarea
          label="Description"
          description="What was reviewed, heard, seen or sampled."
          autosize
          minRows={2}
          maxRows={8}
          value={values.description}
          onChange={(e) => change({ description: e.currentTarget.value })}
          error={errors.description}
        />
        {detailLabel && (
          <TextInput
            label={detailLabel}
            placeholder={detailPlaceholders[values.kind]}
            value={values.detail}
            onChange={(e) => change({ detail: e.currentTarget.value })}
            error={errors.detail}
          />
        )}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={saving}>
            {submitLabel}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            // What was typed stays kept and comes back when the form is opened again.
            onClick={onDone}
          >
            Close
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
