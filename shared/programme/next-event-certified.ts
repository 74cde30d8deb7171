import type { ClientStatus } from '../clients/schema';
import type { Result } from '../errors';
import {
  addCalendarDays,
  computeCycle,
  nextCycleInput,
  parseCycleInput,
  type CycleInput,
  type CycleOutput,
  type CycleRequest,
  type SurveillanceAudit,
} from '../cycle';
import { initialEvent, type EventDraft } from './next-event-initial';
import { firstOpen, heldOn, type AuditRecord, type CycleRecord } from './programme-records';

/** The part of a cycle the rules start from: a stored row, or one a recorded decision opened. */
type CycleStart = Omit<CycleRecord, 'clientId'>;

/** A recertification decision opens at most one cycle; more would mean inconsistent records. */
const MAX_DERIVED_CYCLES = 3;

/**
 * Audits belong to a cycle by date: held on or after the decision that started it and by today.
 * This works whatever cycle number an audit was filed under, and keeps every recorded date inside
 * the cycle as the rules require (B3 step 1 f).
 */
function heldSince(
  audits: readonly AuditRecord[],
  type: string,
  since: string,
  today: string,
): string[] {
  const days: string[] = [];
  for (const audit of audits) {
    if (audit.type !== type) continue;
    const day = heldOn(audit, today);
    if (day !== null && day >= since) days.push(day);
  }
  return days.sort();
}

function cycleRequest(cycle: CycleStart, audits: readonly AuditRecord[], today: string) {
  const surveillances = heldSince(audits, 'surveillance', cycle.decisionDate, today);
  // The recertification audit that closed the previous cycle can fall on this cycle's decision day.
  const recertifications = heldSince(audits, 'recertification', cycle.decisionDate, today).filter(
    (day) => cycle.previousAuditDate === null || day > cycle.previousAuditDate,
  );
  const decision = cycle.recertificationDecisionDate;
  const request: CycleRequest = {
    decisionDate: cycle.decisionDate,
    today,
    previousExpiryDate: cycle.previousExpiryDate,
    previousAuditDate: cycle.previousAuditDate,
    surveillance1Date: surveillances[0] ?? null,
    surveillance2Date: surveillances[1] ?? null,
    recertificationAuditDate: recertifications.at(-1) ?? null,
    recertificationDecisionDate: decision !== null && decision <= today ? decision : null,
  };
  return request;
}

function recordsProblem(message: string, cycleNumber: number | null): EventDraft {
  return {
    event: 'cycleRecords',
    dueDate: null,
    windowStart: null,
    windowEnd: null,
    state: 'due',
    consequence: message,
    cycleNumber,
    certificateStatus: null,
    expiryDate: null,
    plannedAudit: null,
  };
}

function lateSurveillance(
  label: string,
  item: SurveillanceAudit,
  output: CycleOutput,
  clientStatus: ClientStatus,
): string | null {
  if (item.status !== 'overdue') return null;
  if (clientStatus === 'suspended') {
    return `${label} was due by ${item.dueDate} and certification is suspended: hold the audit and decide on reinstatement, or withdraw or reduce the scope (ISO/IEC 17021-1 9.6.5).`;
  }
  // Audits not allowed at the required frequency are a ground for suspension (9.6.5.2); a
  // decision maker suspends or records why not, never the app by itself.
  return `${label} was due by ${item.dueDate}: suspension to be considered (ISO/IEC 17021-1 9.6.5.2). The certificate expires on ${output.expiryDate}.`;
}

