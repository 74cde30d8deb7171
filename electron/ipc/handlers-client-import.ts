import type { clientImportContract } from '../../shared/api/contract-client-import';
import { exportClients } from '../services/client-export';
import {
  importClients,
  previewClientImport,
  readClientImportFile,
} from '../services/client-import';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** The client import and client list export methods mapped onto services (see handlers.ts). */
export function clientImportImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof clientImportContract> {
  const ctx = () => runtime.context();
  return {
    readClientImportFile: (input) => readClientImportFile(ctx(), input),
    previewClientImport: (input) => previewClientImport(ctx(), input),
    importClients: (input) => importClients(ctx(), input),
    exportClients: (input) => exportClients(ctx(), input),
  };
}
