import type { auditsContract } from '../../shared/api/contract-audits';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The audits area's contract methods mapped onto services (see handlers.ts). */
export function auditsImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof auditsContract> {
  void runtime;
  return {};
}
