/**
 * Stage 2 follows a Stage 1 that concluded the client is ready (ISO/IEC 17021-1 9.3.1.2: the
 * Stage 1 conclusions on readiness for Stage 2 are documented and communicated). Audit Desk holds
 * a Stage 2 back, from being started or from having its checklist prepared, until a Stage 1 of the
 * same certification cycle has recorded the readiness conclusion "ready".
 */
import type { AuditState } from '../programme/vocabulary';
import type { ReadinessConclusionValue } from './schema';

export interface Stage1ForGate {
  state: AuditState;
  plannedStart: string;
  conclusion: ReadinessConclusionValue | null;
}

export type Stage2Step = 'start' | 'prepare';

const blocked: Record<Stage2Step, string> = {
  start: 'Stage 2 cannot start yet',
  prepare: 'The Stage 2 checklist cannot be prepared yet',
};

/**
 * Null when the latest Stage 1 of the cycle with a readiness conclusion concluded "ready" (a later
 * Stage 1 that found the client not ready overrides an earlier "ready"); otherwise what is
 * missing, in words.
 */
export function stage2ReadinessProblem(
  stage1Audits: readonly Stage1ForGate[],
  cycleNumber: number,
  step: Stage2Step,
): string | null {
  const held = stage1Audits.filter((a) => a.state !== 'cancelled');
  const concluded = held
    .filter((a) => a.conclusion !== null)
    .sort((a, b) => b.plannedStart.localeCompare(a.plannedStart))[0];
  if (concluded?.conclusion === 'ready') return null;
  const head = blocked[step];
  if (held.length === 0) {
    return `${head}: the client has no Stage 1 audit in certification cycle ${cycleNumber}. Plan and hold the Stage 1, and record its readiness conclusion, first.`;
  }
  if (concluded?.conclusion === 'not_ready') {
    return `${head}: the Stage 1 readiness conclusion is “not ready” (Stage 1 starting ${concluded.plannedStart}). Once the client has dealt with the concerns, the lead auditor records a new conclusion (ready) on the Stage 1 checklist.`;
  }
  const latest = [...held].sort((a, b) => b.plannedStart.localeCompare(a.plannedStart))[0];
  const when = latest ? ` (starting ${latest.plannedStart})` : '';
  return `${head}: the Stage 1 audit${when} has no readiness conclusion. The lead auditor marks every Stage 1 item and records the conclusion “ready” on the Stage 1 checklist first.`;
}
