import { and, asc, eq, gt, ne } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../db/open';
import {
  audits,
  certificationCycles,
  checklistItems,
  checklists,
  clientSites,
  findingEvents,
  findings,
} from '../../db/schema';
import { isCalendarDay } from '../../shared/dates';
import { AppError, validationError } from '../../shared/errors';
import {
  applyFindingEvent,
  findingEventLabels,
  findingEvents as lifecycleEvents,
  findingStateLabels,
  raisesEscalationMajor,
  terminalStates,
  type EventPayload,
  type FindingEvent,
} from '../../shared/findings/lifecycle';
import {
  acknowledgeFindingSchema,
  findingTransitionSchema,
  gradeFindingSchema,
  updateFindingSchema,
  type AcknowledgeFindingInput,
  type FindingDetail,
  type FindingGrade,
  type FindingState,
  type FindingTransitionInput,
  type GradeFindingInput,
  type UpdateFindingInput,
} from '../../shared/findings/schema';
import type { AuditRow } from './audit-records';
import { logEvent, logFieldChanges } from './change-log';
import { actorId, nowIso, requireActor, type Actor, type ServiceContext } from './context';
import { newFindingDeadlines, recomputeFindingDeadlines } from './finding-deadline-columns';
import { readFindingDetail } from './finding-detail';
import {
  auditLastDayOf,
  auditOfFinding,
  checkEventDate,
  findFindingRow,
  findingActorFor,
  followUpAuditFor,
  leadsAudit,
  findingEntity,
  insertFindingEvent,
  type FindingRecord,
} from './finding-records';

type TransitionInput = ReturnType<typeof findingTransitionSchema.parse>;

/** The service's calendar day (UTC, as audit completion reads it). */
export function serviceToday(at: string): string {
  return at.slice(0, 10);
}

export interface NewFindingValues {
  auditId: string;
  checklistItemId: string | null;
  siteId: string | null;
  requirementRef: string;
  grade: FindingGrade | null;
  gradeRationale: string;
  statement: string;
  objectiveEvidence: string;
  raisedBy: string | null;
  raisedOn: string;
  escalatedFromId?: string | null;
}

/**
 * Inserts a finding with its computed deadlines, its 'raise' event and its change-log entry; call
 * inside the transaction that raises it.
 */
export function createFindingRecord(
  ctx: ServiceContext,
  tx: Db,
  values: NewFindingValues,
  today: string,
  at: string,
): FindingRecord {
  const audit = tx.select().from(audits).where(eq(audits.id, values.auditId)).get();
  if (!audit) throw new AppError('NOT_FOUND', 'That audit does not exist.', 'auditId');
  const state: FindingState = 'open';
  const deadlines = newFindingDeadlines(tx, audit, values.grade, today);
  const row: FindingRecord = {
    id: uuidv7(),
    auditId: values.auditId,
    checklistItemId: values.checklistItemId,
    siteId: values.siteId,
    requirementRef: values.requirementRef,
    grade: values.grade,
    gradeRationale: values.gradeRationale,
    statement: values.statement,
    objectiveEvidence: values.objectiveEvidence,
    raisedBy: values.raisedBy,
    raisedOn: values.raisedOn,
    state,
    clientAcknowledgedBy: null,
    acknowledgedOn: null,
    acknowledgementNote: '',
    responseSubmittedOn: null,
    responseAcceptedOn: null,
    verifiedOn: null,
    verificationMethod: null,
    closedOn: null,
    closedBy: null,
    ...deadlines,
    escalatedFromId: values.escalatedFromId ?? null,
    escalatedToId: null,
    createdAt: at,
    updatedAt: at,
  };
  tx.insert(findings).values(row).run();
  insertFindingEvent(
    tx,
    {
      findingId: row.id,
      event: 'raise',
      fromState: null,
      toState: state,
      byPerson: values.raisedBy,
      onDate: values.raisedOn,
      details: {
        grade: values.grade,
        requirementRef: values.requirementRef,
        ...(row.escalatedFromId ? { escalatedFromId: row.escalatedFromId } : {}),
      },
    },
    at,
  );
  logEvent(
    ctx,
    tx,
    findingEntity(row.id, audit.clientId),
    'created',
    {
      name: `Finding against ${row.requirementRef}`,
      auditId: row.auditId,
      requirementRef: row.requirementRef,
      grade: row.grade,
      statement: row.statement,
      raisedOn: row.raisedOn,
      escalatedFromId: row.escalatedFromId,
    },
    at,
  );
  return row;
}

