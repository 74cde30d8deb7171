import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { addDeclarationSchema, type ImpartialityDeclaration } from '../../../shared/people/profile';
import {
  relationshipKindLabels,
  relationshipKinds,
  type RelationshipKind,
} from '../../../shared/programme/vocabulary';
import { call, errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import AppModal from '../../ui/AppModal';
import { useClientList } from '../clients/useClients';
import { dayOrNull } from './usePersonProfile';

interface Props {
  personId: string;
  personName: string;
  declaration: ImpartialityDeclaration | null;
  onClose: () => void;
  onSaved: (d: ImpartialityDeclaration) => void;
}

/** Declares (or corrects) a relationship with a client (ISO/IEC 17021-1 5.2). */
export default function DeclarationModal({
  personId,
  personName,
  declaration: d,
  onClose,
  onSaved,
}: Props) {
  const clients = useClientList({ includeArchived: true });
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      clientId: d?.clientId ?? '',
      kind: (d?.kind ?? 'consultancy') as RelationshipKind,
      fromDate: d?.fromDate ?? '',
      toDate: d?.toDate ?? '',
      notes: d?.notes ?? '',
    },
  });
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const options = (clients.data ?? []).map((c) => ({
    value: c.id,
    label: `${c.legalName} (${c.reference})`,
  }));

  const submit = form.onSubmit(async (v) => {
    setBanner(null);
    const values = { ...v, toDate: dayOrNull(v.toDate) };
    const errors = schemaErrors(addDeclarationSchema, { ...values, personId });
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    setSaving(true);
    try {
      const saved = d
        ? await call('updateImpartialityDeclaration', { ...values, id: d.id })
        : await call('addImpartialityDeclaration', { ...values, personId });
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
      title={
        d ? `Change a relationship of ${personName}` : `Declare a relationship of ${personName}`
      }
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {banner && <Alert color="red">{banner}</Alert>}
          <Select
            label="Client"
            withAsterisk
            searchable
            limit={50}
            placeholder="Type to search"
            data={options}
            nothingFoundMessage={clients.isPending ? 'Loading clients…' : 'No client by that name'}
            {...form.getInputProps('clientId')}
          />
          <NativeSelect
            label="Relationship"
            withAsterisk
            data={relationshipKinds.map((k) => ({ value: k, label: relationshipKindLabels[k] }))}
            {...form.getInputProps('kind')}
          />
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label="Began on"
              withAsterisk
              {...form.getInputProps('fromDate')}
            />
            <TextInput
              type="date"
              label="Ended on"
              description="Leave empty while it continues"
              {...form.getInputProps('toDate')}
            />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {d ? 'Save changes' : 'Declare relationship'}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
