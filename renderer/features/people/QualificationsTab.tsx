import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import type { PersonProfile, PersonQualification } from '../../../shared/people/profile';
import { qualificationKindLabels } from '../../../shared/programme/vocabulary';
import { call, errorMessage } from '../../api';
import QualificationModal from './QualificationModal';
import { todayHere, useRefreshProfile } from './usePersonProfile';

function validity(q: PersonQualification, today: string) {
  if (q.validFrom > today) return <Badge color="gray">Not yet valid</Badge>;
  if (q.validUntil !== null && q.validUntil < today) return <Badge color="red">Expired</Badge>;
  return <Badge color="green">Valid</Badge>;
}

/** A person's qualifications with their validity (17021-1 7.1.2: competence criteria met). */
export default function QualificationsTab({
  profile,
  canEdit,
}: {
  profile: PersonProfile;
  canEdit: boolean;
}) {
  const refresh = useRefreshProfile(profile.person.id);
  const [editing, setEditing] = useState<{ q: PersonQualification | null } | null>(null);
  const today = todayHere();
  const remove = async (q: PersonQualification) => {
    try {
      await call('removeQualification', { id: q.id });
      await refresh();
      notifications.show({ message: `${q.title} removed; the change log keeps it.` });
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          On every audit day, a lead auditor needs a valid ISO/IEC 42001 lead auditor qualification,
          an auditor a valid ISO/IEC 42001 auditor (or lead auditor) qualification, and a technical
          expert a technical expert qualification.
        </Text>
        {canEdit && (
          <Button
            leftSection={<Plus size={16} aria-hidden />}
            onClick={() => setEditing({ q: null })}
          >
            Add qualification
          </Button>
        )}
      </Group>
      {profile.qualifications.length === 0 ? (
        <Text>
          No qualifications recorded yet.
          {canEdit
            ? ' Add the auditor training and ISO/IEC 42001 qualifications the person holds.'
            : ''}
        </Text>
      ) : (
        <Table striped aria-label="Qualifications">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Issuer</Table.Th>
              <Table.Th>Valid from</Table.Th>
              <Table.Th>Valid until</Table.Th>
              <Table.Th>Today</Table.Th>
              {canEdit && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {profile.qualifications.map((q) => (
              <Table.Tr key={q.id}>
                <Table.Td>{qualificationKindLabels[q.kind]}</Table.Td>
                <Table.Td>{q.title}</Table.Td>
                <Table.Td>{q.issuer || '—'}</Table.Td>
                <Table.Td>{q.validFrom}</Table.Td>
                <Table.Td>{q.validUntil ?? 'Does not expire'}</Table.Td>
                <Table.Td>{validity(q, today)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setEditing({ q })}>
                        Change {q.title}
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => remove(q)}>
                        Remove {q.title}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <QualificationModal
          personId={profile.person.id}
          personName={profile.person.name}
          qualification={editing.q}
          onClose={() => setEditing(null)}
          onSaved={async (q) => {
            setEditing(null);
            await refresh();
            notifications.show({ color: 'green', message: `${q.title} saved.` });
          }}
        />
      )}
    </Stack>
  );
}