// ---- Grading, editing, acknowledgement -------------------------------------------------------

const isNonconformity = (grade: string | null) => grade === 'major' || grade === 'minor';

/**
 * How the client has been told of the finding, or null while it is still the audit team's draft.
 * Before the closing meeting the team reviews its findings and may regrade them (ISO/IEC 17021-1
 * 9.4.7); once a nonconformity has been put to the client it is never downgraded to an OFI (9.4.5).
 */
function presentedToClient(
  row: Pick<FindingRecord, 'responseSubmittedOn' | 'acknowledgedOn'>,
  audit: Pick<AuditRow, 'state'>,
): string | null {
  if (row.responseSubmittedOn !== null) return 'the client has responded to it';
  if (row.acknowledgedOn !== null) {
    return `the client acknowledged it on ${row.acknowledgedOn}`;
  }
  if (audit.state === 'completed') return 'the audit has ended (its closing meeting reported it)';
  return null;
}

/**
 * The lead auditor grades (or regrades) a finding while it is open and the client has not yet
 * responded. A real nonconformity is never downgraded to an OFI once the client has been told of
 * it: at the closing meeting (acknowledged, or the audit completed) or by responding (9.4.5).
 */
export function gradeFinding(ctx: ServiceContext, raw: GradeFindingInput): FindingDetail {
  const actor = requireActor(ctx);
  const parsed = gradeFindingSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const at = nowIso(ctx);
  const today = serviceToday(at);
  ctx.db.transaction((tx) => {
    const row = findFindingRow(tx, input.id);
    const audit = auditOfFinding(tx, row);
    if (!leadsAudit(tx, actor, audit.id)) {
      throw new AppError('FORBIDDEN', 'Only the lead auditor of this audit grades its findings.');
    }
    const presented = presentedToClient(row, audit);
    if (presented !== null && isNonconformity(row.grade) && input.grade === 'ofi') {
      throw new AppError(
        'CONFLICT',
        `A real nonconformity is never downgraded to an OFI once ${presented} (ISO/IEC 17021-1 9.4.5). If it was graded in error, a CB reviewer who was not on the audit team cancels it with the reason.`,
        'grade',
      );
    }
    if (row.state !== 'open') {
      throw new AppError(
        'CONFLICT',
        `The grade is fixed once the finding is ${findingStateLabels[row.state as FindingState].toLowerCase()}; it can be graded only while open.`,
        'grade',
      );
    }
    if (row.responseSubmittedOn !== null) {
      throw new AppError(
        'CONFLICT',
        `The grade is fixed: the client responded on ${row.responseSubmittedOn}, and the response was made to this grade.`,
        'grade',
      );
    }
    const rationale = input.gradeRationale;
    if (row.grade === input.grade && row.gradeRationale === rationale) return;
    const entity = findingEntity(row.id, audit.clientId);
    logFieldChanges(
      ctx,
      tx,
      entity,
      { grade: row.grade, gradeRationale: row.gradeRationale },
      { grade: input.grade, gradeRationale: rationale },
      at,
    );
    tx.update(findings)
      .set({ grade: input.grade, gradeRationale: rationale, updatedAt: at })
      .where(eq(findings.id, row.id))
      .run();
    insertFindingEvent(
      tx,
      {
        findingId: row.id,
        event: 'grade',
        fromState: row.state,
        toState: row.state,
        byPerson: actorId(ctx),
        onDate: today,
        reason: rationale,
        details: { fromGrade: row.grade, toGrade: input.grade },
      },
      at,
    );
    recomputeFindingDeadlines(tx, findFindingRow(tx, row.id), audit, today, at);
  });
  return readFindingDetail(ctx, input.id);
}

