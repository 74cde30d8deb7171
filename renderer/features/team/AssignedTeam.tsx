import { Stack, Table, Text, Title } from '@mantine/core';
import { teamCheckLabels } from '../../../shared/programme/team-checks';
import type { AuditTeam } from '../../../shared/programme/team-schema';
import { teamRoleLabels } from '../../../shared/programme/vocabulary';
import CheckResultList from './CheckResultList';

/** The saved team, its recorded overrides, and what the checks say about it today. */
export default function AssignedTeam({ team, canAssign }: { team: AuditTeam; canAssign: boolean }) {
  if (team.members.length === 0) {
    return (
      <Text>
        No team assigned yet.{' '}
        {canAssign
          ? 'Assign one lead auditor and the auditors or technical experts who cover what the client needs.'
          : 'A scheduler assigns the team.'}
      </Text>
    );
  }
  return (
    <Stack>
      <Table striped aria-label="Audit team">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Overridden checks and why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {team.members.map((m) => (
            <Table.Tr key={m.personId}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{teamRoleLabels[m.role]}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>
                {m.overriddenChecks.length === 0
                  ? '—'
                  : (m.overrideReason ??
                    m.overriddenChecks.map((c) => teamCheckLabels[c]).join(', '))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {team.results.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Checked again today
          </Title>
          <CheckResultList results={team.results} />
        </Stack>
      )}
    </Stack>
  );
}
