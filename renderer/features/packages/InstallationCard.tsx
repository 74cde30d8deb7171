import {
  Alert,
  Button,
  Code,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { renameIdentitySchema } from '../../../shared/packages/schema';
import { call, errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import { packageHistoryKey, packageIdentityKey, usePackageIdentity } from './usePackages';

/** This installation's name and key fingerprint; administrators rename it. */
export default function InstallationCard({ isAdmin }: { isAdmin: boolean }) {
  const identity = usePackageIdentity();
  const queryClient = useQueryClient();
  // Null until the administrator types: the field shows the stored name until then.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rename = useMutation({
    mutationFn: (name: string) => call('renamePackageIdentity', { name }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(packageIdentityKey, saved);
      await queryClient.invalidateQueries({ queryKey: packageHistoryKey });
      setDraft(null);
      notifications.show({ color: 'green', message: `This installation is now “${saved.name}”.` });
    },
    onError: (e) => setError(serverFieldError(e)?.name ?? errorMessage(e)),
  });

  if (identity.isPending) return <Loader size="sm" aria-label="Loading this installation" />;
  if (identity.isError) return <Alert color="red">{errorMessage(identity.error)}</Alert>;
  const current = identity.data;
  const name = draft ?? current.name;

  const save = () => {
    const problems = schemaErrors(renameIdentitySchema, { name });
    if (problems.name) {
      setError(problems.name);
      return;
    }
    setError(null);
    rename.mutate(name.trim());
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="installation-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="installation-heading">
          This installation
        </Title>
        <Text size="sm">
          Packages exported here are signed with this installation’s own key; whoever imports one
          sees this name and fingerprint, and can check the fingerprint with you (by phone, for
          instance) before trusting it.
        </Text>
        <Group gap="xl" align="start">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Name
            </Text>
            <Text data-testid="installation-name">{current.name}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Key fingerprint
            </Text>
            <Code data-testid="installation-fingerprint">{current.fingerprint}</Code>
          </Stack>
        </Group>
        {isAdmin && (
          <form
            aria-label="Rename this installation"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <Group align="start">
              <TextInput
                label="Installation name"
                placeholder="e.g. Office, Oslo or Ana’s laptop"
                value={name}
                onChange={(e) => {
                  setDraft(e.currentTarget.value);
                  setError(null);
                }}
                error={error}
                w={360}
              />
              <Button
                type="submit"
                variant="default"
                mt={25}
                loading={rename.isPending}
                disabled={draft === null || draft === current.name}
              >
                Rename
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
