import type { ClientStatus } from '../clients/schema';
import type { BookedAudit, TeamMemberSummary } from './programme-schema';
import { auditTypeSchema, auditStateSchema, teamRoles, type TeamRole } from './vocabulary';

/**
 * The stored records the programme is computed from, as plain values (one list per table), so
 * the rules run the same in the main process, the command line and the tests.
 */
export interface ClientRecord {
  id: string;
  reference: string;
  legalName: string;
  country: string;
  status: ClientStatus;
}

export interface CycleRecord {
  clientId: string;
  cycleNumber: number;
  decisionDate: string;
  previousExpiryDate: string | null;
  previousAuditDate: string | null;
  recertificationDecisionDate: string | null;
}

export interface AuditRecord {
  id: string;
  clientId: string;
  type: string;
  cycleNumber: number;
  state: string;
  plannedStart: string;
  plannedEnd: string;
  completedOn: string | null;
}

export interface TeamRecord {
  auditId: string;
  personId: string;
  name: string;
  role: string;
}

export interface ProgrammeRecords {
  today: string;
  clients: readonly ClientRecord[];
  cycles: readonly CycleRecord[];
  audits: readonly AuditRecord[];
  team: readonly TeamRecord[];
}

/** The last day an audit was held, if it was held by `today` (an as-of date may lie before it). */
export function heldOn(audit: AuditRecord, today: string): string | null {
  if (audit.state !== 'completed') return null;
  const lastDay = audit.completedOn ?? audit.plannedEnd;
  return lastDay <= today ? lastDay : null;
}

/** Still to be held as of `today`: not cancelled, and not yet completed by then. */
export function isOpen(audit: AuditRecord, today: string): boolean {
  return audit.state !== 'cancelled' && heldOn(audit, today) === null;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const roleOrder = new Map<string, number>(teamRoles.map((role, i) => [role, i]));

/** Lead auditor first, then auditors, technical experts, observers; by name within a role. */
export function teamOf(members: readonly TeamRecord[] | undefined): TeamMemberSummary[] {
  if (!members) return [];
  return [...members]
    .sort(
      (a, b) =>
        (roleOrder.get(a.role) ?? 99) - (roleOrder.get(b.role) ?? 99) ||
        a.name.localeCompare(b.name),
    )
    .map((m) => ({ personId: m.personId, name: m.name, role: m.role as TeamRole }));
}

/** An audit as shown next to an event or on the calendar. */
export function bookedAudit(
  audit: AuditRecord,
  teamByAudit: ReadonlyMap<string, readonly TeamRecord[]>,
): BookedAudit {
  const type = auditTypeSchema.safeParse(audit.type);
  const state = auditStateSchema.safeParse(audit.state);
  return {
    id: audit.id,
    type: type.success ? type.data : 'special',
    state: state.success ? state.data : 'planned',
    start: audit.plannedStart,
    end: audit.plannedEnd,
    team: teamOf(teamByAudit.get(audit.id)),
  };
}

/** The earliest open audit of one of these types, if any. */
export function firstOpen(
  audits: readonly AuditRecord[],
  today: string,
  matches: (audit: AuditRecord) => boolean,
): AuditRecord | null {
  let first: AuditRecord | null = null;
  for (const audit of audits) {
    if (!matches(audit) || !isOpen(audit, today)) continue;
    if (first === null || audit.plannedStart < first.plannedStart) first = audit;
  }
  return first;
}
