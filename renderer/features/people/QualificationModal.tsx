import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { addQualificationSchema, type PersonQualification } from '../../../shared/people/profile';
import {
  qualificationKindLabels,
  qualificationKinds,
  type QualificationKind,
} from '../../../shared/programme/vocabulary';
import { call, errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import AppModal from '../../ui/AppModal';
import { dayOrNull } from './usePersonProfile';

interface Props {
  personId: string;
  personName: string;
  /** null: a new qualification. */
  qualification: PersonQualification | null;
  onClose: () => void;
  onSaved: (q: PersonQualification) => void;
}

/** Adds or corrects one qualification: what it is, who issued it, and when it is valid. */
export default function QualificationModal({
  personId,
  personName,
  qualification: q,
  onClose,
  onSaved,
}: Props) {
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      kind: (q?.kind ?? 'iso42001Auditor') as QualificationKind,
      title: q?.title ?? '',
      issuer: q?.issuer ?? '',
      validFrom: q?.validFrom ?? '',
      validUntil: q?.validUntil ?? '',
    },
  });
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = form.onSubmit(async (v) => {
    setBanner(null);
    const values = { ...v, validUntil: dayOrNull(v.validUntil) };
    const errors = schemaErrors(addQualificationSchema, { ...values, personId });
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    setSaving(true);
    try {
      const saved = q
        ? await call('updateQualification', { ...values, id: q.id })
        : await call('addQualification', { ...values, personId });
      onSaved(saved);
    } catch (error) {
      const fieldError = serverFieldError(error);
      if (fieldError) form.setErrors(fieldError);
      else setBanner(errorMessage(error));
    } finally {
      setSaving(false);
    }
  });

  return (
    <AppModal
      opened
      onClose={onClose}
      title={q ? `Change qualification of ${personName}` : `Add a qualification for ${personName}`}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {banner && <Alert color="red">{banner}</Alert>}
          <NativeSelect
            label="Kind"
            withAsterisk
            data={qualificationKinds.map((k) => ({ value: k, label: qualificationKindLabels[k] }))}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label="Title"
            description="The course or certificate, e.g. ISO/IEC 42001 Lead Auditor (PECB)"
            withAsterisk
            {...form.getInputProps('title')}
          />
          <TextInput label="Issuer" {...form.getInputProps('issuer')} />
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label="Valid from"
              withAsterisk
              {...form.getInputProps('validFrom')}
            />
            <TextInput
              type="date"
              label="Valid until"
              description="Leave empty if it does not expire"
              {...form.getInputProps('validUntil')}
            />
          </SimpleGrid>
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {q ? 'Save changes' : 'Add qualification'}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
