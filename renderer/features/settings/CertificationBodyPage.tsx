import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { certificationBodySchema } from '../../../shared/settings/certification-body';
import { call, errorMessage } from '../../api';
import { schemaErrors } from '../../forms';
import { useSession } from '../../session/useSession';
import { useSavedForm } from '../../ui/useSavedForm';
import CertificationBodyLogo from './CertificationBodyLogo';

const key = ['certification-body'] as const;

/** The CB's own details, printed on what it sends clients: its name and its logo. */
export default function CertificationBodyPage() {
  const details = useQuery({ queryKey: key, queryFn: () => call('certificationBody') });
  const session = useSession();
  const isAdmin = session.data?.current?.roles.includes('admin') ?? false;
  if (details.isPending) return <Loader aria-label="Loading" />;
  if (details.isError) return <Alert color="red">{errorMessage(details.error)}</Alert>;
  return (
    <Stack maw={720}>
      <CertificationBodyForm key={details.data.name} name={details.data.name} />
      <CertificationBodyLogo isAdmin={isAdmin} cbName={details.data.name} />
    </Stack>
  );
}

function CertificationBodyForm({ name }: { name: string }) {
  const queryClient = useQueryClient();
  const session = useSession();
  const isAdmin = session.data?.current?.roles.includes('admin') ?? false;
  const form = useForm({ mode: 'controlled', initialValues: { name } });
  const { saving, onSubmit, notices, guard } = useSavedForm(form, {
    draftKey: 'certification-body',
    check: (values) => schemaErrors(certificationBodySchema, values),
    save: async (values) => {
      await call('updateCertificationBody', values);
      // Not awaited: the refetched name remounts this form (its key), which must happen after
      // useSavedForm has cleared the draft, or the new form would offer the saved name back.
      void queryClient.invalidateQueries({ queryKey: key });
      notifications.show({ color: 'green', message: 'Certification body details saved.' });
    },
  });
  return (
    <Stack>
      <Title order={1} size="h2">
        Certification body
      </Title>
      <Text>
        The name (and the logo below) printed on audit reports, certificates, audit plans and other
        documents sent to clients.
      </Text>
      {!isAdmin && <Text c="dimmed">Only an administrator changes these details.</Text>}
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {notices}
          <TextInput
            label="Certification body name"
            withAsterisk
            disabled={!isAdmin}
            {...form.getInputProps('name')}
          />
          {isAdmin && (
            <Group>
              <Button type="submit" loading={saving}>
                Save
              </Button>
            </Group>
          )}
        </Stack>
        {guard}
      </form>
    </Stack>
  );
}
