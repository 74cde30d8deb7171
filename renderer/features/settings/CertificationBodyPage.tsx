import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { certificationBodySchema } from '../../../shared/settings/certification-body';
import { call, errorMessage } from '../../api';
import { schemaErrors } from '../../forms';
import { useSession } from '../../session/useSession';
import { useSavedForm } from '../../ui/useSavedForm';

const key = ['certification-body'] as const;

/** The CB's own details, printed on what it sends clients (audit plans). */
export default function CertificationBodyPage() {
  const details = useQuery({ queryKey: key, queryFn: () => call('certificationBody') });
  if (details.isPending) return <Loader aria-label="Loading" />;
  if (details.isError) return <Alert color="red">{errorMessage(details.error)}</Alert>;
  return <CertificationBodyForm key={details.data.name} name={details.data.name} />;
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
      await queryClient.invalidateQueries({ queryKey: key });
      notifications.show({ color: 'green', message: 'Certification body details saved.' });
    },
  });
  return (
    <Stack maw={720}>
      <Title order={1} size="h2">
        Certification body
      </Title>
      <Text>The name printed on audit plans and other documents sent to clients.</Text>
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
