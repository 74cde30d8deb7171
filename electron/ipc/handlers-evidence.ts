import type { evidenceContract } from '../../shared/api/contract-evidence';
import * as evidence from '../services/evidence-files';
import * as uploads from '../services/evidence-uploads';
import type { AppRuntime } from '../runtime';
import type { ImplementationsOf } from './implementation';

/** Evidence file methods mapped onto services (see handlers.ts). */
export function evidenceImplementations(
  runtime: AppRuntime,
): ImplementationsOf<keyof typeof evidenceContract> {
  const ctx = () => runtime.context();
  return {
    beginEvidenceUpload: (input) => uploads.beginEvidenceUpload(ctx(), input),
    appendEvidenceUpload: (input) => uploads.appendEvidenceUpload(ctx(), input),
    finishEvidenceUpload: (input) => uploads.finishEvidenceUpload(ctx(), input.uploadId),
    cancelEvidenceUpload: (input) => uploads.cancelEvidenceUpload(ctx(), input.uploadId),
    listEvidenceFiles: (input) => evidence.listEvidenceFiles(ctx(), input.auditId),
    verifyEvidenceFile: (input) => evidence.verifyEvidenceFile(ctx(), input.id),
    readEvidenceChunk: (input) => evidence.readEvidenceChunk(ctx(), input),
    removeEvidenceFile: (input) => evidence.removeEvidenceFile(ctx(), input.id),
  };
}
