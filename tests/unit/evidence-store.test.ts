import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appendPart,
  hashStoredFile,
  incomingDirectory,
  openPart,
  readStoredChunk,
  staleUploadMs,
  storedPath,
  storePart,
  sweepOrphanParts,
  verifyBufferBytes,
} from '../../electron/services/evidence-store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-desk-evidence-store-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the evidence store', () => {
  it('addresses a file by the first two hex digits of its hash, then the hash', () => {
    const hash = 'ab' + '0'.repeat(62);
    expect(storedPath('/e', hash)).toBe(path.join('/e', 'ab', hash));
  });

  it('hashes what was appended and moves it to its content address', () => {
    const part = openPart(dir, 'upload-1');
    const a = Buffer.from('first chunk, ');
    const b = Buffer.from('second chunk');
    appendPart(part, a);
    appendPart(part, b);
    expect(part.receivedBytes).toBe(a.length + b.length);
    const hash = storePart(dir, part);
    expect(hash).toBe(sha(Buffer.concat([a, b])));
    expect(fs.readFileSync(storedPath(dir, hash), 'utf8')).toBe('first chunk, second chunk');
    expect(fs.existsSync(part.path)).toBe(false);
  });

  it('hashes a file larger than its read buffer correctly, and says null when it is absent', () => {
    const bytes = Buffer.alloc(verifyBufferBytes * 2 + 5, 7);
    bytes[verifyBufferBytes + 1] = 1;
    const file = path.join(dir, 'big.bin');
    fs.writeFileSync(file, bytes);
    expect(hashStoredFile(file)).toBe(sha(bytes));
    expect(hashStoredFile(path.join(dir, 'nothing-here'))).toBeNull();
  });

  it('reads a chunk at an offset and stops at the end of the file', () => {
    const file = path.join(dir, 'small.txt');
    fs.writeFileSync(file, '0123456789');
    expect(readStoredChunk(file, 3, 4).toString()).toBe('3456');
    expect(readStoredChunk(file, 8, 4).toString()).toBe('89');
  });

  it('replaces a stored copy that no longer matches its hash when the same bytes come again', () => {
    const bytes = Buffer.from('the original');
    const first = openPart(dir, 'upload-2');
    appendPart(first, bytes);
    const hash = storePart(dir, first);
    fs.writeFileSync(storedPath(dir, hash), 'tampered');
    const second = openPart(dir, 'upload-3');
    appendPart(second, bytes);
    expect(storePart(dir, second)).toBe(hash);
    expect(hashStoredFile(storedPath(dir, hash))).toBe(hash);
  });

  it('deletes part files left behind once they are older than the stale limit', () => {
    const folder = incomingDirectory(dir);
    fs.mkdirSync(folder, { recursive: true });
    const old = path.join(folder, 'old.part');
    const fresh = path.join(folder, 'fresh.part');
    const live = path.join(folder, 'live.part');
    for (const f of [old, fresh, live]) fs.writeFileSync(f, 'x');
    const past = (Date.now() - staleUploadMs - 60_000) / 1000;
    fs.utimesSync(old, past, past);
    fs.utimesSync(live, past, past);
    sweepOrphanParts(dir, new Set([live]));
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.existsSync(live)).toBe(true);
  });
});
