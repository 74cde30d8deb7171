import { Alert, Button, Code, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  certificateNumberingSchema,
  defaultCertificateNumberFormat,
  formatCertificateNumber,
  parseNumberFormat,
  type CertificateNumbering,
} from '../../../shared/certificates/number-format';
import { call, errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import AppModal from '../../ui/AppModal';
import { certificatesKey } from './useCertificates';

/** What numbers in this format look like, for the first certificate of this year. */
function preview(format: string): string | null {
  const parsed = parseNumberFormat(format.trim());
  return parsed.ok ? formatCertificateNumber(parsed.parts, new Date().getFullYear(), 1) : null;
}

/** The certificate number format (administrators change it; everyone can read it). */
export default function NumberFormatModal({
  numbering,
  canEdit,
  onClose,
}: {
  numbering: CertificateNumbering;
  canEdit: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm({ mode: 'controlled', initialValues: { format: numbering.format } });
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const example = preview(form.values.format);

  const submit = form.onSubmit(async (values) => {
    setBanner(null);
    const errors = schemaErrors(certificateNumberingSchema, values);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    setSaving(true);
    try {
      const saved = await call('updateCertificateNumbering', values);
      await queryClient.invalidateQueries({ queryKey: certificatesKey });
      notifications.show({
        color: 'green',
        message: `Certificate numbers now look like ${saved.nextNumber}.`,
      });
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
    <AppModal opened onClose={onClose} title="Certificate number format" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {banner && <Alert color="red">{banner}</Alert>}
          <Text size="sm">
            Every certificate gets a unique number (ISO/IEC 17021-1 8.2.2) when it is issued. The
            format is your choice; numbers already issued never change. Two tokens:
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>
              <Code>YYYY</Code> or <Code>YY</Code>: the year of issue (2026 or 26);
            </List.Item>
            <List.Item>
              <Code>N</Code> to <Code>NNNNNNNN</Code>: the sequence within that year, zero-padded to
              that many digits, starting again at 1 every year.
            </List.Item>
          </List>
          <Text size="sm" c="dimmed">
            Everything else (letters, digits, - / . _) is copied as written; capital Y and N are
            kept for the tokens. Audit Desk’s default is{' '}
            <Code>{defaultCertificateNumberFormat}</Code>.
          </Text>
          <TextInput
            label="Number format"
            withAsterisk
            disabled={!canEdit}
            description={
              example ? `The first certificate this year would be ${example}.` : undefined
            }
            {...form.getInputProps('format')}
          />
          {!canEdit && (
            <Text size="sm" c="dimmed">
              Only an administrator changes the format.
            </Text>
          )}
          <Text size="sm">
            Next number:{' '}
            <strong data-testid="next-certificate-number">{numbering.nextNumber}</strong>
          </Text>
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              {canEdit ? 'Cancel' : 'Close'}
            </Button>
            {canEdit && (
              <Button type="submit" loading={saving}>
                Save format
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
