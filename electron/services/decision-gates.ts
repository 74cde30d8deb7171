import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import {
  audits,
  auditTeamMembers,
  certificationCycles,
  certificationDecisions,
  findings,
} from '../../db/schema';
import { computeCycle, parseCycleInput, type NextCycleType } from '../../shared/cycle';
import { AppError, validationError } from '../../shared/errors';
import {
  unmetGates,
  type DecisionKind,
  type GateInput,
  type UnmetGate,
} from '../../shared/findings/gates';
import {
  decisionBlockersSchema,
  type DecisionBlockers,
  type FindingGrade,
  type FindingState,
} from '../../shared/findings/schema';
import { hasAnyRole } from '../../shared/people/schema';
import { decisionRecorders } from '../../shared/programme/audit-schema';
import { cycleRequestFor } from '../../shared/programme/programme';
import type { z } from 'zod';
import type { AuditRow } from './audit-records';
import { clientAudits } from './audit-records';
import { clientFor } from './audits';
import { actorId, nowIso, requireActor, type ServiceContext } from './context';
import { certificateExpiryFor } from './finding-deadline-columns';
import { queryRegister } from './finding-register';

function clientCycles(db: Db, clientId: string) {
  return db
    .select()
    .from(certificationCycles)
    .where(eq(certificationCycles.clientId, clientId))
    .orderBy(asc(certificationCycles.cycleNumber))
    .all();
}

/**
 * The date of the client's last certification decision (initial or recertification), or null
 * before the first one.
 */
/** The client's latest certification decision of any kind (cycle decisions and recorded ones, e.g. maintain). */
function lastDecisionDate(db: Db, clientId: string): string | null {
  const recorded = db
    .select({ decisionDate: certificationDecisions.decisionDate })
    .from(certificationDecisions)
    .where(eq(certificationDecisions.clientId, clientId))
    .all()
    .map((d) => d.decisionDate);
  const dates = clientCycles(db, clientId)
    .flatMap((c) => [c.decisionDate, c.recertificationDecisionDate])
    .filter((d): d is string => d !== null)
    .concat(recorded)
    .sort();
  return dates.at(-1) ?? null;
}

/**
 * The audits a decision relies on (Audit Desk rule): the client's completed audits that ended
 * after its last certification decision and on or before the decision date — before the first
 * decision, every completed audit (Stage 1 and Stage 2 of the initial certification). Cancelled
 * and unfinished audits are never relied on. A certification resting on a Stage 2 rests on the
 * latest one held: a new Stage 2 (after a major missed the 6-month limit, G3, or after a lapse)
 * replaces the earlier one and whatever came before it, except the Stage 1 (ISO/IEC 17021-1 9.5.3).
 */
export function reliedOnAudits(db: Db, clientId: string, decisionDate: string): AuditRow[] {
  const since = lastDecisionDate(db, clientId);
  const held = db
    .select()
    .from(audits)
    .where(and(eq(audits.clientId, clientId), eq(audits.state, 'completed')))
    .all()
    .filter((a) => a.completedOn !== null && a.completedOn <= decisionDate)
    .filter((a) => since === null || (a.completedOn as string) > since)
    .sort((a, b) => ((a.completedOn as string) < (b.completedOn as string) ? -1 : 1));
  const latestStage2 = held.filter((a) => a.type === 'stage2').at(-1);
  if (latestStage2 === undefined) return held;
  const from = latestStage2.completedOn as string;
  return held.filter(
    (a) =>
      a.type === 'stage1' ||
      a.id === latestStage2.id ||
      (a.type !== 'stage2' && (a.completedOn as string) >= from),
  );
}

/** The decision a cycle's recertification decision amounts to, by the cycle rules (B3 step 7). */
export function decisionForNextCycle(type: NextCycleType | undefined): DecisionKind {
  if (type === 'restored') return 'restore';
  if (type === 'newCycle') return 'grant';
  return 'renew';
}

interface Expected {
  decision: DecisionKind;
  /** The certificate's expiry when the decision is a renewal (G4). */
  expiryDate: string | null;
}

/**
 * The decision the client's programme expects next: grant before any cycle (or after a lapse,
 * once a new Stage 2 is held); renew (or restore, after expiry) once the cycle's recertification
 * audit is held; otherwise maintain, after a surveillance.
 */
function expectedDecision(
  db: Db,
  clientId: string,
  relied: readonly AuditRow[],
  decisionDate: string,
  today: string,
): Expected {
  const cycles = clientCycles(db, clientId);
  const latest = cycles.at(-1);
  if (latest === undefined) return { decision: 'grant', expiryDate: null };
  const day = today < decisionDate ? decisionDate : today;
  const request = {
    ...cycleRequestFor(latest, clientAudits(db, { clientId }), day),
    recertificationDecisionDate: decisionDate,
  };
  if (request.recertificationAuditDate !== null) {
    const parsed = parseCycleInput(request);
    if (parsed.ok) {
      const output = computeCycle(parsed.value);
      return {
        decision: decisionForNextCycle(output.nextCycle?.type),
        expiryDate: output.expiryDate,
      };
    }
  }
  if (relied.some((a) => a.type === 'stage2')) return { decision: 'grant', expiryDate: null };
  return { decision: 'maintain', expiryDate: null };
}

