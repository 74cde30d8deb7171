import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { roleLabels, type Person } from '../../../shared/people/schema';
import { call, errorMessage } from '../../api';
import { sessionKey, useSession } from '../../session/useSession';
import PersonCalendarButton from '../calendar/PersonCalendarButton';
import PersonModal from './PersonModal';
import TeamSettingsCard from './TeamSettingsCard';

const peopleKey = ['people'] as const;

/** The certification body's people and their roles; administrators add and change them. */
export default function PeoplePage() {
  const queryClient = useQueryClient();
  const session = useSession();
  const isAdmin = session.data?.current?.roles.includes('admin') ?? false;
  const people = useQuery({ queryKey: peopleKey, queryFn: () => call('listPeople') });
  const [editing, setEditing] = useState<{ person: Person | null } | null>(null);

  if (people.isPending) return <Loader aria-label="Loading people" />;
  if (people.isError) return <Alert color="red">{errorMessage(people.error)}</Alert>;

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          People
        </Title>
        {isAdmin && (
          <Button
            leftSection={<UserPlus size={16} aria-hidden />}
            onClick={() => setEditing({ person: null })}
          >
            Add person
          </Button>
        )}
      </Group>
      {!isAdmin && <Text c="dimmed">Only an administrator adds or changes people.</Text>}
      <Text size="sm" c="dimmed">
        Open a person for their qualifications, competence areas, languages, days away and declared
        relationships with clients.
      </Text>
      {people.data.length === 1 && isAdmin && (
        <Alert color="indigo" title="Only you so far">
          Add the schedulers, auditors, lead auditors, technical experts and decision makers who
          work with Audit Desk. Each change is recorded under the name of the person working.
        </Alert>
      )}
      <Table striped aria-label="People">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>PIN</Table.Th>
            <Table.Th>Status</Table.Th>
            {isAdmin && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.data.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Anchor component={Link} to={`/people/${p.id}`}>
                    {p.name}
                  </Anchor>
                  <PersonCalendarButton person={p} />
                </Group>
              </Table.Td>
              <Table.Td>{p.email}</Table.Td>
              <Table.Td>{p.roles.map((r) => roleLabels[r]).join(', ')}</Table.Td>
              <Table.Td>{p.hasPin ? 'Set' : 'None'}</Table.Td>
              <Table.Td>
                {p.active ? (
                  <Badge color="green">Active</Badge>
                ) : (
                  <Badge color="gray">Inactive</Badge>
                )}
              </Table.Td>
              {isAdmin && (
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setEditing({ person: p })}>
                    Change {p.name}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {isAdmin && <TeamSettingsCard />}
      {editing && (
        <PersonModal
          opened
          person={editing.person}
          onClose={() => setEditing(null)}
          onSaved={async (saved) => {
            setEditing(null);
            await queryClient.invalidateQueries({ queryKey: peopleKey });
            await queryClient.invalidateQueries({ queryKey: sessionKey });
            notifications.show({ color: 'green', message: `${saved.name} saved.` });
          }}
        />
      )}
    </Stack>
  );
}
