import fs from 'node:fs';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { evidenceFiles } from '../../db/schema';
import { AppError, validationError } from '../../shared/errors';
import {
  appendEvidenceUploadSchema,
  beginEvidenceUploadSchema,
  evidenceChunkBytes,
  type BeginEvidenceUploadInput,
  type EvidenceFile,
  type EvidenceUpload,
} from '../../shared/evidence/schema';
import { logEvent } from './change-log';
import { nowIso, requireActor, type ServiceContext } from './context';
import { checkPlacement, evidenceEntity, readEvidenceFile } from './evidence-files';
import {
  appendPart,
  discardPart,
  openPart,
  staleUploadMs,
  storePart,
  sweepOrphanParts,
  type PartFile,
} from './evidence-store';

/**
 * Receiving evidence files in chunks (issue 6): the bytes go straight to a part file and through
 * SHA-256 as they arrive, so the hash is the one of what was captured and no file is ever held
 * whole in memory. At the end the size is checked, the file moved to its content address and the
 * record written with its change-log entry.
 */

interface Upload {
  uploadId: string;
  evidenceDirectory: string;
  personId: string;
  auditId: string;
  checklistItemId: string | null;
  findingId: string | null;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  part: PartFile;
  nextIndex: number;
  lastChunkAtMs: number;
}

/** Uploads in progress in this process; they end with finish, cancel, or 10 idle minutes. */
const uploads = new Map<string, Upload>();

function sweepStale(ctx: ServiceContext): void {
  const nowMs = ctx.now().getTime();
  for (const upload of uploads.values()) {
    if (nowMs - upload.lastChunkAtMs > staleUploadMs) {
      uploads.delete(upload.uploadId);
      discardPart(upload.part);
    }
  }
  sweepOrphanParts(ctx.evidenceDirectory, new Set([...uploads.values()].map((u) => u.part.path)));
}

/** How many uploads are in progress (for tests and diagnostics). */
export function uploadsInProgress(): number {
  return uploads.size;
}

function findUpload(ctx: ServiceContext, uploadId: string): Upload {
  const actor = requireActor(ctx);
  const upload = uploads.get(uploadId);
  if (!upload || upload.evidenceDirectory !== ctx.evidenceDirectory) {
    throw new AppError(
      'NOT_FOUND',
      'That upload is not in progress: it was finished, cancelled, or had no data for more than 10 minutes. Add the file again.',
      'uploadId',
    );
  }
  if (actor.kind !== 'person' || actor.person.id !== upload.personId) {
    throw new AppError('FORBIDDEN', 'That upload was started by someone else.', 'uploadId');
  }
  return upload;
}

function end(upload: Upload): void {
  uploads.delete(upload.uploadId);
  discardPart(upload.part);
}

export function beginEvidenceUpload(
  ctx: ServiceContext,
  raw: BeginEvidenceUploadInput,
): EvidenceUpload {
  const parsed = beginEvidenceUploadSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const { person } = checkPlacement(ctx, input);
  sweepStale(ctx);
  const uploadId = uuidv7();
  uploads.set(uploadId, {
    uploadId,
    evidenceDirectory: ctx.evidenceDirectory,
    personId: person.id,
    auditId: input.auditId,
    checklistItemId: input.checklistItemId,
    findingId: input.findingId,
    fileName: input.fileName,
    mediaType: input.mediaType === '' ? 'application/octet-stream' : input.mediaType,
    sizeBytes: input.sizeBytes,
    part: openPart(ctx.evidenceDirectory, uploadId),
    nextIndex: 0,
    lastChunkAtMs: ctx.now().getTime(),
  });
  return { uploadId, chunkBytes: evidenceChunkBytes };
}

/** Chunks must come in order: the running hash and the part file only ever grow at the end. */
function appendBytes(ctx: ServiceContext, uploadId: string, index: number, bytes: Buffer) {
  sweepStale(ctx);
  const upload = findUpload(ctx, uploadId);
  if (index !== upload.nextIndex) {
    throw new AppError(
      'CONFLICT',
      `Chunk ${index} of "${upload.fileName}" arrived while chunk ${upload.nextIndex} was expected; chunks must be sent in order.`,
      'index',
    );
  }
  if (bytes.length > evidenceChunkBytes) {
    throw new AppError(
      'VALIDATION',
      `A chunk holds at most ${evidenceChunkBytes} bytes; this one has ${bytes.length}.`,
      'data',
    );
  }
  if (upload.part.receivedBytes + bytes.length > upload.sizeBytes) {
    end(upload);
    throw new AppError(
      'VALIDATION',
      `"${upload.fileName}" is larger than the ${upload.sizeBytes} bytes announced; nothing was stored. Add the file again.`,
      'data',
    );
  }
  try {
    appendPart(upload.part, bytes);
  } catch (error) {
    end(upload);
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new AppError(
        'CONFLICT',
        `The disk holding the evidence folder is full, so "${upload.fileName}" was not stored. Free some space and add the file again.`,
      );
    }
    throw error;
  }
  upload.nextIndex += 1;
  upload.lastChunkAtMs = ctx.now().getTime();
  return { receivedBytes: upload.part.receivedBytes };
}

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function appendEvidenceUpload(
  ctx: ServiceContext,
  raw: { uploadId: string; index: number; data: string },
): { receivedBytes: number } {
  const parsed = appendEvidenceUploadSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { uploadId, index, data } = parsed.data;
  if (data.length % 4 !== 0 || !base64.test(data)) {
    throw new AppError('VALIDATION', 'A chunk must be base64-encoded bytes.', 'data');
  }
  return appendBytes(ctx, uploadId, index, Buffer.from(data, 'base64'));
}