/** B3 step 7 read as "what comes next": the first of the cycle's audits not yet done. */
function eventOf(
  output: CycleOutput,
  cycleNumber: number,
  audits: readonly AuditRecord[],
  today: string,
  clientStatus: ClientStatus,
): EventDraft {
  const base = {
    cycleNumber,
    certificateStatus: output.certificateStatus,
    expiryDate: output.expiryDate,
  };
  const openOf = (type: string) => firstOpen(audits, today, (a) => a.type === type);
  const { certificateStatus, expiryDate, restorationDeadline, recertification } = output;

  if (certificateStatus === 'expiredRestorable' || certificateStatus === 'lapsed') {
    // Between expiry and restoration the client is not certified (9.6.3.2.5).
    return {
      ...base,
      event: 'restoration',
      dueDate: restorationDeadline,
      windowStart: addCalendarDays(expiryDate, 1),
      windowEnd: restorationDeadline,
      state: 'overdue',
      consequence:
        certificateStatus === 'expiredRestorable'
          ? `The certificate expired on ${expiryDate}: the client is not certified. Certification can be restored until ${restorationDeadline} once the recertification audit and decision are completed (ISO/IEC 17021-1 9.6.3.2.5).`
          : `The certificate expired on ${expiryDate} and could be restored only until ${restorationDeadline}: a new certification needs at least a Stage 2.`,
      plannedAudit: openOf('recertification'),
    };
  }
  const surveillances = [
    ['surveillance1', 'Surveillance 1', output.surveillance1],
    ['surveillance2', 'Surveillance 2', output.surveillance2],
  ] as const;
  for (const [event, label, item] of surveillances) {
    if (item.status === 'done') continue;
    return {
      ...base,
      event,
      dueDate: item.dueDate,
      windowStart: item.windowStart,
      windowEnd: item.windowEnd,
      state: item.status,
      consequence: lateSurveillance(label, item, output, clientStatus),
      plannedAudit: openOf('surveillance'),
    };
  }
  if (recertification.auditDate === null) {
    const late = recertification.status === 'overdue';
    return {
      ...base,
      event: 'recertification',
      dueDate: recertification.auditDueDate,
      windowStart: recertification.windowStart,
      windowEnd: recertification.windowEnd,
      state: recertification.status === 'done' ? 'due' : recertification.status,
      consequence: late
        ? `The recertification audit was due by ${recertification.auditDueDate}: suspension to be considered, and without audit and decision before expiry on ${expiryDate} the certificate cannot be extended (ISO/IEC 17021-1 9.6.3.2.4).`
        : null,
      plannedAudit: openOf('recertification'),
    };
  }
  // Audit held, decision pending: both are due before expiry (9.6.3.2.4).
  return {
    ...base,
    event: 'expiry',
    dueDate: expiryDate,
    windowStart: recertification.auditDate,
    windowEnd: expiryDate,
    state: 'due',
    consequence: `Recertification audit held on ${recertification.auditDate}: the decision is due before the certificate expires on ${expiryDate}, or the client will not be certified from then (ISO/IEC 17021-1 9.6.3.2.4).`,
    plannedAudit: null,
  };
}

/** Cycles already computed in one pass, by their request: many clients share the same dates. */
export type CycleCache = Map<string, Result<{ input: CycleInput; output: CycleOutput }>>;

function computedCycle(request: CycleRequest, cache: CycleCache) {
  const key = JSON.stringify(request);
  let computed = cache.get(key);
  if (computed === undefined) {
    const parsed = parseCycleInput(request);
    computed = parsed.ok
      ? { ok: true, value: { input: parsed.value, output: computeCycle(parsed.value) } }
      : parsed;
    cache.set(key, computed);
  }
  return computed;
}

/**
 * The next event of a certified (or suspended) client, from its current certification cycle: the
 * latest cycle started by today. A recorded recertification decision whose cycle has no row yet
 * is followed into that cycle (B3 step 8).
 */
export function certifiedEvent(
  cycles: readonly CycleRecord[],
  audits: readonly AuditRecord[],
  today: string,
  clientStatus: ClientStatus,
  cache: CycleCache = new Map(),
): EventDraft {
  if (cycles.length === 0) {
    return recordsProblem(
      'No certification decision is recorded: record the decision that started the current cycle, so its surveillance and recertification dates can be worked out.',
      null,
    );
  }
  let current: CycleStart | null = null;
  for (const cycle of cycles) {
    if (cycle.decisionDate > today) continue;
    if (current === null || cycle.cycleNumber > current.cycleNumber) current = cycle;
  }
  // As of a day before the first decision, the client was still in initial certification.
  if (current === null) return initialEvent(audits, today);

  for (let derived = 0; derived <= MAX_DERIVED_CYCLES; derived++) {
    const computed = computedCycle(cycleRequest(current, audits, today), cache);
    if (!computed.ok) {
      return recordsProblem(
        `Cycle ${current.cycleNumber} cannot be worked out from its records: ${computed.error.message}`,
        current.cycleNumber,
      );
    }
    const { input, output } = computed.value;
    const next = nextCycleInput(input, output);
    if (next === null) return eventOf(output, current.cycleNumber, audits, today, clientStatus);
    current = {
      cycleNumber: current.cycleNumber + 1,
      decisionDate: next.decisionDate,
      previousExpiryDate: next.previousExpiryDate,
      previousAuditDate: next.previousAuditDate,
      recertificationDecisionDate: null,
    };
  }
  return recordsProblem('Too many cycles follow one another on the same records.', null);
}
