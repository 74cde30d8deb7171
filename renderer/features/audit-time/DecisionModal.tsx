import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { decideOverrideSchema, type AuditTimeRecord } from '../../../shared/audit-time';
import { call, errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import AppModal from '../../ui/AppModal';

interface Props {
  record: AuditTimeRecord;
  decision: 'approved' | 'rejected';
  onClose: () => void;
  onSaved: (record: AuditTimeRecord) => void;
}

/** The second person's decision on an override, with a note (required when rejecting). */
export default function DecisionModal({ record, decision, onClose, onSaved }: Props) {
  const form = useForm({ mode: 'controlled', initialValues: { note: '' } });
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const approve = decision === 'approved';

  const submit = form.onSubmit(async (values) => {
    setBanner(null);
    const input = { id: record.id, decision, note: values.note };
    const errors = schemaErrors(decideOverrideSchema, input);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    setSaving(true);
    try {
      onSaved(await call('decideAuditTimeOverride', input));
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
      title={approve ? 'Approve the override' : 'Reject the override'}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {banner && (
            <Alert color="red" role="alert">
              {banner}
            </Alert>
          )}
          <Text size="sm">
            {record.override?.by.name ?? 'The lead auditor'} asks for {record.override?.days} days
            instead of the calculated {record.calculatedDays}: “{record.override?.reason}”
          </Text>
          <Textarea
            label={approve ? 'Note (optional)' : 'Why it is rejected'}
            autosize
            minRows={2}
            withAsterisk={!approve}
            {...form.getInputProps('note')}
          />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={approve ? undefined : 'red'} loading={saving}>
              {approve ? 'Approve' : 'Reject'}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