/** The gates' input: the relied-on audits with their whole team, and their findings. */
export function gateInputFor(
  db: Db,
  relied: readonly AuditRow[],
  decision: DecisionKind,
  decisionDate: string,
  decisionMakerId: string,
  expiryDate: string | null,
): GateInput {
  const ids = relied.map((a) => a.id);
  const team =
    ids.length === 0
      ? []
      : db
          .select({ auditId: auditTeamMembers.auditId, personId: auditTeamMembers.personId })
          .from(auditTeamMembers)
          .where(inArray(auditTeamMembers.auditId, ids))
          .all();
  const rows =
    ids.length === 0
      ? []
      : db
          .select({
            id: findings.id,
            auditId: findings.auditId,
            grade: findings.grade,
            state: findings.state,
            verifiedOn: findings.verifiedOn,
          })
          .from(findings)
          .where(inArray(findings.auditId, ids))
          .all();
  return {
    decision,
    decisionDate,
    decisionMakerId,
    // Observers included: anyone who took part in the audit does not decide on it (9.5.1).
    audits: relied.map((a) => ({
      id: a.id,
      type: a.type,
      lastDay: a.completedOn ?? a.plannedEnd,
      teamPersonIds: team.filter((m) => m.auditId === a.id).map((m) => m.personId),
    })),
    findings: rows.map((f) => ({
      ...f,
      grade: f.grade as FindingGrade | null,
      state: f.state as FindingState,
    })),
    expiryDate,
  };
}

/** Each finding id in a gate's message followed by its requirement (“… on ISO/IEC 42001:2023 6.1.4”). */
function withRequirements(db: Db, unmet: UnmetGate[]): UnmetGate[] {
  const ids = [...new Set(unmet.flatMap((g) => g.findingIds))];
  if (ids.length === 0) return unmet;
  const refs = new Map(
    db
      .select({ id: findings.id, ref: findings.requirementRef })
      .from(findings)
      .where(inArray(findings.id, ids))
      .all()
      .map((f) => [f.id, f.ref]),
  );
  return unmet.map((g) => ({
    ...g,
    message: g.findingIds.reduce(
      (message, id) =>
        message.split(id).join(`${id} on ${refs.get(id) ?? 'an unknown requirement'}`),
      g.message,
    ),
  }));
}

type BlockersQuery = z.input<typeof decisionBlockersSchema>;

/**
 * What blocks the client's next certification decision: the gates G1–G5 not met for the audits it
 * relies on, and the client's open findings. G5 is assessed for the person asking when they may
 * record decisions (an auditor looking at the page is not the decision maker).
 */
export function decisionBlockers(ctx: ServiceContext, raw: BlockersQuery): DecisionBlockers {
  const actor = requireActor(ctx);
  const parsed = decisionBlockersSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const client = clientFor(ctx.db, input.clientId);
  const today = nowIso(ctx).slice(0, 10);
  const decisionDate = input.decisionDate ?? today;
  const relied = reliedOnAudits(ctx.db, client.id, decisionDate);
  const expected = expectedDecision(ctx.db, client.id, relied, decisionDate, today);
  const decision = input.decision ?? expected.decision;
  const decides = actor.kind === 'person' && hasAnyRole(actor.person, decisionRecorders);
  const gateInput = gateInputFor(
    ctx.db,
    relied,
    decision,
    decisionDate,
    decides && actor.kind === 'person' ? actor.person.id : '',
    expected.expiryDate ?? renewalExpiry(ctx.db, client.id, today),
  );
  const open = queryRegister(
    ctx.sqlite,
    { state: 'open', clientId: client.id, overdueOnly: false },
    today,
    { offset: 0, limit: 1000 },
  );
  return {
    clientId: client.id,
    decision,
    auditIds: relied.map((a) => a.id),
    unmet: withRequirements(ctx.db, unmetGates(gateInput)),
    openFindings: open.rows,
  };
}

/** The current cycle's expiry (for a renewal asked about explicitly). */
function renewalExpiry(db: Db, clientId: string, today: string): string | null {
  const latest = clientCycles(db, clientId).at(-1);
  if (!latest) return null;
  return certificateExpiryFor(db, { clientId, cycleNumber: latest.cycleNumber }, today).expiryDate;
}

/**
 * Refuses a certification decision while a gate is not met (called inside the transaction that
 * records it): CONFLICT listing every unmet gate, or FORBIDDEN when the decision maker was on a
 * relied-on audit team (G5), so the person sees exactly what would unblock it.
 */
export function enforceDecisionGates(
  ctx: ServiceContext,
  tx: Db,
  input: {
    clientId: string;
    decision: DecisionKind;
    decisionDate: string;
    expiryDate?: string | null;
  },
): void {
  const relied = reliedOnAudits(tx, input.clientId, input.decisionDate);
  const today = nowIso(ctx).slice(0, 10);
  const expiry =
    input.expiryDate === undefined ? renewalExpiry(tx, input.clientId, today) : input.expiryDate;
  const unmet = withRequirements(
    tx,
    unmetGates(
      gateInputFor(tx, relied, input.decision, input.decisionDate, actorId(ctx) ?? '', expiry),
    ),
  );
  if (unmet.length === 0) return;
  const message = `The certification decision (${input.decision}) cannot be recorded: ${unmet
    .map((g) => `${g.gate}: ${g.message}`)
    .join(' ')}`;
  const code = unmet.some((g) => g.gate === 'G5') ? 'FORBIDDEN' : 'CONFLICT';
  throw new AppError(code, message);
}
