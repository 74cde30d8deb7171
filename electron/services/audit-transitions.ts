import { and, eq } from 'drizzle-orm';
import { audits, certificationCycles } from '../../db/schema';
import { addCalendarDays } from '../../shared/cycle';
import { AppError } from '../../shared/errors';
import {
  auditPlanners,
  type Audit,
  type AuditStateChange,
} from '../../shared/programme/audit-schema';
import {
  canTransition,
  illegalTransitionMessage,
  stage2CompletionProblem,
} from '../../shared/programme/audit-states';
import type { AuditState } from '../../shared/programme/vocabulary';
import { findAuditRow, readAudit, type AuditRow } from './audit-records';
import { auditEntity, cycleAudits } from './audits';
import { stage2GateProblem } from './checklist-gate';
import { logFieldChanges } from './change-log';
import { recomputeAuditFindingDeadlines } from './finding-deadline-columns';
import { nowIso, requireRole, type ServiceContext } from './context';
import type { Db } from '../../db/open';

/**
 * The last day an audit was held is a record of something past. The service's clock is UTC; one
 * day of slack lets a CB east of Greenwich record an audit that ended today in its own time zone.
 */
function checkCompletedOn(tx: Db, row: AuditRow, completedOn: string, today: string): void {
  if (completedOn > addCalendarDays(today, 1)) {
    throw new AppError(
      'VALIDATION',
      `${completedOn} is in the future: complete the audit once it has been held.`,
      'completedOn',
    );
  }
  if (completedOn < row.plannedStart) {
    throw new AppError(
      'VALIDATION',
      `The audit cannot end (${completedOn}) before it started (${row.plannedStart}).`,
      'completedOn',
    );
  }
  const cycle = tx
    .select({ decisionDate: certificationCycles.decisionDate })
    .from(certificationCycles)
    .where(
      and(
        eq(certificationCycles.clientId, row.clientId),
        eq(certificationCycles.cycleNumber, row.cycleNumber),
      ),
    )
    .get();
  // Surveillance and recertification count towards the cycle from its decision on (9.1.3).
  if (
    cycle &&
    (row.type === 'surveillance' || row.type === 'recertification') &&
    completedOn < cycle.decisionDate
  ) {
    throw new AppError(
      'VALIDATION',
      `Cycle ${row.cycleNumber} started with the certification decision of ${cycle.decisionDate}; an audit of that cycle cannot end before it.`,
      'completedOn',
    );
  }
  if (row.type === 'stage2') {
    const problem = stage2CompletionProblem(
      completedOn,
      cycleAudits(tx, row.clientId, row.cycleNumber, 'stage1'),
    );
    if (problem) throw new AppError('CONFLICT', problem, 'to');
  }
}

/**
 * Moves an audit along planned → confirmed → in progress → completed, or to cancelled with a
 * reason. Anything else is refused naming the current state and the allowed next ones.
 */
export function changeAuditState(ctx: ServiceContext, input: AuditStateChange): Audit {
  requireRole(ctx, auditPlanners, 'change the state of audits');
  const at = nowIso(ctx);
  ctx.db.transaction((tx) => {
    const row = findAuditRow(tx, input.id);
    const from = row.state as AuditState;
    if (!canTransition(from, input.to)) {
      throw new AppError('CONFLICT', illegalTransitionMessage(from, input.to), 'to');
    }
    const next = {
      state: input.to,
      completedOn: input.to === 'completed' ? input.completedOn : row.completedOn,
      cancelledReason: input.to === 'cancelled' ? input.reason : row.cancelledReason,
    };
    if (input.to === 'completed') checkCompletedOn(tx, row, input.completedOn, at.slice(0, 10));
    if (input.to === 'in_progress') {
      const gate = stage2GateProblem(tx, row, 'start');
      if (gate) throw new AppError('CONFLICT', gate, 'to');
    }
    logFieldChanges(
      ctx,
      tx,
      auditEntity(row),
      { state: row.state, completedOn: row.completedOn, cancelledReason: row.cancelledReason },
      next,
      at,
    );
    tx.update(audits)
      .set({ ...next, updatedAt: at })
      .where(eq(audits.id, row.id))
      .run();
    // Its findings' deadlines now run from the day it was actually held (nonconformities.md 4).
    if (input.to === 'completed') {
      recomputeAuditFindingDeadlines(tx, { ...row, ...next }, at.slice(0, 10), at);
    }
  });
  return readAudit(ctx.db, input.id);
}
