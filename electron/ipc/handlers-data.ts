import type { dataContract } from '../../shared/api/contract-data';
import type { AppRuntime } from '../runtime';
import { updateBackupSettings } from '../services/backup-settings';
import { verifyEvidenceFiles } from '../services/evidence-integrity';
import type { ImplementationsOf } from './implementation';

/** The data methods mapped onto services (see handlers.ts). */
export function dataImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof dataContract> {
  return {
    updateBackupSettings: (input) => updateBackupSettings(runtime.context(), input),
    verifyEvidenceFiles: () => verifyEvidenceFiles(runtime.context()),
  };
}
