import { asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { certificationCycles } from '../../db/schema';
import type { Db } from '../../db/open';
import {
  computeCycle,
  nextCycleInput,
  parseCycleInput,
  type CycleInput,
  type CycleRequest,
} from '../../shared/cycle';
import { AppError } from '../../shared/errors';
import {
  cycleRequestFor,
  type CertificationCycle,
  type ClientProgramme,
} from '../../shared/programme/programme';
import { programmeTimeline, standingMessage } from '../../shared/programme/timeline';
import { decisionRecorders, type AuditSummary } from '../../shared/programme/audit-schema';
import { clientAudits } from './audit-records';
import { clientFor } from './audits';
import { decisionForNextCycle, enforceDecisionGates } from './decision-gates';
import { logEvent, logFieldChanges } from './change-log';
import { nowIso, requireActor, requireRole, type ServiceContext } from './context';

type CycleRow = typeof certificationCycles.$inferSelect;

const cycleEntity = (row: Pick<CycleRow, 'id' | 'clientId'>) => ({
  entity: 'certification_cycle',
  entityId: row.id,
  rootId: row.clientId,
});

export function clientCycles(db: Db, clientId: string): CertificationCycle[] {
  return db
    .select()
    .from(certificationCycles)
    .where(eq(certificationCycles.clientId, clientId))
    .orderBy(asc(certificationCycles.cycleNumber))
    .all();
}

/** The cycle rules' validation, with its field named as the decision form names it. */
function parsedOrThrow(request: CycleRequest): CycleInput {
  const parsed = parseCycleInput(request);
  if (parsed.ok) return parsed.value;
  const field =
    parsed.error.field === 'recertificationDecisionDate' ? 'decisionDate' : parsed.error.field;
  throw new AppError('VALIDATION', parsed.error.message, field);
}

function insertCycle(
  ctx: ServiceContext,
  tx: Db,
  values: Omit<CycleRow, 'id' | 'createdAt' | 'updatedAt' | 'recertificationDecisionDate'>,
  at: string,
): void {
  const row: CycleRow = {
    id: uuidv7(),
    ...values,
    recertificationDecisionDate: null,
    createdAt: at,
    updatedAt: at,
  };
  tx.insert(certificationCycles).values(row).run();
  const name = `Cycle ${row.cycleNumber} from the certification decision of ${row.decisionDate}`;
  logEvent(ctx, tx, cycleEntity(row), 'created', { name, ...values }, at);
}

/** A decision cannot come before the Stage 2 audit it rests on ended (17021-1 9.5). */
function checkAfterStage2(audits: readonly AuditSummary[], cycleNumber: number, date: string) {
  const stage2 = audits.find(
    (a) => a.type === 'stage2' && a.cycleNumber === cycleNumber && a.state === 'completed',
  );
  if (stage2?.completedOn && stage2.completedOn > date) {
    throw new AppError(
      'VALIDATION',
      `The decision (${date}) cannot come before the Stage 2 audit ended (${stage2.completedOn}).`,
      'decisionDate',
    );
  }
  return stage2 !== undefined;
}

interface DecisionInput {
  clientId: string;
  decisionDate: string;
  today: string;
  previousExpiryDate?: string | null | undefined;
  previousAuditDate?: string | null | undefined;
  notes: string;
}

/**
 * Records a certification decision. Without a cycle it starts cycle 1 (after Stage 2, or for a
 * client certified before it came to Audit Desk, possibly continuing an earlier cycle). With one,
 * it is the recertification decision: the cycle closes and the next one opens as the cycle rules
 * say (certification-cycle B3 steps 7 and 8).
 */
export function recordCertificationDecision(
  ctx: ServiceContext,
  input: DecisionInput,
): ClientProgramme {
  requireRole(ctx, decisionRecorders, 'record certification decisions');
  const client = clientFor(ctx.db, input.clientId);
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const cycles = clientCycles(tx, client.id);
    const audits = clientAudits(tx, { clientId: client.id });
    const latest = cycles.at(-1);
    // Decision gates G1-G5 (nonconformities.md 5): refused while a finding blocks it.
    const gate = { clientId: client.id, decisionDate: input.decisionDate };
    if (latest === undefined) {
      checkAfterStage2(audits, 1, input.decisionDate);
      const parsed = parsedOrThrow({
        decisionDate: input.decisionDate,
        today: input.today,
        previousExpiryDate: input.previousExpiryDate ?? null,
        previousAuditDate: input.previousAuditDate ?? null,
      });
      enforceDecisionGates(ctx, tx, { ...gate, decision: 'grant' });
      insertCycle(
        ctx,
        tx,
        { clientId: client.id, cycleNumber: 1, ...decisionColumns(parsed), notes: input.notes },
        at,
      );
      return;
    }
    const next = latest.cycleNumber + 1;
    const request = {
      ...cycleRequestFor(latest, audits, input.today),
      recertificationDecisionDate: input.decisionDate,
    };
    if (request.recertificationAuditDate === null) {
      // After a lapse, certification starts afresh from a new Stage 2 (B3 step 7, newCycle).
      if (!checkAfterStage2(audits, next, input.decisionDate)) {
        throw new AppError(
          'VALIDATION',
          `${client.legalName} is in cycle ${latest.cycleNumber}: a recertification decision rests on a completed recertification audit of that cycle (ISO/IEC 17021-1 9.6.3). After a lapse, a new certification rests on a completed Stage 2 planned in cycle ${next}.`,
          'decisionDate',
        );
      }
      const parsed = parsedOrThrow({ decisionDate: input.decisionDate, today: input.today });
      enforceDecisionGates(ctx, tx, { ...gate, decision: 'grant' });
      insertCycle(
        ctx,
        tx,
        { clientId: client.id, cycleNumber: next, ...decisionColumns(parsed), notes: input.notes },
        at,
      );
      return;
    }
    const parsed = parsedOrThrow(request);
    const output = computeCycle(parsed);
    const decision = decisionForNextCycle(output.nextCycle?.type);
    enforceDecisionGates(ctx, tx, { ...gate, decision, expiryDate: output.expiryDate });
    const following = nextCycleInput(parsed, output);
    if (following === null)
      throw new AppError('INTERNAL', 'The next cycle could not be worked out.');
    tx.update(certificationCycles)
      .set({ recertificationDecisionDate: input.decisionDate, updatedAt: at })
      .where(eq(certificationCycles.id, latest.id))
      .run();
    logFieldChanges(
      ctx,
      tx,
      cycleEntity(latest),
      { recertificationDecisionDate: latest.recertificationDecisionDate },
      { recertificationDecisionDate: input.decisionDate },
      at,
    );
    insertCycle(
      ctx,
      tx,
      { clientId: client.id, cycleNumber: next, ...decisionColumns(following), notes: input.notes },
      at,
    );
  });
  return programmeOf(ctx.db, client.id, input.today);
}