/** Checks the size, stores the bytes under their SHA-256 and records the file. */
export function finishEvidenceUpload(ctx: ServiceContext, uploadId: string): EvidenceFile {
  const upload = findUpload(ctx, uploadId);
  uploads.delete(uploadId);
  if (upload.part.receivedBytes !== upload.sizeBytes) {
    discardPart(upload.part);
    throw new AppError(
      'VALIDATION',
      `"${upload.fileName}" arrived with ${upload.part.receivedBytes} bytes but ${upload.sizeBytes} were announced, so it was not stored. Add the file again.`,
      'sizeBytes',
    );
  }
  let stored: { clientId: string; sha256: string };
  try {
    // Checked again: the team or the checklist may have changed while the bytes were arriving.
    const { audit } = checkPlacement(ctx, upload);
    stored = { clientId: audit.clientId, sha256: storePart(ctx.evidenceDirectory, upload.part) };
  } catch (error) {
    discardPart(upload.part);
    throw error;
  }
  const { clientId, sha256 } = stored;
  const at = nowIso(ctx);
  const row = {
    id: uuidv7(),
    auditId: upload.auditId,
    checklistItemId: upload.checklistItemId,
    findingId: upload.findingId,
    sha256,
    fileName: upload.fileName,
    mediaType: upload.mediaType,
    sizeBytes: upload.sizeBytes,
    capturedBy: upload.personId,
    capturedAt: at,
    removedAt: null,
    createdAt: at,
    updatedAt: at,
  };
  ctx.db.transaction((tx) => {
    tx.insert(evidenceFiles).values(row).run();
    logEvent(ctx, tx, evidenceEntity(row.id, clientId), 'created', row, at);
  });
  const file = readEvidenceFile(ctx.db, row.id);
  if (!file) throw new AppError('INTERNAL', 'The evidence file was recorded but cannot be read.');
  return file;
}

/** Drops an upload and its partial file; cancelling one that already ended is not an error. */
export function cancelEvidenceUpload(ctx: ServiceContext, uploadId: string): null {
  requireActor(ctx);
  if (uploads.has(uploadId)) end(findUpload(ctx, uploadId));
  return null;
}

const mediaTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.md': 'text/markdown',
  '.json': 'application/json',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export interface EvidenceFromPath {
  auditId: string;
  checklistItemId?: string | null;
  findingId?: string | null;
  filePath: string;
  fileName?: string;
  mediaType?: string;
}

/**
 * Attaches a file from disk (tests, the command line, demo data) through the same upload path as
 * the app: begun, streamed chunk by chunk, finished. The signed-in person is the one recorded.
 */
export function storeEvidenceFromPath(ctx: ServiceContext, input: EvidenceFromPath): EvidenceFile {
  const sizeBytes = fs.statSync(input.filePath).size;
  const { uploadId } = beginEvidenceUpload(ctx, {
    auditId: input.auditId,
    checklistItemId: input.checklistItemId ?? null,
    findingId: input.findingId ?? null,
    fileName: input.fileName ?? path.basename(input.filePath),
    mediaType:
      input.mediaType ??
      mediaTypes[path.extname(input.filePath).toLowerCase()] ??
      'application/octet-stream',
    sizeBytes,
  });
  const fd = fs.openSync(input.filePath, 'r');
  try {
    const buffer = Buffer.allocUnsafe(evidenceChunkBytes);
    for (let index = 0; ; index++) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      appendBytes(ctx, uploadId, index, buffer.subarray(0, n));
    }
    return finishEvidenceUpload(ctx, uploadId);
  } catch (error) {
    cancelEvidenceUpload(ctx, uploadId);
    throw error;
  } finally {
    fs.closeSync(fd);
  }
}
