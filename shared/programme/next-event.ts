import { certifiedEvent, type CycleCache } from './next-event-certified';
import { initialEvent, type EventDraft } from './next-event-initial';
import type { NextEvent, ProgrammeCounts, ProgrammeState } from './programme-schema';
import {
  bookedAudit,
  groupBy,
  heldOn,
  type AuditRecord,
  type ClientRecord,
  type CycleRecord,
  type ProgrammeRecords,
  type TeamRecord,
} from './programme-records';

/**
 * Every client's next event in its certification programme, most urgent first. One pass over
 * each list, grouped in maps, so 10,000 clients take one query per table and no query per client.
 */

const stateRank: Record<ProgrammeState, number> = { overdue: 0, due: 1, planned: 2 };

/** Overdue first, then due, then planned; earliest due date first; undated last; by reference. */
export function byUrgency(a: NextEvent, b: NextEvent): number {
  const rank = stateRank[a.state] - stateRank[b.state];
  if (rank !== 0) return rank;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

/**
 * Prospects have not applied and withdrawn clients hold no certificate: neither has a programme.
 * Applicants are in initial certification; certified and suspended clients are in a cycle. An
 * applicant whose certification decision is recorded is in its cycle too, whether or not the
 * client's status was changed yet: the programme follows the recorded decision, as the client's
 * Programme tab does.
 */
function draftFor(
  client: ClientRecord,
  records: ProgrammeRecords,
  cyclesByClient: Map<string, CycleRecord[]>,
  auditsByClient: Map<string, AuditRecord[]>,
  cache: CycleCache,
): EventDraft | null {
  const audits = auditsByClient.get(client.id) ?? [];
  const cycles = cyclesByClient.get(client.id) ?? [];
  switch (client.status) {
    case 'applicant':
      if (cycles.length === 0) return initialEvent(audits, records.today);
      return certifiedEvent(cycles, audits, records.today, client.status, cache);
    case 'certified':
    case 'suspended':
      return certifiedEvent(cycles, audits, records.today, client.status, cache);
    default:
      return null;
  }
}

/**
 * Computed cycles by their request, kept between passes: a cycle is a pure function of its
 * request (which includes today), so the dashboard's next load reuses them. Bounded, and simply
 * started again when full.
 */
const cycleCache: CycleCache = new Map();
const CYCLE_CACHE_LIMIT = 30_000;

export function nextEvents(records: ProgrammeRecords): NextEvent[] {
  const cyclesByClient = groupBy(records.cycles, (c) => c.clientId);
  const auditsByClient = groupBy(records.audits, (a) => a.clientId);
  const teamByAudit = groupBy<TeamRecord>(records.team, (m) => m.auditId);
  if (cycleCache.size > CYCLE_CACHE_LIMIT) cycleCache.clear();
  const cache = cycleCache;
  const events: NextEvent[] = [];
  for (const client of records.clients) {
    const draft = draftFor(client, records, cyclesByClient, auditsByClient, cache);
    if (draft === null) continue;
    events.push({
      clientId: client.id,
      reference: client.reference,
      legalName: client.legalName,
      country: client.country,
      clientStatus: client.status,
      ...draft,
      plannedAudit: draft.plannedAudit ? bookedAudit(draft.plannedAudit, teamByAudit) : null,
    });
  }
  return events.sort(byUrgency);
}

/** Audits held in the calendar month of `today`, up to `today`. */
export function heldThisMonth(audits: readonly AuditRecord[], today: string): number {
  const month = today.slice(0, 7);
  return audits.filter((audit) => heldOn(audit, today)?.startsWith(month) ?? false).length;
}

export function programmeCounts(
  events: readonly NextEvent[],
  audits: readonly AuditRecord[],
  today: string,
): ProgrammeCounts {
  const counts: ProgrammeCounts = { overdue: 0, due: 0, planned: 0, doneThisMonth: 0 };
  for (const event of events) counts[event.state]++;
  counts.doneThisMonth = heldThisMonth(audits, today);
  return counts;
}
