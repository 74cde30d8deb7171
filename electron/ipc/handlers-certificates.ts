import type { certificatesContract } from '../../shared/api/contract-certificates';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The certificates methods mapped onto services (see handlers.ts). */
export function certificatesImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof certificatesContract> {
  void runtime;
  return {};
}
