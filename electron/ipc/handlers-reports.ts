import type { reportsContract } from '../../shared/api/contract-reports';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The reports methods mapped onto services (see handlers.ts). */
export function reportsImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof reportsContract> {
  void runtime;
  return {};
}
