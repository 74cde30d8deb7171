import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { certificationCycles, findings } from '../../db/schema';
import { computeCycle, parseCycleInput } from '../../shared/cycle';
import {
  computeDeadlines,
  findingAuditTypes,
  type Deadlines,
  type FindingAuditType,
} from '../../shared/findings/deadlines';
import { terminalStates } from '../../shared/findings/lifecycle';
import type { FindingGrade, FindingState } from '../../shared/findings/schema';
import { cycleRequestFor } from '../../shared/programme/programme';
import type { AuditRow } from './audit-records';
import { clientAudits } from './audit-records';
import { auditLastDayOf, type FindingRecord } from './finding-records';

/** The computed deadline columns of a finding (reference/nonconformities.md 4). */
export interface DeadlineColumns {
  auditLastDay: string | null;
  responseDue: string | null;
  verificationDue: string | null;
  hardLimit: string | null;
  nextDue: string | null;
}

/** What the deadlines of a finding rest on; `note` says why one could not be computed. */
export interface DeadlineBasis {
  auditType: FindingAuditType | null;
  auditLastDay: string;
  expiryDate: string | null;
  note: string | null;
}

const isFindingAuditType = (type: string): type is FindingAuditType =>
  (findingAuditTypes as readonly string[]).includes(type);

/**
 * The certificate expiry a recertification's majors must be verified by (9.6.3.2.2): the expiry
 * of the cycle the audit belongs to, computed by the cycle rules from its recorded decision.
 */
export function certificateExpiryFor(
  db: Db,
  audit: Pick<AuditRow, 'clientId' | 'cycleNumber'>,
  today: string,
): { expiryDate: string | null; note: string | null } {
  const cycle = db
    .select()
    .from(certificationCycles)
    .where(
      and(
        eq(certificationCycles.clientId, audit.clientId),
        eq(certificationCycles.cycleNumber, audit.cycleNumber),
      ),
    )
    .get();
  if (!cycle) {
    return {
      expiryDate: null,
      note: `The certificate’s expiry is not known (no certification decision is recorded for cycle ${audit.cycleNumber}), so the recertification hard limit cannot be computed.`,
    };
  }
  const day = today < cycle.decisionDate ? cycle.decisionDate : today;
  const parsed = parseCycleInput(cycleRequestFor(cycle, clientAudits(db, audit), day));
  if (!parsed.ok) {
    return {
      expiryDate: null,
      note: `The certificate’s expiry cannot be computed (${parsed.error.message}), so the recertification hard limit is not known.`,
    };
  }
  return { expiryDate: computeCycle(parsed.value).expiryDate, note: null };
}

/** The audit facts every finding of `audit` computes its deadlines from. */
export function deadlineBasisFor(
  db: Db,
  audit: Pick<AuditRow, 'type' | 'completedOn' | 'plannedEnd' | 'clientId' | 'cycleNumber'>,
  today: string,
): DeadlineBasis {
  const auditLastDay = auditLastDayOf(audit);
  if (!isFindingAuditType(audit.type)) {
    return {
      auditType: null,
      auditLastDay,
      expiryDate: null,
      note: 'A Stage 1 raises areas of concern, not nonconformities: no deadlines apply.',
    };
  }
  if (audit.type !== 'recertification') {
    return { auditType: audit.type, auditLastDay, expiryDate: null, note: null };
  }
  return { auditType: audit.type, auditLastDay, ...certificateExpiryFor(db, audit, today) };
}

interface DeadlineFacts {
  grade: FindingGrade | null;
  state: FindingState;
  responseSubmittedOn: string | null;
  responseAcceptedOn: string | null;
  verifiedOn: string | null;
}

/** States past the response: an acceptance recorded earlier only counts in these. */
const responseSettledStates: readonly FindingState[] = [
  'responseAccepted',
  'verified',
  'closed',
  'escalated',
  'cancelled',
];

