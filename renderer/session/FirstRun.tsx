import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { firstPersonInputSchema, type Role } from '../../shared/people/schema';
import { call, errorMessage } from '../api';
import { schemaErrors, serverFieldError } from '../forms';
import RoleChecks from './RoleChecks';
import { sessionKey } from './useSession';

/** First start: who is the first person (an administrator, who then adds the others). */
export default function FirstRun() {
  const queryClient = useQueryClient();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', email: '', roles: ['admin'] as Role[], pin: '' },
  });
  const setup = useMutation({
    mutationFn: (values: typeof form.values) =>
      call('setupFirstPerson', { ...values, pin: values.pin === '' ? undefined : values.pin }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
    onError: (error) => {
      const fieldError = serverFieldError(error);
      if (fieldError) form.setErrors(fieldError);
      else setBanner(errorMessage(error));
    },
  });

  const submit = form.onSubmit((values) => {
    const input = { ...values, pin: values.pin === '' ? undefined : values.pin };
    const errors = schemaErrors(firstPersonInputSchema, input);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    setup.mutate(values);
  });

  return (
    <Center component="main" mih="100%" p="xl">
      <Paper withBorder shadow="sm" p="xl" w={520}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              Welcome to Audit Desk
            </Title>
            <Text c="dimmed">
              Everything you enter is stored on this computer. First, who are you? The first person
              is an administrator and can add the rest of the certification body’s people.
            </Text>
            {banner && <Alert color="red">{banner}</Alert>}
            <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
            <TextInput label="Email" type="email" withAsterisk {...form.getInputProps('email')} />
            <RoleChecks
              value={form.values.roles}
              onChange={(r) => form.setFieldValue('roles', r)}
              error={form.errors.roles as string | undefined}
            />
            <PasswordInput
              label="PIN (optional)"
              description="4 to 12 digits, asked when you start Audit Desk."
              inputMode="numeric"
              {...form.getInputProps('pin')}
            />
            <Button type="submit" loading={setup.isPending}>
              Start using Audit Desk
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
