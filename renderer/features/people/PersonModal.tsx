import { Alert, Button, Group, PasswordInput, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { personInputSchema, type Person, type Role } from '../../../shared/people/schema';
import { call, errorMessage } from '../../api';
import AppModal from '../../ui/AppModal';
import { schemaErrors, serverFieldError } from '../../forms';
import RoleChecks from '../../session/RoleChecks';

interface Props {
  person: Person | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (person: Person) => void;
}

/** Add a person, or change one (roles, active, PIN). Only administrators reach it. */
export default function PersonModal({ person, opened, onClose, onSaved }: Props) {
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: person?.name ?? '',
      email: person?.email ?? '',
      roles: (person?.roles ?? []) as Role[],
      pin: '',
      active: person?.active ?? true,
      removePin: false,
    },
  });
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = form.onSubmit(async (v) => {
    setBanner(null);
    const pin = v.pin === '' ? undefined : v.pin;
    const errors = schemaErrors(personInputSchema, {
      name: v.name,
      email: v.email,
      roles: v.roles,
      pin,
    });
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    setSaving(true);
    try {
      const saved = person
        ? await call('updatePerson', {
            id: person.id,
            name: v.name,
            email: v.email,
            roles: v.roles,
            active: v.active,
            ...(v.removePin ? { pin: null } : pin ? { pin } : {}),
          })
        : await call('createPerson', { name: v.name, email: v.email, roles: v.roles, pin });
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
      opened={opened}
      onClose={onClose}
      title={person ? `Change ${person.name}` : 'Add a person'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {banner && <Alert color="red">{banner}</Alert>}
          <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" withAsterisk {...form.getInputProps('email')} />
          <RoleChecks
            value={form.values.roles}
            onChange={(r) => form.setFieldValue('roles', r)}
            error={form.errors.roles as string | undefined}
          />
          <PasswordInput
            label={person?.hasPin ? 'New PIN (leave blank to keep)' : 'PIN (optional)'}
            description="4 to 12 digits"
            inputMode="numeric"
            {...form.getInputProps('pin')}
          />
          {person?.hasPin && (
            <Switch
              label="Remove the PIN"
              {...form.getInputProps('removePin', { type: 'checkbox' })}
            />
          )}
          {person && (
            <Switch
              label="Active (can work in Audit Desk)"
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          )}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {person ? 'Save changes' : 'Add person'}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
