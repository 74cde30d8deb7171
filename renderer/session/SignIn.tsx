import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SessionState } from '../../shared/api/contract';
import { roleLabels } from '../../shared/people/schema';
import { ApiError, call, errorMessage } from '../api';

/** Who is working: chosen at start, PIN asked when the person has one. */
export default function SignIn({ people }: { people: SessionState['people'] }) {
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState<string | null>(people[0]?.id ?? null);
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<{ personId?: string; pin?: string; banner?: string }>({});
  const chosen = people.find((p) => p.id === personId);

  const signIn = useMutation({
    mutationFn: () =>
      call('signIn', { personId: personId ?? '', pin: pin === '' ? undefined : pin }),
    onSuccess: () => queryClient.invalidateQueries(),
    onError: (error) => {
      if (error instanceof ApiError && (error.field === 'pin' || error.field === 'personId')) {
        setErrors({ [error.field]: error.message });
      } else setErrors({ banner: errorMessage(error) });
    },
  });

  return (
    <Center component="main" mih="100%" p="xl">
      <Paper withBorder shadow="sm" p="xl" w={440}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setErrors({});
            signIn.mutate();
          }}
        >
          <Stack>
            <Title order={1} size="h2">
              Who is working?
            </Title>
            <Text c="dimmed">Every change you make is recorded under your name.</Text>
            {errors.banner && <Alert color="red">{errors.banner}</Alert>}
            <Select
              label="Person"
              data={people.map((p) => ({
                value: p.id,
                label: `${p.name} (${p.roles.map((r) => roleLabels[r]).join(', ')})`,
              }))}
              value={personId}
              onChange={setPersonId}
              error={errors.personId}
              allowDeselect={false}
            />
            {chosen?.hasPin && (
              <PasswordInput
                label="PIN"
                inputMode="numeric"
                value={pin}
                onChange={(e) => setPin(e.currentTarget.value)}
                error={errors.pin}
                autoFocus
              />
            )}
            <Button type="submit" loading={signIn.isPending}>
              Continue
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
