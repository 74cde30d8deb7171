import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/open';
import {
  checklistItems,
  clients,
  clientSites,
  findingEvents,
  findings,
  people,
} from '../../db/schema';
import type { AppErrorInfo } from '../../shared/errors';
import {
  applyFindingEvent,
  findingEventLabels,
  findingEvents as lifecycleEvents,
  findingStateLabels,
  terminalStates,
  type FindingActor,
  type FindingEvent,
  type FindingFacts,
} from '../../shared/findings/lifecycle';
import type {
  FindingAction,
  FindingDetail,
  FindingEventRecord,
  FindingGrade,
  FindingState,
} from '../../shared/findings/schema';
import { suspensionProposal } from '../../shared/findings/suspension';
import { nowIso, requireActor, type ServiceContext } from './context';
import { deadlineBasisFor, deadlinesOf } from './finding-deadline-columns';
import {
  auditOfFinding,
  findFindingRow,
  findingActorFor,
  type FindingRecord,
} from './finding-records';

/** A payload complete enough that only the state and the person decide whether an event is allowed. */
const completePayload = {
  reason: 'Reason given',
  correction: 'Correction given',
  rootCause: 'Root cause given',
  correctiveAction: 'Corrective action given',
  method: 'documentReview',
  effective: true,
  nextAuditPrecedesDecision: true,
} as const;

/** Why an event cannot be taken in this state, in the words of the finding page. */
function notNowReason(facts: FindingFacts, event: FindingEvent): string {
  const state = findingStateLabels[facts.state].toLowerCase();
  if (terminalStates.includes(facts.state)) {
    return `The finding is ${state}: nothing more happens to it.`;
  }
  if (facts.grade === 'ofi') {
    return 'An opportunity for improvement needs no response: it is only closed.';
  }
  switch (event) {
    case 'submitResponse':
      return `A response is recorded while the finding is open; it is ${state}.`;
    case 'reject':
    case 'accept':
      return 'There is no submitted response to review.';
    case 'verify':
      return `Effectiveness is verified once the response has been accepted; the finding is ${state}.`;
    case 'close':
      return 'A nonconformity is closed once its effectiveness has been verified.';
    case 'escalate':
      return facts.grade === 'minor'
        ? `A minor is escalated while its response is pending or accepted; it is ${state}.`
        : 'Only a minor nonconformity is escalated (to a new major).';
    case 'cancel':
      return `The finding is ${state}.`;
  }
}

function reasonFor(facts: FindingFacts, event: FindingEvent, error: AppErrorInfo): string {
  if (error.code === 'CONFLICT') return notNowReason(facts, event);
  return error.message;
}

/** Every event with whether this person may take it now and, if not, why. */
export function findingActions(facts: FindingFacts, who: FindingActor): FindingAction[] {
  return lifecycleEvents.map((event) => {
    const result = applyFindingEvent(facts, event, who, completePayload);
    return {
      event,
      label: findingEventLabels[event],
      allowed: result.ok,
      reason: result.ok ? null : reasonFor(facts, event, result.error),
    };
  });
}

// ---- The grading aid (ours, nonconformities.md 1) -------------------------------------------

/** Required AIMS elements whose absence suggests a major, by ISO/IEC 42001 clause. */
const requiredElements: { pattern: RegExp; name: string }[] = [
  { pattern: /(?<![\w.])(6\.1\.2|8\.2)(?![\d.]*\d)/, name: 'the AI risk assessment' },
  { pattern: /(?<![\w.])(6\.1\.4|8\.4)(?![\d.]*\d)/, name: 'the AI system impact assessment' },
  { pattern: /(?<![\w.])6\.1\.3(?!\d)/, name: 'the Statement of Applicability' },
  { pattern: /(?<![\w.])9\.2(?!\d)/, name: 'the internal audit' },
  { pattern: /(?<![\w.])9\.3(?!\d)/, name: 'the management review' },
];

const absence =
  /\bno\b|\bnot (been )?(performed|carried out|conducted|done|established|defined|documented)\b|\babsent\b|\bmissing\b|\bdoes not exist\b|\bnever\b|\bnone\b/i;

export function requiredElementOf(requirementRef: string, itemKey: string | null): string | null {
  for (const element of requiredElements) {
    if (element.pattern.test(` ${requirementRef}`) || element.pattern.test(` ${itemKey ?? ''}`)) {
      return element.name;
    }
  }
  return null;
}

export function statesAbsence(statement: string): boolean {
  return absence.test(statement);
}

const normalised = (ref: string) => ref.trim().toLowerCase().replace(/\s+/g, ' ');

function minorsOnSameRequirement(db: Db, row: FindingRecord): number {
  const others = db
    .select({ requirementRef: findings.requirementRef })
    .from(findings)
    .where(
      and(
        eq(findings.auditId, row.auditId),
        eq(findings.grade, 'minor'),
        ne(findings.id, row.id),
        ne(findings.state, 'cancelled'),
      ),
    )
    .all()
    .filter((f) => normalised(f.requirementRef) === normalised(row.requirementRef)).length;
  return others + 1;
}

/** When and why the grading aid suggests "major"; each reason is one sentence. */
export function majorSuggestionFor(db: Db, row: FindingRecord, itemKey: string | null): string[] {
  const reasons: string[] = [];
  const element = requiredElementOf(row.requirementRef, itemKey);
  if (element !== null && statesAbsence(row.statement)) {
    reasons.push(
      `The statement says ${element} is absent, a required element of the AI management system: the grading aid suggests a major (Audit Desk rule).`,
    );
  }
  const minors = minorsOnSameRequirement(db, row);
  if (minors >= 3) {
    reasons.push(
      `${minors} findings of this audit, counting this one, are minors citing ${row.requirementRef}: together they may show a systemic failure, so the grading aid suggests a major (Audit Desk rule).`,
    );
  }
  if (row.escalatedFromId !== null) {
    reasons.push(
      'It was raised by escalating a minor whose corrective action was missing or ineffective (nonconformities.md 4.4).',
    );
  }
  return reasons;
}

