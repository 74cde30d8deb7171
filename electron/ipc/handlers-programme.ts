import type { programmeContract } from '../../shared/api/contract-programme';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The programme area's contract methods mapped onto services (see handlers.ts). */
export function programmeImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof programmeContract> {
  void runtime;
  return {};
}
