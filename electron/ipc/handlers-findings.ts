import type { findingsContract } from '../../shared/api/contract-findings';
import { decisionBlockers } from '../services/decision-gates';
import { getFinding } from '../services/finding-detail';
import { exportFindings } from '../services/finding-export';
import {
  acknowledgeFinding,
  findingTransition,
  gradeFinding,
  updateFinding,
} from '../services/finding-lifecycle';
import { listFindings } from '../services/finding-register';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** Nonconformity life cycle and register methods mapped onto services (see handlers.ts). */
export function findingsImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof findingsContract> {
  const ctx = () => runtime.context();
  return {
    getFinding: (input) => getFinding(ctx(), input.id),
    gradeFinding: (input) => gradeFinding(ctx(), input),
    updateFinding: (input) => updateFinding(ctx(), input),
    acknowledgeFinding: (input) => acknowledgeFinding(ctx(), input),
    findingTransition: (input) => findingTransition(ctx(), input),
    listFindings: (input) => listFindings(ctx(), input),
    exportFindings: (input) => exportFindings(ctx(), input),
    decisionBlockers: (input) => decisionBlockers(ctx(), input),
  };
}