function decisionColumns(input: CycleInput) {
  return {
    decisionDate: input.decisionDate,
    previousExpiryDate: input.previousExpiryDate,
    previousAuditDate: input.previousAuditDate,
  };
}

/** The client's newest cycle computed on `today`, its timeline, and all its audits. */
export function programmeOf(db: Db, clientId: string, today: string): ClientProgramme {
  const cycles = clientCycles(db, clientId);
  const audits = clientAudits(db, { clientId });
  const latest = cycles.at(-1) ?? null;
  let current: ClientProgramme['current'] = null;
  let problem: string | null = null;
  if (latest !== null) {
    const parsed = parseCycleInput(cycleRequestFor(latest, audits, today));
    if (parsed.ok) {
      current = {
        cycleNumber: latest.cycleNumber,
        input: parsed.value,
        output: computeCycle(parsed.value),
      };
    } else {
      problem = `Cycle ${latest.cycleNumber} cannot be computed: ${parsed.error.message}`;
    }
  }
  const output = current?.output ?? null;
  const message = output ? standingMessage(output.certificateStatus, output) : null;
  return {
    clientId,
    today,
    cycles,
    current,
    problem,
    standing: output && message ? { certificateStatus: output.certificateStatus, message } : null,
    timeline: programmeTimeline({ today, cycle: latest, output, audits }),
    audits,
  };
}

export function clientProgramme(
  ctx: ServiceContext,
  query: { clientId: string; today: string },
): ClientProgramme {
  requireActor(ctx);
  const client = clientFor(ctx.db, query.clientId);
  return programmeOf(ctx.db, client.id, query.today);
}
