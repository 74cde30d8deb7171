import type { teamContract } from '../../shared/api/contract-team';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The team area's contract methods mapped onto services (see handlers.ts). */
export function teamImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof teamContract> {
  void runtime;
  return {};
}
