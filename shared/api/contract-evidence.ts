import {
  appendEvidenceUploadSchema,
  auditEvidenceQuerySchema,
  beginEvidenceUploadSchema,
  readEvidenceChunkSchema,
  uploadIdSchema,
  type EvidenceCheck,
  type EvidenceChunk,
  type EvidenceFile,
  type EvidenceUpload,
} from '../evidence/schema';
import { byId, method } from './method';

/** Contract methods of evidence files (issue 6); names also go in method-names-evidence.ts. */
export const evidenceContract = {
  beginEvidenceUpload: method<EvidenceUpload>()(beginEvidenceUploadSchema),
  appendEvidenceUpload: method<{ receivedBytes: number }>()(appendEvidenceUploadSchema),
  /** Checks size, stores the file under its SHA-256 and records it. */
  finishEvidenceUpload: method<EvidenceFile>()(uploadIdSchema),
  cancelEvidenceUpload: method<null>()(uploadIdSchema),
  listEvidenceFiles: method<EvidenceFile[]>()(auditEvidenceQuerySchema),
  /** Re-hashes the stored bytes (streamed) against the recorded SHA-256. */
  verifyEvidenceFile: method<EvidenceCheck>()(byId),
  /** One chunk of a file; refused unless the file verifies. */
  readEvidenceChunk: method<EvidenceChunk>()(readEvidenceChunkSchema),
  removeEvidenceFile: method<null>()(byId),
};
