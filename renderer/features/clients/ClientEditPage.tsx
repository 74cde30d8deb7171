import { Alert, Anchor, Loader, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { call, errorMessage } from '../../api';
import ClientForm from './ClientForm';
import { clientToValues, newClientValues, valuesToInput } from './clientFormValues';
import { clientsKey, useClient } from './useClients';

/** `/clients/new` and `/clients/:id/edit`. */
export default function ClientEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const client = useClient(id);
  const nextReference = useQuery({
    queryKey: [...clientsKey, 'next-reference'],
    queryFn: () => call('nextClientReference'),
    enabled: id === undefined,
  });

  if (id && client.isPending) return <Loader aria-label="Loading client" />;
  if (id && client.isError) return <Alert color="red">{errorMessage(client.error)}</Alert>;

  const existing = client.data;
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={existing ? `/clients/${existing.id}` : '/clients'} size="sm">
        ← {existing ? existing.legalName : 'Clients'}
      </Anchor>
      <Title order={1} size="h2">
        {existing ? `Edit ${existing.legalName}` : 'New client'}
      </Title>
      <ClientForm
        key={existing?.updatedAt ?? 'new'}
        draftKey={existing ? `client:${existing.id}` : 'client:new'}
        initialValues={existing ? clientToValues(existing) : newClientValues()}
        suggestedReference={existing ? undefined : nextReference.data}
        submitLabel={existing ? 'Save changes' : 'Create client'}
        onCancel={() => navigate(existing ? `/clients/${existing.id}` : '/clients')}
        onSubmit={async (values) => {
          const input = valuesToInput(values);
          const saved = existing
            ? await call('updateClient', {
                id: existing.id,
                patch: { ...input, reference: values.reference },
              })
            : await call('createClient', input);
          await queryClient.invalidateQueries({ queryKey: clientsKey });
          notifications.show({ color: 'green', message: `${saved.legalName} saved.` });
          navigate(`/clients/${saved.id}`);
        }}
      />
    </Stack>
  );
}