/** Autosave of the finding's text while it is open: by the auditor who raised it or the lead auditor. */
export function updateFinding(ctx: ServiceContext, raw: UpdateFindingInput): FindingDetail {
  const actor = requireActor(ctx);
  const parsed = updateFindingSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const row = findFindingRow(tx, input.id);
    const audit = auditOfFinding(tx, row);
    const raiser = actor.kind === 'person' && row.raisedBy === actor.person.id;
    if (!raiser && !leadsAudit(tx, actor, audit.id)) {
      throw new AppError(
        'FORBIDDEN',
        'Only the auditor who raised the finding or the audit’s lead auditor edits it.',
      );
    }
    if (row.state !== 'open') {
      throw new AppError(
        'CONFLICT',
        `The finding is ${findingStateLabels[row.state as FindingState].toLowerCase()}: its text can be edited only while it is open.`,
      );
    }
    if (input.siteId) {
      const site = tx
        .select({ id: clientSites.id })
        .from(clientSites)
        .where(and(eq(clientSites.id, input.siteId), eq(clientSites.clientId, audit.clientId)))
        .get();
      if (!site) {
        throw new AppError('VALIDATION', 'That site is not one of the client’s sites.', 'siteId');
      }
    }
    const before = {
      requirementRef: row.requirementRef,
      statement: row.statement,
      objectiveEvidence: row.objectiveEvidence,
      siteId: row.siteId,
    };
    const after = {
      requirementRef: input.requirementRef ?? row.requirementRef,
      statement: input.statement ?? row.statement,
      objectiveEvidence: input.objectiveEvidence ?? row.objectiveEvidence,
      siteId: input.siteId === undefined ? row.siteId : input.siteId,
    };
    if (logFieldChanges(ctx, tx, findingEntity(row.id, audit.clientId), before, after, at) === 0) {
      return;
    }
    tx.update(findings)
      .set({ ...after, updatedAt: at })
      .where(eq(findings.id, row.id))
      .run();
  });
  return readFindingDetail(ctx, input.id);
}

/** The client's acknowledgement at the closing meeting; a disagreement is recorded, not blocking. */
export function acknowledgeFinding(
  ctx: ServiceContext,
  raw: AcknowledgeFindingInput,
): FindingDetail {
  const actor = requireActor(ctx);
  const parsed = acknowledgeFindingSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const at = nowIso(ctx);
  const today = serviceToday(at);
  ctx.db.transaction((tx) => {
    const row = findFindingRow(tx, input.id);
    const audit = auditOfFinding(tx, row);
    const who = findingActorFor(tx, actor, audit);
    if (actor.kind === 'person' && !who.onAuditTeam) {
      throw new AppError(
        'FORBIDDEN',
        'Only a member of the audit team records the client’s acknowledgement.',
      );
    }
    if (terminalStates.includes(row.state as FindingState)) {
      throw new AppError(
        'CONFLICT',
        `The finding is ${findingStateLabels[row.state as FindingState].toLowerCase()}; its acknowledgement can no longer be changed.`,
      );
    }
    checkEventDate(
      input.acknowledgedOn,
      today,
      { day: row.raisedOn, what: 'the finding was raised' },
      'acknowledgedOn',
      'The acknowledgement date',
    );
    const before = {
      clientAcknowledgedBy: row.clientAcknowledgedBy,
      acknowledgedOn: row.acknowledgedOn,
      acknowledgementNote: row.acknowledgementNote,
    };
    const after = {
      clientAcknowledgedBy: input.acknowledgedBy,
      acknowledgedOn: input.acknowledgedOn,
      acknowledgementNote: input.note,
    };
    if (logFieldChanges(ctx, tx, findingEntity(row.id, audit.clientId), before, after, at) === 0) {
      return;
    }
    tx.update(findings)
      .set({ ...after, updatedAt: at })
      .where(eq(findings.id, row.id))
      .run();
    insertFindingEvent(
      tx,
      {
        findingId: row.id,
        event: 'acknowledge',
        fromState: row.state,
        toState: row.state,
        byPerson: actorId(ctx),
        onDate: input.acknowledgedOn,
        reason: input.note,
        details: { acknowledgedBy: input.acknowledgedBy, note: input.note },
      },
      at,
    );
  });
  return readFindingDetail(ctx, input.id);
}

// ---- Transitions -----------------------------------------------------------------------------

