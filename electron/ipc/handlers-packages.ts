import type { packagesContract } from '../../shared/api/contract-packages';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The packages methods mapped onto services (see handlers.ts). */
export function packagesImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof packagesContract> {
  void runtime;
  return {};
}
