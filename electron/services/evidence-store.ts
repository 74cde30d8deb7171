import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The bytes of evidence files, content-addressed by SHA-256 beside the database:
 * `<evidence>/<first two hex digits>/<sha256>`. Uploads arrive in chunks into
 * `<evidence>/incoming/<uploadId>.part`, hashed as they arrive; nothing here ever holds a whole
 * file in memory. No database and no rules here: evidence-files.ts decides who may do what.
 */

/** Bytes read at a time when re-hashing a stored file. */
export const verifyBufferBytes = 1024 * 1024;

/** An upload with no chunk for this long is dropped with its partial file. */
export const staleUploadMs = 10 * 60 * 1000;

export function storedPath(evidenceDirectory: string, sha256: string): string {
  return path.join(evidenceDirectory, sha256.slice(0, 2), sha256);
}

export function incomingDirectory(evidenceDirectory: string): string {
  return path.join(evidenceDirectory, 'incoming');
}

export function partPath(evidenceDirectory: string, uploadId: string): string {
  return path.join(incomingDirectory(evidenceDirectory), `${uploadId}.part`);
}

/** A file being received: its open part file and the SHA-256 of what has arrived so far. */
export interface PartFile {
  readonly path: string;
  fd: number | null;
  hash: Hash;
  receivedBytes: number;
}

export function openPart(evidenceDirectory: string, uploadId: string): PartFile {
  fs.mkdirSync(incomingDirectory(evidenceDirectory), { recursive: true });
  const file = partPath(evidenceDirectory, uploadId);
  // 'wx': an upload id is never reused, so an existing part file is someone else's.
  const fd = fs.openSync(file, 'wx');
  return { path: file, fd, hash: createHash('sha256'), receivedBytes: 0 };
}

/** Writes one chunk at the end of the part file and feeds it to the running hash. */
export function appendPart(part: PartFile, bytes: Buffer): void {
  if (part.fd === null) throw new Error('The part file is closed.');
  let written = 0;
  while (written < bytes.length) {
    written += fs.writeSync(
      part.fd,
      bytes,
      written,
      bytes.length - written,
      part.receivedBytes + written,
    );
  }
  part.hash.update(bytes);
  part.receivedBytes += bytes.length;
}

/** Closes and deletes a part file (a cancelled, failed or stale upload). */
export function discardPart(part: PartFile): void {
  if (part.fd !== null) {
    try {
      fs.closeSync(part.fd);
    } catch {
      // Already closed by the system: nothing left to release.
    }
    part.fd = null;
  }
  fs.rmSync(part.path, { force: true });
}

/** Makes a rename durable where the platform allows fsync on a directory (not Windows). */
function syncDirectory(directory: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(directory, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a directory; NTFS journals the rename itself.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Flushes the part file to disk and moves it to its content address. When a file with that hash
 * is already stored (the same bytes attached twice) it is kept and the part dropped, unless the
 * stored copy no longer has that hash: then the fresh, verified bytes replace it.
 */
export function storePart(evidenceDirectory: string, part: PartFile): string {
  if (part.fd === null) throw new Error('The part file is closed.');
  fs.fsyncSync(part.fd);
  fs.closeSync(part.fd);
  part.fd = null;
  const sha256 = part.hash.digest('hex');
  const target = storedPath(evidenceDirectory, sha256);
  if (fs.existsSync(target) && hashStoredFile(target) === sha256) {
    fs.rmSync(part.path, { force: true });
    return sha256;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(part.path, target);
  syncDirectory(path.dirname(target));
  return sha256;
}

/**
 * SHA-256 of a stored file, read 1 MiB at a time (never the whole file at once), or null when
 * there is no such file.
 */
export function hashStoredFile(file: string): string | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(verifyBufferBytes);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
    return hash.digest('hex');
  } finally {
    fs.closeSync(fd);
  }
}

/** Up to `length` bytes of a stored file from `offset`. */
export function readStoredChunk(file: string, offset: number, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = fs.readSync(fd, buffer, read, length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

export function storedSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

/**
 * Deletes part files left by a crash or a closed window (no live upload has them) once they are
 * older than the stale limit.
 */
export function sweepOrphanParts(evidenceDirectory: string, live: ReadonlySet<string>): void {
  // File times are the system clock's, so this compares with the system clock too.
  const nowMs = Date.now();
  const folder = incomingDirectory(evidenceDirectory);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(folder, name);
    if (live.has(file)) continue;
    try {
      if (nowMs - fs.statSync(file).mtimeMs > staleUploadMs) fs.rmSync(file, { force: true });
    } catch {
      // Removed meanwhile: nothing to do.
    }
  }
}