/**
 * For a major verified "at the next audit": that audit only counts when it comes before the
 * certification decision (section 3). Our rule: a completed audit of the same client that ended
 * after this finding's audit, on or before the first certification decision recorded after it
 * (or with no such decision yet).
 */
export function nextAuditPrecedesDecision(db: Db, audit: AuditRow): boolean {
  const d0 = auditLastDayOf(audit);
  const later = db
    .select({ completedOn: audits.completedOn })
    .from(audits)
    .where(
      and(
        eq(audits.clientId, audit.clientId),
        eq(audits.state, 'completed'),
        ne(audits.id, audit.id),
        gt(audits.completedOn, d0),
      ),
    )
    .orderBy(asc(audits.completedOn))
    .get();
  if (!later?.completedOn) return false;
  const decisions = db
    .select({
      decisionDate: certificationCycles.decisionDate,
      recertification: certificationCycles.recertificationDecisionDate,
    })
    .from(certificationCycles)
    .where(eq(certificationCycles.clientId, audit.clientId))
    .all()
    .flatMap((c) => [c.decisionDate, c.recertification])
    .filter((d): d is string => d !== null && d > d0)
    .sort();
  const first = decisions[0];
  return first === undefined || later.completedOn <= first;
}

/** The checklist item with the same catalogue key in another audit's checklist, if it has one. */
function matchingItemId(db: Db, itemId: string | null, auditId: string): string | null {
  if (itemId === null) return null;
  const item = db
    .select({ itemKey: checklistItems.itemKey })
    .from(checklistItems)
    .where(eq(checklistItems.id, itemId))
    .get();
  if (!item) return null;
  const match = db
    .select({ id: checklistItems.id })
    .from(checklistItems)
    .innerJoin(checklists, eq(checklists.id, checklistItems.checklistId))
    .where(and(eq(checklists.auditId, auditId), eq(checklistItems.itemKey, item.itemKey)))
    .get();
  return match?.id ?? null;
}

function raiseEscalationMajor(
  ctx: ServiceContext,
  tx: Db,
  minor: FindingRecord,
  minorAudit: AuditRow,
  input: TransitionInput,
  today: string,
  at: string,
): FindingRecord {
  const audit = followUpAuditFor(tx, minorAudit);
  const statement = `The corrective action for the minor nonconformity raised on ${minor.raisedOn} was missing or ineffective: ${minor.statement}`;
  const evidence =
    input.evidence || input.reason || `Recorded when the minor was escalated on ${input.onDate}.`;
  return createFindingRecord(
    ctx,
    tx,
    {
      auditId: audit.id,
      checklistItemId:
        audit.id === minorAudit.id
          ? minor.checklistItemId
          : matchingItemId(tx, minor.checklistItemId, audit.id),
      siteId: minor.siteId,
      requirementRef: minor.requirementRef,
      grade: 'major',
      gradeRationale: `Escalated from minor ${minor.id}: corrective action missing or ineffective (nonconformities.md 4.4)`,
      statement: statement.slice(0, 4000),
      objectiveEvidence: evidence.slice(0, 8000),
      raisedBy: actorId(ctx),
      raisedOn: input.onDate,
      escalatedFromId: minor.id,
    },
    today,
    at,
  );
}

const stateChangingEvents: readonly string[] = ['raise', ...lifecycleEvents];

/** The finding's latest step (raise or transition), which a new step cannot precede. */
function latestStep(tx: Db, findingId: string): { day: string; what: string } | null {
  const rows = tx
    .select({ event: findingEvents.event, onDate: findingEvents.onDate })
    .from(findingEvents)
    .where(eq(findingEvents.findingId, findingId))
    .all()
    .filter((r) => stateChangingEvents.includes(r.event))
    .sort((a, b) => (a.onDate < b.onDate ? 1 : a.onDate > b.onDate ? -1 : 0));
  const last = rows[0];
  if (!last) return null;
  const label =
    last.event === 'raise'
      ? 'the finding was raised'
      : `the previous step (${findingEventLabels[last.event as FindingEvent].toLowerCase()})`;
  return { day: last.onDate, what: label };
}

