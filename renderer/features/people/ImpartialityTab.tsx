import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import type { ImpartialityDeclaration, PersonProfile } from '../../../shared/people/profile';
import { relationshipKindLabels } from '../../../shared/programme/vocabulary';
import { call, errorMessage } from '../../api';
import DeclarationModal from './DeclarationModal';
import { useRefreshProfile } from './usePersonProfile';

interface Props {
  profile: PersonProfile;
  /** The person themself, or a scheduler or administrator. */
  canDeclare: boolean;
  /** Administrators only: removing a record made by mistake. */
  canRemove: boolean;
}

/** Declared relationships with clients, which the team checks read (ISO/IEC 17021-1 5.2). */
export default function ImpartialityTab({ profile, canDeclare, canRemove }: Props) {
  const refresh = useRefreshProfile(profile.person.id);
  const [editing, setEditing] = useState<{ d: ImpartialityDeclaration | null } | null>(null);
  const remove = async (d: ImpartialityDeclaration) => {
    try {
      await call('removeImpartialityDeclaration', { id: d.id });
      await refresh();
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    }
  };
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <Text size="sm" c="dimmed" maw={700}>
          Declare any relationship with a client that could threaten impartiality. Consultancy for,
          or employment by, a client in the last 2 years bars the person from its audits; a current
          family or financial tie too; anything else is for the CB to weigh.
        </Text>
        {canDeclare && (
          <Button
            leftSection={<Plus size={16} aria-hidden />}
            onClick={() => setEditing({ d: null })}
          >
            Declare a relationship
          </Button>
        )}
      </Group>
      {profile.declarations.length === 0 ? (
        <Text>No relationships with clients declared.</Text>
      ) : (
        <Table striped aria-label="Declared relationships">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Client</Table.Th>
              <Table.Th>Relationship</Table.Th>
              <Table.Th>From</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>Notes</Table.Th>
              {(canDeclare || canRemove) && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {profile.declarations.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  {d.clientName} ({d.clientReference})
                </Table.Td>
                <Table.Td>{relationshipKindLabels[d.kind]}</Table.Td>
                <Table.Td>{d.fromDate}</Table.Td>
                <Table.Td>{d.toDate ?? 'Continuing'}</Table.Td>
                <Table.Td>{d.notes || '—'}</Table.Td>
                {(canDeclare || canRemove) && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {canDeclare && (
                        <Button size="xs" variant="subtle" onClick={() => setEditing({ d })}>
                          Change {d.clientName}
                        </Button>
                      )}
                      {canRemove && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => remove(d)}>
                          Remove {d.clientName}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <DeclarationModal
          personId={profile.person.id}
          personName={profile.person.name}
          declaration={editing.d}
          onClose={() => setEditing(null)}
          onSaved={async (d) => {
            setEditing(null);
            await refresh();
            notifications.show({
              color: 'green',
              message: `Relationship with ${d.clientName} recorded.`,
            });
          }}
        />
      )}
    </Stack>
  );
}
