import type { dataContract } from '../../shared/api/contract-data';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The data methods mapped onto services (see handlers.ts). */
export function dataImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof dataContract> {
  void runtime;
  return {};
}
