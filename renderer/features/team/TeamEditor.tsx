import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import type { AuditTeam } from '../../../shared/programme/team-schema';
import { ApiError, call, errorMessage } from '../../api';
import DraftOffer from '../../ui/DraftOffer';
import { useDraft } from '../clients/useDraft';
import CheckResultList from './CheckResultList';
import MemberRow from './MemberRow';
import { useTeamCandidates } from './useTeam';
import { overridesFor, reasonKey, useTeamEditor, type TeamDraft } from './useTeamEditor';

interface Props {
  team: AuditTeam;
  start: TeamDraft;
  onSaved: (team: AuditTeam) => void;
  onCancel: () => void;
}

const memberField = /^members\[(\d+)\]/;

/** Picks people with roles, shows every check live, takes override reasons, saves the team. */
export default function TeamEditor({ team, start, onSaved, onCancel }: Props) {
  const candidates = useTeamCandidates();
  const editor = useTeamEditor(team.auditId, start);
  const { draft: picks } = editor;
  const dirty = JSON.stringify(picks) !== JSON.stringify(start);
  const stored = useDraft<TeamDraft>(`team:${team.auditId}`, picks, dirty);
  const [offerDraft, setOfferDraft] = useState(
    stored.found !== null && JSON.stringify(stored.found) !== JSON.stringify(start),
  );
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (candidates.isPending) return <Loader aria-label="Loading people" />;
  if (candidates.isError) return <Alert color="red">{errorMessage(candidates.error)}</Alert>;

  const results = editor.check.data ?? [];

  const save = async () => {
    setRefusal(null);
    const missing: Record<string, string> = {};
    for (const r of picks.rows) {
      if (r.personId === null) missing[r.key] = 'Choose a person, or remove this row.';
    }
    setRowErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setSaving(true);
    try {
      // Overrides answer the checks as they stand now, not the last live preview.
      const fresh = await call('checkTeam', { auditId: team.auditId, members: editor.members });
      const saved = await call('assignTeam', {
        auditId: team.auditId,
        members: editor.members,
        overrides: overridesFor(fresh, picks.reasons),
      });
      stored.clear();
      onSaved(saved);
    } catch (error) {
      const row = error instanceof ApiError ? memberField.exec(error.field ?? '') : null;
      const key = row
        ? picks.rows.filter((r) => r.personId !== null)[Number(row[1])]?.key
        : undefined;
      if (key !== undefined) setRowErrors({ [key]: errorMessage(error) });
      else setRefusal(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack>
      {offerDraft && stored.found && (
        <DraftOffer
          onRestore={() => {
            if (stored.found) editor.setDraft(stored.found);
            setOfferDraft(false);
          }}
          onDiscard={() => {
            stored.clear();
            setOfferDraft(false);
          }}
        />
      )}
      <Title order={3} size="h5">
        Whole team
      </Title>
      {editor.check.isError ? (
        <Alert color="red">{errorMessage(editor.check.error)}</Alert>
      ) : results.some((r) => r.personId === undefined) ? (
        <CheckResultList results={results.filter((r) => r.personId === undefined)} />
      ) : (
        <Text size="sm" c="dimmed">
          {editor.check.isFetching
            ? 'Checking…'
            : 'One lead auditor, and every competence area covered.'}
        </Text>
      )}
      <Title order={3} size="h5">
        Members
      </Title>
      {candidates.data.length === 0 && (
        <Text>Nobody to pick yet: add people and their qualifications on the People page.</Text>
      )}
      {picks.rows.map((row, index) => (
        <MemberRow
          key={row.key}
          index={index}
          row={row}
          candidates={candidates.data}
          taken={
            new Set(
              picks.rows
                .filter((r) => r.key !== row.key)
                .flatMap((r) => (r.personId ? [r.personId] : [])),
            )
          }
          results={row.personId === null ? [] : results.filter((r) => r.personId === row.personId)}
          error={rowErrors[row.key]}
          reasons={picks.reasons}
          reasonKey={reasonKey}
          onChange={(change) => editor.update(row.key, change)}
          onRemove={() => editor.removeRow(row.key)}
          onReason={editor.setReason}
        />
      ))}
      <Button
        variant="default"
        w="fit-content"
        leftSection={<UserPlus size={16} aria-hidden />}
        onClick={editor.addRow}
      >
        Add a member
      </Button>
      {refusal && (
        <Alert color="red" style={{ whiteSpace: 'pre-line' }} data-testid="team-refusal">
          {refusal}
        </Alert>
      )}
      <Group>
        <Button onClick={save} loading={saving}>
          Save team
        </Button>
        <Button
          variant="default"
          onClick={() => {
            stored.clear();
            onCancel();
          }}
        >
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
