import type { EvidenceChunk, EvidenceFile } from '../../../shared/evidence/schema';
import { call } from '../../api';
import { base64ToBytes, bytesToBase64 } from './evidenceFormat';

/** Where a file is attached. */
export interface EvidenceTarget {
  auditId: string;
  checklistItemId: string | null;
  findingId: string | null;
}

/** Thrown when the person cancels an upload; not an error to show. */
export class UploadCancelled extends Error {
  constructor() {
    super('The upload was cancelled.');
    this.name = 'UploadCancelled';
  }
}

async function readSlice(file: File, start: number, end: number): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.slice(start, end).arrayBuffer());
  } catch {
    throw new Error(
      `"${file.name}" could not be read from the disk (was it moved or deleted?). Add it again.`,
    );
  }
}

/**
 * Sends a file in chunks: each slice is read from the disk only when it is sent, so a large file
 * is never held whole in memory. The main process hashes the chunks as they arrive.
 */
export async function uploadEvidence(
  file: File,
  target: EvidenceTarget,
  onProgress: (sentBytes: number) => void,
  signal: AbortSignal,
): Promise<EvidenceFile> {
  const { uploadId, chunkBytes } = await call('beginEvidenceUpload', {
    ...target,
    fileName: file.name,
    mediaType: file.type || 'application/octet-stream',
    sizeBytes: file.size,
  });
  try {
    for (let index = 0, start = 0; start < file.size; index++, start += chunkBytes) {
      if (signal.aborted) throw new UploadCancelled();
      const end = Math.min(file.size, start + chunkBytes);
      const data = bytesToBase64(await readSlice(file, start, end));
      await call('appendEvidenceUpload', { uploadId, index, data });
      onProgress(end);
    }
    if (signal.aborted) throw new UploadCancelled();
    return await call('finishEvidenceUpload', { uploadId });
  } catch (error) {
    // The partial file is dropped at once rather than after ten idle minutes.
    await call('cancelEvidenceUpload', { uploadId }).catch(() => undefined);
    throw error;
  }
}

/** Reads a verified file back chunk by chunk into a Blob (the main process re-checks it first). */
export async function downloadEvidence(
  file: EvidenceFile,
  onProgress: (receivedBytes: number) => void,
): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | null = 0;
  let received = 0;
  while (offset !== null) {
    const chunk: EvidenceChunk = await call('readEvidenceChunk', { id: file.id, offset });
    const bytes = base64ToBytes(chunk.data);
    parts.push(bytes);
    received += bytes.length;
    onProgress(received);
    offset = chunk.nextOffset;
  }
  return new Blob(parts, { type: file.mediaType });
}
