import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { TeamCheck, TeamCheckResult } from '../../../shared/programme/team-checks';
import { splitOverrideReason } from '../../../shared/programme/team-rules';
import type { AuditTeam, TeamMemberInput } from '../../../shared/programme/team-schema';
import type { TeamRole } from '../../../shared/programme/vocabulary';
import { useTeamCheck } from './useTeam';

export interface TeamRow {
  key: string;
  personId: string | null;
  role: TeamRole;
}

/** What the editor keeps, and what its draft stores: the picks and the override reasons. */
export interface TeamDraft {
  rows: TeamRow[];
  /** Keyed by `reasonKey(personId, check)`. */
  reasons: Record<string, string>;
}

export const reasonKey = (personId: string, check: TeamCheck) => `${personId}|${check}`;

let rowCounter = 0;
export const newRow = (role: TeamRole, personId: string | null = null): TeamRow => ({
  key: `row-${++rowCounter}`,
  personId,
  role,
});

/** The editor's starting point: the saved team with its override reasons, or an empty lead row. */
export function draftFromTeam(team: AuditTeam): TeamDraft {
  if (team.members.length === 0) return { rows: [newRow('lead_auditor')], reasons: {} };
  const reasons: Record<string, string> = {};
  for (const m of team.members) {
    const split = splitOverrideReason(m.overrideReason, m.overriddenChecks);
    for (const [check, why] of Object.entries(split)) {
      reasons[reasonKey(m.personId, check as TeamCheck)] = why;
    }
  }
  return { rows: team.members.map((m) => newRow(m.role, m.personId)), reasons };
}

export function membersOf(rows: readonly TeamRow[]): TeamMemberInput[] {
  return rows.flatMap((r) => (r.personId === null ? [] : [{ personId: r.personId, role: r.role }]));
}

/** The overrides to send: a reason for each overridable block that has one. */
export function overridesFor(results: readonly TeamCheckResult[], reasons: Record<string, string>) {
  return results.flatMap((r) => {
    if (r.severity !== 'block' || !r.overridable || r.personId === undefined) return [];
    const reason = (reasons[reasonKey(r.personId, r.check)] ?? '').trim();
    return reason === '' ? [] : [{ personId: r.personId, check: r.check, reason }];
  });
}

/** The editor's state plus the live check of the team as picked (debounced while typing). */
export function useTeamEditor(auditId: string, start: TeamDraft) {
  const [draft, setDraft] = useState<TeamDraft>(start);
  const members = useMemo(() => membersOf(draft.rows), [draft.rows]);
  const [checked] = useDebouncedValue(members, 250);
  const check = useTeamCheck(auditId, checked, true);
  const update = (key: string, change: Partial<TeamRow>) =>
    setDraft((d) => ({ ...d, rows: d.rows.map((r) => (r.key === key ? { ...r, ...change } : r)) }));
  return {
    draft,
    setDraft,
    members,
    check,
    addRow: () =>
      setDraft((d) => ({
        ...d,
        rows: [
          ...d.rows,
          newRow(d.rows.some((r) => r.role === 'lead_auditor') ? 'auditor' : 'lead_auditor'),
        ],
      })),
    removeRow: (key: string) =>
      setDraft((d) => ({ ...d, rows: d.rows.filter((r) => r.key !== key) })),
    update,
    setReason: (personId: string, c: TeamCheck, reason: string) =>
      setDraft((d) => ({ ...d, reasons: { ...d.reasons, [reasonKey(personId, c)]: reason } })),
  };
}
