import { ActionIcon, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { Trash2 } from 'lucide-react';
import { roleLabels } from '../../../shared/people/schema';
import type { TeamCheck, TeamCheckResult } from '../../../shared/programme/team-checks';
import type { TeamCandidate } from '../../../shared/programme/team-schema';
import {
  competenceAreaLabels,
  teamRoleLabels,
  teamRoles,
  type TeamRole,
} from '../../../shared/programme/vocabulary';
import CheckResultList from './CheckResultList';
import type { TeamRow } from './useTeamEditor';

interface Props {
  index: number;
  row: TeamRow;
  candidates: readonly TeamCandidate[];
  /** People already picked in other rows: not offered again. */
  taken: ReadonlySet<string>;
  results: readonly TeamCheckResult[];
  error: string | undefined;
  reasons: Record<string, string>;
  reasonKey: (personId: string, check: TeamCheck) => string;
  onChange: (change: Partial<TeamRow>) => void;
  onRemove: () => void;
  onReason: (personId: string, check: TeamCheck, reason: string) => void;
}

/** One member being picked: who, in which role, and what the checks say about them. */
export default function MemberRow(props: Props) {
  const { index, row, candidates, taken, results, error } = props;
  const picked = candidates.find((c) => c.id === row.personId);
  const options = candidates
    .filter((c) => c.id === row.personId || !taken.has(c.id))
    .map((c) => ({
      value: c.id,
      label: `${c.name} (${c.roles.map((r) => roleLabels[r]).join(', ')})`,
    }));
  const label = `Team member ${index + 1}`;
  return (
    <Paper withBorder p="sm" data-testid={`team-row-${index + 1}`}>
      <Stack gap="xs">
        <Group align="end" wrap="nowrap">
          <Select
            label={label}
            placeholder="Type a name"
            searchable
            data={options}
            value={row.personId}
            onChange={(personId) => props.onChange({ personId })}
            error={error}
            style={{ flex: 2 }}
          />
          <Select
            label={`Role of team member ${index + 1}`}
            data={teamRoles.map((r) => ({ value: r, label: teamRoleLabels[r] }))}
            value={row.role}
            allowDeselect={false}
            onChange={(role) => role && props.onChange({ role: role as TeamRole })}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={error ? 22 : 2}
            aria-label={`Remove ${picked?.name ?? label}`}
            onClick={props.onRemove}
          >
            <Trash2 size={18} aria-hidden />
          </ActionIcon>
        </Group>
        {picked && (
          <Text size="xs" c="dimmed">
            Covers:{' '}
            {picked.competenceAreas.length === 0
              ? 'no competence areas recorded'
              : picked.competenceAreas.map((a) => competenceAreaLabels[a]).join('; ')}
            {picked.languages.length > 0 && ` · Languages: ${picked.languages.join(', ')}`}
          </Text>
        )}
        <CheckResultList
          results={results}
          reasons={props.reasons}
          reasonKey={props.reasonKey}
          onReason={props.onReason}
          nameOf={() => picked?.name ?? label}
        />
      </Stack>
    </Paper>
  );
}