// ---- The finding page ------------------------------------------------------------------------

function eventsOf(db: Db, findingId: string): FindingEventRecord[] {
  return db
    .select({
      id: findingEvents.id,
      event: findingEvents.event,
      fromState: findingEvents.fromState,
      toState: findingEvents.toState,
      byId: findingEvents.byPerson,
      byName: people.name,
      onDate: findingEvents.onDate,
      recordedAt: findingEvents.createdAt,
      reason: findingEvents.reason,
      details: findingEvents.details,
    })
    .from(findingEvents)
    .leftJoin(people, eq(people.id, findingEvents.byPerson))
    .where(eq(findingEvents.findingId, findingId))
    .orderBy(asc(findingEvents.createdAt), asc(findingEvents.id))
    .all();
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function responseOf(events: readonly FindingEventRecord[]): FindingDetail['response'] {
  const last = events.filter((e) => e.event === 'submitResponse').at(-1);
  if (!last) return null;
  const d = last.details;
  return {
    correction: text(d.correction),
    rootCause: text(d.rootCause),
    correctiveAction: text(d.correctiveAction),
    plannedCompletion: typeof d.plannedCompletion === 'string' ? d.plannedCompletion : null,
    submittedOn: last.onDate,
  };
}

function verificationOf(events: readonly FindingEventRecord[]): FindingDetail['verification'] {
  const last = events.filter((e) => e.event === 'verify').at(-1);
  if (!last) return null;
  return {
    method: text(last.details.method),
    effective: last.details.effective === true,
    byName: last.byName,
    onDate: last.onDate,
    evidence: text(last.details.evidence),
  };
}

/** Everything the finding page shows, with the actions for the person asking. */
export function readFindingDetail(ctx: ServiceContext, id: string): FindingDetail {
  const actor = requireActor(ctx);
  const db = ctx.db;
  const today = nowIso(ctx).slice(0, 10);
  const row = findFindingRow(db, id);
  const audit = auditOfFinding(db, row);
  const client = db
    .select({ name: clients.legalName, reference: clients.reference })
    .from(clients)
    .where(eq(clients.id, audit.clientId))
    .get();
  const raisedByName = row.raisedBy
    ? (db.select({ name: people.name }).from(people).where(eq(people.id, row.raisedBy)).get()
        ?.name ?? null)
    : null;
  const siteName = row.siteId
    ? (db
        .select({ name: clientSites.name })
        .from(clientSites)
        .where(eq(clientSites.id, row.siteId))
        .get()?.name ?? null)
    : null;
  const itemKey = row.checklistItemId
    ? (db
        .select({ key: checklistItems.itemKey })
        .from(checklistItems)
        .where(eq(checklistItems.id, row.checklistItemId))
        .get()?.key ?? null)
    : null;
  const facts: FindingFacts = {
    grade: row.grade as FindingGrade | null,
    state: row.state as FindingState,
  };
  const basis = deadlineBasisFor(db, audit, today);
  const computed = deadlinesOf(basis, { ...row, ...facts }, today);
  const finished = facts.state === 'cancelled' || facts.state === 'escalated';
  const events = eventsOf(db, row.id);
  return {
    id: row.id,
    auditId: row.auditId,
    checklistItemId: row.checklistItemId,
    itemKey,
    siteId: row.siteId,
    requirementRef: row.requirementRef,
    grade: facts.grade,
    gradeRationale: row.gradeRationale,
    statement: row.statement,
    objectiveEvidence: row.objectiveEvidence,
    raisedById: row.raisedBy,
    raisedByName,
    raisedOn: row.raisedOn,
    state: facts.state,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    auditType: audit.type,
    clientId: audit.clientId,
    clientName: client?.name ?? '',
    clientReference: client?.reference ?? '',
    siteName,
    deadlines: {
      auditLastDay: row.auditLastDay,
      responseDue: row.responseDue,
      verificationDue: row.verificationDue,
      hardLimit: row.hardLimit,
      nextDue: row.nextDue,
      flags: finished ? [] : (computed?.flags ?? []),
      note: basis.note,
      suspensionProposal: suspensionProposal({
        grade: facts.grade,
        auditType: audit.type,
        state: facts.state,
        responseDue: row.responseDue,
        verificationDue: row.verificationDue,
        today,
      }),
    },
    clientAcknowledgedBy: row.clientAcknowledgedBy,
    acknowledgedOn: row.acknowledgedOn,
    acknowledgementNote: row.acknowledgementNote,
    response: responseOf(events),
    reviews: events
      .filter((e) => e.event === 'accept' || e.event === 'reject')
      .map((e) => ({
        outcome: e.event === 'accept' ? ('accepted' as const) : ('rejected' as const),
        byName: e.byName,
        onDate: e.onDate,
        reason: e.reason,
      })),
    verification: verificationOf(events),
    closedOn: row.closedOn,
    escalatedFromId: row.escalatedFromId,
    escalatedToId: row.escalatedToId,
    events,
    actions: findingActions(facts, findingActorFor(db, actor, audit)),
    majorSuggestion: majorSuggestionFor(db, row, itemKey),
  };
}

export function getFinding(ctx: ServiceContext, id: string): FindingDetail {
  return readFindingDetail(ctx, id);
}