function payloadOf(tx: Db, row: FindingRecord, audit: AuditRow, input: TransitionInput) {
  const payload: EventPayload = {
    reason: input.reason,
    correction: input.correction,
    rootCause: input.rootCause,
    correctiveAction: input.correctiveAction,
  };
  if (input.method !== null) payload.method = input.method;
  if (input.effective !== null) payload.effective = input.effective;
  if (
    input.event === 'verify' &&
    row.grade === 'major' &&
    input.method === 'nextAudit' &&
    input.effective === true
  ) {
    payload.nextAuditPrecedesDecision = nextAuditPrecedesDecision(tx, audit);
  }
  return payload;
}

function eventDetails(input: TransitionInput): Record<string, unknown> {
  switch (input.event) {
    case 'submitResponse':
      return {
        correction: input.correction,
        rootCause: input.rootCause,
        correctiveAction: input.correctiveAction,
        plannedCompletion: input.plannedCompletion,
      };
    case 'verify':
      return { method: input.method, effective: input.effective, evidence: input.evidence };
    default:
      return {};
  }
}

/**
 * One step of the life cycle inside a transaction: the guards of shared/findings/lifecycle, the
 * event's date columns, the timeline row, the change log (state from → to and the reason), the
 * escalation major where a minor is escalated, and the recomputed deadlines (which never restart).
 */
export function applyTransition(
  ctx: ServiceContext,
  tx: Db,
  actor: Actor,
  row: FindingRecord,
  input: TransitionInput,
  today: string,
  at: string,
): FindingRecord {
  const audit = auditOfFinding(tx, row);
  const who = findingActorFor(tx, actor, audit);
  const facts = { grade: row.grade as FindingGrade | null, state: row.state as FindingState };
  const result = applyFindingEvent(facts, input.event, who, payloadOf(tx, row, audit, input));
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.field);
  const to = result.value;
  checkEventDate(input.onDate, today, latestStep(tx, row.id));
  if (input.plannedCompletion !== null && !isCalendarDay(input.plannedCompletion)) {
    throw new AppError(
      'VALIDATION',
      'The planned completion must be a real date written YYYY-MM-DD.',
      'plannedCompletion',
    );
  }
  const changes: Partial<FindingRecord> = { state: to };
  if (input.event === 'submitResponse') changes.responseSubmittedOn = input.onDate;
  if (input.event === 'accept') changes.responseAcceptedOn = input.onDate;
  if (input.event === 'verify' && input.effective === true) {
    changes.verifiedOn = input.onDate;
    changes.verificationMethod = input.method;
  }
  if (terminalStates.includes(to)) {
    changes.closedOn = input.onDate;
    changes.closedBy = actorId(ctx);
  }
  const details = eventDetails(input);
  if (raisesEscalationMajor(facts, input.event, to)) {
    const major = raiseEscalationMajor(ctx, tx, row, audit, input, today, at);
    changes.escalatedToId = major.id;
    details.escalatedToId = major.id;
  }
  const entity = findingEntity(row.id, audit.clientId);
  const before: Record<string, unknown> = { state: row.state, reason: null };
  const after: Record<string, unknown> = { state: to, reason: input.reason || null };
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'state') continue;
    before[key] = row[key as keyof FindingRecord];
    after[key] = value;
  }
  logFieldChanges(ctx, tx, entity, before, after, at);
  tx.update(findings)
    .set({ ...changes, updatedAt: at })
    .where(eq(findings.id, row.id))
    .run();
  insertFindingEvent(
    tx,
    {
      findingId: row.id,
      event: input.event,
      fromState: row.state,
      toState: to,
      byPerson: actorId(ctx),
      onDate: input.onDate,
      reason: input.reason,
      details,
    },
    at,
  );
  const updated = findFindingRow(tx, row.id);
  recomputeFindingDeadlines(tx, updated, audit, today, at);
  return findFindingRow(tx, row.id);
}

/** Moves a finding along its life cycle (section 3); see applyTransition. */
export function findingTransition(ctx: ServiceContext, raw: FindingTransitionInput): FindingDetail {
  const actor = requireActor(ctx);
  const parsed = findingTransitionSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    applyTransition(ctx, tx, actor, findFindingRow(tx, input.id), input, serviceToday(at), at);
  });
  return readFindingDetail(ctx, input.id);
}
