/**
 * Evidence files (attachments) of an audit: the contract's inputs and outputs. The bytes are
 * sent in chunks (base64, so the same contract works over IPC and the browser harness's HTTP),
 * hashed with SHA-256 as they arrive, and stored content-addressed beside the database.
 */
import { z } from 'zod';

/** Bytes per chunk the renderer sends (before base64). */
export const evidenceChunkBytes = 512 * 1024;
/** The largest file we accept: 2 GiB. */
export const evidenceMaxBytes = 2 * 1024 * 1024 * 1024;

const id = (what: string) => z.string().min(1, { message: `${what} is required.` });

export const beginEvidenceUploadSchema = z.object({
  auditId: id('An audit id'),
  checklistItemId: z.string().min(1).nullable().default(null),
  findingId: z.string().min(1).nullable().default(null),
  fileName: z
    .string()
    .trim()
    .min(1, { message: 'The file has no name.' })
    .max(255, { message: 'File names are limited to 255 characters.' }),
  mediaType: z.string().trim().max(255).default('application/octet-stream'),
  sizeBytes: z
    .number()
    .int()
    .min(0)
    .max(evidenceMaxBytes, { message: 'Files are limited to 2 GB.' }),
});
export type BeginEvidenceUploadInput = z.input<typeof beginEvidenceUploadSchema>;

export const appendEvidenceUploadSchema = z.object({
  uploadId: id('An upload id'),
  /** 0, 1, 2 …: chunks must arrive in order. */
  index: z.number().int().min(0),
  /** Base64 of at most evidenceChunkBytes bytes. */
  data: z.string().max(Math.ceil(evidenceChunkBytes / 3) * 4 + 4),
});

export const uploadIdSchema = z.object({ uploadId: id('An upload id') });

export const readEvidenceChunkSchema = z.object({
  id: id('An evidence file id'),
  offset: z.number().int().min(0).default(0),
});

export const auditEvidenceQuerySchema = z.object({ auditId: id('An audit id') });

export interface EvidenceUpload {
  uploadId: string;
  chunkBytes: number;
}

export interface EvidenceFile {
  id: string;
  auditId: string;
  checklistItemId: string | null;
  findingId: string | null;
  sha256: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  capturedById: string | null;
  capturedByName: string | null;
  capturedAt: string;
}

/** The result of re-hashing a stored file. */
export interface EvidenceCheck {
  id: string;
  status: 'ok' | 'missing' | 'altered';
  expectedSha256: string;
  actualSha256: string | null;
  message: string;
}

export interface EvidenceChunk {
  data: string;
  /** Null after the last chunk. */
  nextOffset: number | null;
  sizeBytes: number;
}
