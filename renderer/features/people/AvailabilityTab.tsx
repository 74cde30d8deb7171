import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { addUnavailabilitySchema, type PersonProfile } from '../../../shared/people/profile';
import { call, errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import { useRefreshProfile } from './usePersonProfile';

/** Days a person is away: nobody is put on an audit on a day they are unavailable. */
export default function AvailabilityTab({
  profile,
  canEdit,
}: {
  profile: PersonProfile;
  canEdit: boolean;
}) {
  const personId = profile.person.id;
  const refresh = useRefreshProfile(personId);
  const form = useForm({
    mode: 'controlled',
    initialValues: { fromDate: '', toDate: '', reason: '' },
  });
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = form.onSubmit(async (v) => {
    setBanner(null);
    const errors = schemaErrors(addUnavailabilitySchema, { ...v, personId });
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    setSaving(true);
    try {
      await call('addUnavailability', { ...v, personId });
      form.reset();
      await refresh();
      notifications.show({ color: 'green', message: 'Days away recorded.' });
    } catch (error) {
      const fieldError = serverFieldError(error);
      if (fieldError) form.setErrors(fieldError);
      else setBanner(errorMessage(error));
    } finally {
      setSaving(false);
    }
  });

  const remove = async (id: string) => {
    try {
      await call('removeUnavailability', { id });
      await refresh();
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    }
  };

  return (
    <Stack>
      {profile.unavailability.length === 0 ? (
        <Text>No days away recorded.</Text>
      ) : (
        <Table striped aria-label="Days away">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>From</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>Reason</Table.Th>
              {canEdit && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {profile.unavailability.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.fromDate}</Table.Td>
                <Table.Td>{u.toDate}</Table.Td>
                <Table.Td>{u.reason || '—'}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove(u.id)}>
                      Remove {u.fromDate} to {u.toDate}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit ? (
        <form onSubmit={submit} noValidate aria-label="Add days away">
          <Stack gap="xs">
            {banner && <Alert color="red">{banner}</Alert>}
            <Group align="start">
              <TextInput
                type="date"
                label="First day away"
                withAsterisk
                {...form.getInputProps('fromDate')}
              />
              <TextInput
                type="date"
                label="Last day away"
                withAsterisk
                {...form.getInputProps('toDate')}
              />
              <TextInput
                label="Reason (optional)"
                {...form.getInputProps('reason')}
                style={{ flex: 1 }}
              />
            </Group>
            <Button type="submit" w="fit-content" loading={saving}>
              Add days away
            </Button>
          </Stack>
        </form>
      ) : (
        <Text c="dimmed">
          People record their own days away; a scheduler or administrator records anyone’s.
        </Text>
      )}
    </Stack>
  );
}