/** The deadlines and the flags on `today`; null while ungraded or outside a finding audit type. */
export function deadlinesOf(
  basis: DeadlineBasis,
  facts: DeadlineFacts,
  today: string,
): Deadlines | null {
  if (facts.grade === null || basis.auditType === null) return null;
  // A major found ineffective goes back to open and needs a new response: its earlier acceptance
  // no longer stands, so the response is overdue again (as nextDue and the register say).
  const acceptanceStands = responseSettledStates.includes(facts.state);
  return computeDeadlines({
    grade: facts.grade,
    auditType: basis.auditType,
    auditLastDay: basis.auditLastDay,
    today,
    expiryDate: basis.expiryDate,
    responseSubmittedOn: facts.responseSubmittedOn,
    responseAcceptedOn: acceptanceStands ? facts.responseAcceptedOn : null,
    verifiedOn: facts.verifiedOn,
  });
}

/**
 * The earliest deadline still pending in this state: the response (majors and minors) until it is
 * accepted, the verification (majors) until verified. OFIs and finished findings have none.
 */
export function nextDueFor(
  grade: FindingGrade | null,
  state: FindingState,
  deadlines: Pick<Deadlines, 'responseDue' | 'verificationDue'> | null,
): string | null {
  if (deadlines === null || grade === null || grade === 'ofi') return null;
  if (terminalStates.includes(state)) return null;
  const pending: string[] = [];
  if ((state === 'open' || state === 'responseSubmitted') && deadlines.responseDue !== null) {
    pending.push(deadlines.responseDue);
  }
  if (grade === 'major' && state !== 'verified' && deadlines.verificationDue !== null) {
    pending.push(deadlines.verificationDue);
  }
  pending.sort();
  return pending[0] ?? null;
}

export function deadlineColumnsOf(
  basis: DeadlineBasis,
  facts: DeadlineFacts,
  today: string,
): DeadlineColumns {
  const deadlines = deadlinesOf(basis, facts, today);
  return {
    auditLastDay: basis.auditLastDay,
    responseDue: deadlines?.responseDue ?? null,
    verificationDue: deadlines?.verificationDue ?? null,
    hardLimit: deadlines?.hardLimit ?? null,
    nextDue: nextDueFor(facts.grade, facts.state, deadlines),
  };
}

const columnNames = [
  'auditLastDay',
  'responseDue',
  'verificationDue',
  'hardLimit',
  'nextDue',
] as const;

function writeIfChanged(tx: Db, row: FindingRecord, next: DeadlineColumns, at: string): boolean {
  if (columnNames.every((c) => row[c] === next[c])) return false;
  tx.update(findings)
    .set({ ...next, updatedAt: at })
    .where(eq(findings.id, row.id))
    .run();
  return true;
}

/**
 * Recomputes the stored deadline columns of one finding (after its grade or an event changed).
 * Deadlines derive from the audit's last day only, so a rejected response never restarts them.
 */
export function recomputeFindingDeadlines(
  tx: Db,
  row: FindingRecord,
  audit: AuditRow,
  today: string,
  at: string,
): DeadlineColumns {
  const next = deadlineColumnsOf(
    deadlineBasisFor(tx, audit, today),
    { ...row, grade: row.grade as FindingGrade | null, state: row.state as FindingState },
    today,
  );
  writeIfChanged(tx, row, next, at);
  return next;
}

/** Recomputes every finding of an audit, e.g. when the audit is completed and its last day is known. */
export function recomputeAuditFindingDeadlines(
  tx: Db,
  audit: AuditRow,
  today: string,
  at: string,
): number {
  const rows = tx.select().from(findings).where(eq(findings.auditId, audit.id)).all();
  if (rows.length === 0) return 0;
  const basis = deadlineBasisFor(tx, audit, today);
  let changed = 0;
  for (const row of rows) {
    const next = deadlineColumnsOf(
      basis,
      { ...row, grade: row.grade as FindingGrade | null, state: row.state as FindingState },
      today,
    );
    if (writeIfChanged(tx, row, next, at)) changed++;
  }
  return changed;
}

/** The deadline columns of a finding being raised (open, with no response yet). */
export function newFindingDeadlines(
  db: Db,
  audit: Pick<AuditRow, 'type' | 'completedOn' | 'plannedEnd' | 'clientId' | 'cycleNumber'>,
  grade: FindingGrade | null,
  today: string,
): DeadlineColumns {
  return deadlineColumnsOf(
    deadlineBasisFor(db, audit, today),
    { grade, state: 'open', responseSubmittedOn: null, responseAcceptedOn: null, verifiedOn: null },
    today,
  );
}
