import { and, eq } from 'drizzle-orm';
import { audits, readinessConclusions } from '../../db/schema';
import type { Db } from '../../db/open';
import type { ReadinessConclusionValue } from '../../shared/checklists/schema';
import {
  stage2ReadinessProblem,
  type Stage1ForGate,
  type Stage2Step,
} from '../../shared/checklists/stage2-gate';
import type { AuditState } from '../../shared/programme/vocabulary';

export interface Stage1OfCycle extends Stage1ForGate {
  id: string;
  concludedAt: string | null;
}

/** The Stage 1 audits of a client's cycle with their readiness conclusions. */
export function stage1AuditsOfCycle(db: Db, clientId: string, cycleNumber: number) {
  return db
    .select({
      id: audits.id,
      state: audits.state,
      plannedStart: audits.plannedStart,
      conclusion: readinessConclusions.conclusion,
      concludedAt: readinessConclusions.concludedAt,
    })
    .from(audits)
    .leftJoin(readinessConclusions, eq(readinessConclusions.auditId, audits.id))
    .where(
      and(
        eq(audits.clientId, clientId),
        eq(audits.cycleNumber, cycleNumber),
        eq(audits.type, 'stage1'),
      ),
    )
    .all()
    .map((r): Stage1OfCycle => ({
      ...r,
      state: r.state as AuditState,
      conclusion: r.conclusion as ReadinessConclusionValue | null,
    }));
}

/** Why a Stage 2 may not start or have its checklist prepared yet, or null when it may. */
export function stage2GateProblem(
  db: Db,
  audit: { type: string; clientId: string; cycleNumber: number },
  step: Stage2Step,
): string | null {
  if (audit.type !== 'stage2') return null;
  return stage2ReadinessProblem(
    stage1AuditsOfCycle(db, audit.clientId, audit.cycleNumber),
    audit.cycleNumber,
    step,
  );
}

/** The Stage 1 whose "ready" conclusion lets Stage 2 go ahead: the latest one, if several. */
export function readyStage1(db: Db, clientId: string, cycleNumber: number): Stage1OfCycle | null {
  const ready = stage1AuditsOfCycle(db, clientId, cycleNumber)
    .filter((a) => a.state !== 'cancelled' && a.conclusion === 'ready')
    .sort((a, b) => b.plannedStart.localeCompare(a.plannedStart));
  return ready[0] ?? null;
}
