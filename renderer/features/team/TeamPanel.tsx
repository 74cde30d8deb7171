import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Users } from 'lucide-react';
import { useState } from 'react';
import { hasAnyRole } from '../../../shared/people/schema';
import { teamAssigners } from '../../../shared/programme/team-schema';
import { competenceAreaLabels } from '../../../shared/programme/vocabulary';
import { errorMessage } from '../../api';
import { useSession } from '../../session/useSession';
import AssignedTeam from './AssignedTeam';
import TeamEditor from './TeamEditor';
import { useAuditTeam, useRefreshTeam } from './useTeam';
import { draftFromTeam, type TeamDraft } from './useTeamEditor';

/**
 * An audit's team (ISO/IEC 17021-1 9.2.2.1): who is on it, and for schedulers an editor that checks
 * competence, qualifications, impartiality and availability as people are picked.
 */
export default function TeamPanel({ auditId }: { auditId: string }) {
  const team = useAuditTeam(auditId);
  const session = useSession();
  const refresh = useRefreshTeam();
  const [editing, setEditing] = useState<TeamDraft | null>(null);

  if (team.isPending) return <Loader aria-label="Loading the audit team" />;
  if (team.isError) return <Alert color="red">{errorMessage(team.error)}</Alert>;
  const t = team.data;
  const me = session.data?.current;
  const canAssign = me ? hasAnyRole(me, teamAssigners) : false;
  const open = t.state !== 'completed' && t.state !== 'cancelled';
  const needs = t.requiredCompetenceAreas.map((a) => competenceAreaLabels[a]).join('; ');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Audit team
        </Title>
        {canAssign && open && editing === null && (
          <Button
            leftSection={<Users size={16} aria-hidden />}
            onClick={() => setEditing(draftFromTeam(t))}
          >
            {t.members.length === 0 ? 'Assign team' : 'Change team'}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t.clientName} · {t.startDate} to {t.endDate} ·{' '}
        {t.applicationReviewedAt === null
          ? 'the application review has not recorded the competence areas needed yet'
          : needs === ''
            ? 'no particular competence areas needed'
            : `needs ${needs}`}
      </Text>
      {editing ? (
        <TeamEditor
          team={t}
          start={editing}
          onCancel={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            await refresh();
            notifications.show({ color: 'green', message: 'Audit team saved.' });
          }}
        />
      ) : (
        <AssignedTeam team={t} canAssign={canAssign && open} />
      )}
    </Stack>
  );
}
