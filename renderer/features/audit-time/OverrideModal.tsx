import { Alert, Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { overrideAuditTimeSchema, type AuditTimeRecord } from '../../../shared/audit-time';
import { call, errorMessage } from '../../api';
import { numberOrUndefined, schemaErrors, serverFieldError } from '../../forms';
import AppModal from '../../ui/AppModal';
import { auditTypeLabels } from './ResultSummary';

interface Props {
  record: AuditTimeRecord;
  onClose: () => void;
  onSaved: (record: AuditTimeRecord) => void;
}

/** A lead auditor replaces the calculated days with a reason; a second person then decides. */
export default function OverrideModal({ record, onClose, onSaved }: Props) {
  const form = useForm<{ days: number | ''; reason: string }>({
    mode: 'controlled',
    initialValues: { days: record.override?.days ?? '', reason: '' },
  });
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = form.onSubmit(async (values) => {
    setBanner(null);
    const input = { id: record.id, days: numberOrUndefined(values.days), reason: values.reason };
    const errors = schemaErrors(overrideAuditTimeSchema, input);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    setSaving(true);
    try {
      onSaved(await call('overrideAuditTime', overrideAuditTimeSchema.parse(input)));
    } catch (error) {
      const fieldError = serverFieldError(error);
      if (fieldError) form.setErrors(fieldError);
      else setBanner(errorMessage(error));
    } finally {
      setSaving(false);
    }
  });

  return (
    <AppModal opened onClose={onClose} title="Override the audit days" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {banner && <Alert color="red">{banner}</Alert>}
          <Text size="sm">
            Calculated for the {auditTypeLabels[record.auditType].toLowerCase()}:{' '}
            {record.calculatedDays} days. The override counts for planning only once a scheduler or
            certification decision maker other than you approves it.
          </Text>
          <NumberInput
            label="Days instead"
            description="A whole number of half days, e.g. 6 or 6.5"
            decimalScale={1}
            clampBehavior="none"
            withAsterisk
            {...form.getInputProps('days')}
          />
          <Textarea
            label="Reason for the override"
            autosize
            minRows={2}
            withAsterisk
            {...form.getInputProps('reason')}
          />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Submit for approval
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
