import type { clientImportContract } from '../../shared/api/contract-client-import';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The client-import methods mapped onto services (see handlers.ts). */
export function clientImportImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof clientImportContract> {
  void runtime;
  return {};
}
