import { Alert, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Client } from '../../../shared/clients/schema';
import { recordCertificationDecisionSchema } from '../../../shared/programme/programme';
import { call, errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import AppModal from '../../ui/AppModal';
import { localToday, useRefreshAudits } from './useAudits';

interface Values {
  decisionDate: string;
  previousExpiryDate: string;
  notes: string;
}

/**
 * Starts the client's first certification cycle from its certification decision: after its Stage 2
 * here, or for a client certified before it came to Audit Desk (then, if its current cycle
 * continues an earlier one, with that cycle's expiry date).
 */
export default function RecordDecisionModal({
  client,
  onClose,
}: {
  client: Client;
  onClose: () => void;
}) {
  const refresh = useRefreshAudits();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { decisionDate: '', previousExpiryDate: '', notes: '' },
  });
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = form.onSubmit(async (values) => {
    setBanner(null);
    const input = {
      clientId: client.id,
      decisionDate: values.decisionDate,
      today: localToday(),
      previousExpiryDate: values.previousExpiryDate === '' ? null : values.previousExpiryDate,
      notes: values.notes,
    };
    const errors = schemaErrors(recordCertificationDecisionSchema, input);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    setSaving(true);
    try {
      await call('recordCertificationDecision', recordCertificationDecisionSchema.parse(input));
      await refresh();
      onClose();
    } catch (error) {
      const fieldError = serverFieldError(error);
      if (fieldError) form.setErrors(fieldError);
      else setBanner(errorMessage(error));
    } finally {
      setSaving(false);
    }
  });

  return (
    <AppModal opened onClose={onClose} title="Record the certification decision" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {banner && <Alert color="red">{banner}</Alert>}
          <Text size="sm">
            The decision starts the 3-year cycle of {client.legalName}: surveillance in the first
            and second year, recertification before expiry (ISO/IEC 17021-1 9.1.3).
          </Text>
          <TextInput
            type="date"
            label="Date of the certification decision"
            withAsterisk
            max={localToday()}
            {...form.getInputProps('decisionDate')}
          />
          <TextInput
            type="date"
            label="Expiry of the previous cycle (only if this cycle continues one)"
            description="For a client recertified before it came to Audit Desk: the old certificate’s expiry."
            {...form.getInputProps('previousExpiryDate')}
          />
          <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Record decision
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
