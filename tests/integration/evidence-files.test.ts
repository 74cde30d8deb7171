import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { evidenceChunkBytes } from '../../shared/evidence/schema';
import { storedPath, verifyBufferBytes } from '../../electron/services/evidence-store';
import { storeEvidenceFromPath, uploadsInProgress } from '../../electron/services/evidence-uploads';
import { EvidenceWorld, patternBytes, sha256 } from './evidence-fixtures';
import { succeed, temporaryFolder } from './helpers';

const root = temporaryFolder('evidence');
let world: EvidenceWorld;
let audit: ReturnType<EvidenceWorld['audit']>;

beforeAll(async () => {
  world = await EvidenceWorld.start(path.join(root, 'audit-desk.sqlite'));
  audit = world.audit();
});
afterAll(() => world.app.runtime.close());

const incoming = () => path.join(world.evidenceDirectory, 'incoming');
const partFiles = () => (fs.existsSync(incoming()) ? fs.readdirSync(incoming()) : []);

describe('attaching evidence files', () => {
  it('stores chunked bytes under their SHA-256 beside the database and records who and when', async () => {
    await world.actAs(world.people.auditor);
    const bytes = patternBytes(evidenceChunkBytes * 2 + 1234, 7);
    const file = await world.upload(
      { auditId: audit.auditId, checklistItemId: audit.itemId },
      bytes,
      'internal-audit-report.pdf',
      'application/pdf',
    );
    expect(file).toMatchObject({
      auditId: audit.auditId,
      checklistItemId: audit.itemId,
      findingId: null,
      sha256: sha256(bytes),
      fileName: 'internal-audit-report.pdf',
      mediaType: 'application/pdf',
      sizeBytes: bytes.length,
      capturedById: world.people.auditor.id,
      capturedByName: 'Omar Auditor',
    });
    const stored = storedPath(world.evidenceDirectory, file.sha256);
    expect(stored).toBe(path.join(root, 'evidence', file.sha256.slice(0, 2), file.sha256));
    expect(sha256(fs.readFileSync(stored))).toBe(sha256(bytes));
    expect(partFiles()).toEqual([]);
    const history = await succeed(world.app, 'clientHistory', { id: world.clientId });
    expect(history.find((e) => e.entityId === file.id)).toMatchObject({
      entity: 'evidence_file',
      field: 'created',
      actorName: 'Omar Auditor',
    });
    const listed = await succeed(world.app, 'listEvidenceFiles', { auditId: audit.auditId });
    expect(listed[0]).toEqual(file);
  });

  it('lets every auditing team role attach, to the audit, an item or a finding', async () => {
    for (const who of ['lead', 'expert'] as const) {
      await world.actAs(world.people[who]);
      const file = await world.upload(
        { auditId: audit.auditId, findingId: audit.findingId },
        Buffer.from(`photo by ${who}`),
        `${who}.jpg`,
        'image/jpeg',
      );
      expect(file.findingId).toBe(audit.findingId);
    }
  });

  it('keeps one stored copy of the same bytes attached twice, with two records', async () => {
    await world.actAs(world.people.auditor);
    const bytes = patternBytes(5000, 99);
    const first = await world.upload({ auditId: audit.auditId }, bytes, 'a.png', 'image/png');
    const second = await world.upload({ auditId: audit.auditId }, bytes, 'b.png', 'image/png');
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    const folder = path.dirname(storedPath(world.evidenceDirectory, first.sha256));
    expect(fs.readdirSync(folder).filter((n) => n === first.sha256)).toHaveLength(1);
    const listed = await succeed(world.app, 'listEvidenceFiles', { auditId: audit.auditId });
    expect(listed.filter((f) => f.sha256 === first.sha256).map((f) => f.fileName)).toEqual([
      'b.png',
      'a.png',
    ]);
  });

  it('refuses a file whose bytes do not add up to the announced size, and stores nothing', async () => {
    await world.actAs(world.people.auditor);
    const short = await succeed(world.app, 'beginEvidenceUpload', {
      auditId: audit.auditId,
      fileName: 'short.txt',
      sizeBytes: 10,
    });
    await succeed(world.app, 'appendEvidenceUpload', {
      uploadId: short.uploadId,
      index: 0,
      data: Buffer.from('12345').toString('base64'),
    });
    const error = await world.fail('finishEvidenceUpload', { uploadId: short.uploadId });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'sizeBytes' });
    expect(error.message).toContain('"short.txt" arrived with 5 bytes but 10 were announced');

    const long = await succeed(world.app, 'beginEvidenceUpload', {
      auditId: audit.auditId,
      fileName: 'long.txt',
      sizeBytes: 3,
    });
    const tooMuch = await world.fail('appendEvidenceUpload', {
      uploadId: long.uploadId,
      index: 0,
      data: Buffer.from('12345').toString('base64'),
    });
    expect(tooMuch).toMatchObject({ code: 'VALIDATION', field: 'data' });
    expect(partFiles()).toEqual([]);
    expect(uploadsInProgress()).toBe(0);
    const names = (await succeed(world.app, 'listEvidenceFiles', { auditId: audit.auditId })).map(
      (f) => f.fileName,
    );
    expect(names).not.toContain('short.txt');
    expect(names).not.toContain('long.txt');
  });

  it('refuses chunks out of order and accepts the expected one afterwards', async () => {
    await world.actAs(world.people.auditor);
    const bytes = patternBytes(evidenceChunkBytes + 10, 3);
    const { uploadId } = await succeed(world.app, 'beginEvidenceUpload', {
      auditId: audit.auditId,
      fileName: 'two-chunks.bin',
      sizeBytes: bytes.length,
    });
    const second = bytes.subarray(evidenceChunkBytes).toString('base64');
    const error = await world.fail('appendEvidenceUpload', { uploadId, index: 1, data: second });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'index' });
    expect(error.message).toContain('chunk 0 was expected');
    const first = bytes.subarray(0, evidenceChunkBytes).toString('base64');
    await succeed(world.app, 'appendEvidenceUpload', { uploadId, index: 0, data: first });
    const again = await world.fail('appendEvidenceUpload', { uploadId, index: 0, data: first });
    expect(again.code).toBe('CONFLICT');
    await succeed(world.app, 'appendEvidenceUpload', { uploadId, index: 1, data: second });
    const file = await succeed(world.app, 'finishEvidenceUpload', { uploadId });
    expect(file.sha256).toBe(sha256(bytes));
  });

  it('refuses data that is not base64', async () => {
    await world.actAs(world.people.auditor);
    const { uploadId } = await succeed(world.app, 'beginEvidenceUpload', {
      auditId: audit.auditId,
      fileName: 'x.txt',
      sizeBytes: 3,
    });
    const error = await world.fail('appendEvidenceUpload', { uploadId, index: 0, data: 'ab$d' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'data' });
    await succeed(world.app, 'cancelEvidenceUpload', { uploadId });
  });

  it('refuses people who are not auditing on the team, and places outside the audit', async () => {
    const begin = (extra: object = {}) => ({
      auditId: audit.auditId,
      fileName: 'x.txt',
      sizeBytes: 1,
      ...extra,
    });
    await world.actAs(world.people.outsider);
    const outsider = await world.fail('beginEvidenceUpload', begin());
    expect(outsider.code).toBe('FORBIDDEN');
    expect(outsider.message).toContain('Ines Outsider is not on the team of this audit');
    await world.actAs(world.people.observer);
    const observer = await world.fail('beginEvidenceUpload', begin());
    expect(observer.code).toBe('FORBIDDEN');
    expect(observer.message).toContain('observer');

    await world.actAs(world.people.auditor);
    const other = world.audit();
    expect(
      await world.fail('beginEvidenceUpload', begin({ checklistItemId: other.itemId })),
    ).toMatchObject({ code: 'VALIDATION', field: 'checklistItemId' });
    expect(
      await world.fail('beginEvidenceUpload', begin({ findingId: other.findingId })),
    ).toMatchObject({ code: 'VALIDATION', field: 'findingId' });
    expect(
      await world.fail('beginEvidenceUpload', begin({ auditId: 'no-such-audit' })),
    ).toMatchObject({ code: 'NOT_FOUND', field: 'auditId' });
    const cancelled = world.audit('cancelled');
    expect(
      (await world.fail('beginEvidenceUpload', begin({ auditId: cancelled.auditId }))).code,
    ).toBe('CONFLICT');
  });

  it('lets only the person who began an upload continue it', async () => {
    await world.actAs(world.people.auditor);
    const { uploadId } = await succeed(world.app, 'beginEvidenceUpload', {
      auditId: audit.auditId,
      fileName: 'mine.txt',
      sizeBytes: 2,
    });
    await world.actAs(world.people.lead);
    const error = await world.fail('appendEvidenceUpload', { uploadId, index: 0, data: 'aGk=' });
    expect(error.code).toBe('FORBIDDEN');
    await world.actAs(world.people.auditor);
    await succeed(world.app, 'cancelEvidenceUpload', { uploadId });
    expect(partFiles()).toEqual([]);
    expect((await world.fail('finishEvidenceUpload', { uploadId })).code).toBe('NOT_FOUND');
  });

  it('drops an upload that had no chunk for more than 10 minutes, with its partial file', async () => {
    await world.actAs(world.people.auditor);
    const { uploadId } = await succeed(world.app, 'beginEvidenceUpload', {
      auditId: audit.auditId,
      fileName: 'left.txt',
      sizeBytes: 4,
    });
    await succeed(world.app, 'appendEvidenceUpload', { uploadId, index: 0, data: 'aGk=' });
    expect(partFiles()).toHaveLength(1);
    world.advanceClock(11 * 60 * 1000);
    const error = await world.fail('appendEvidenceUpload', { uploadId, index: 1, data: 'aGk=' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'uploadId' });
    expect(error.message).toContain('more than 10 minutes');
    expect(partFiles()).toEqual([]);
  });
});

describe('checking stored evidence', () => {
  it('verifies a file and gives its bytes back chunk by chunk', async () => {
    await world.actAs(world.people.auditor);
    const bytes = patternBytes(evidenceChunkBytes * 3 + 17, 11);
    const file = await world.upload({ auditId: audit.auditId }, bytes, 'sample.csv', 'text/csv');
    const check = await succeed(world.app, 'verifyEvidenceFile', { id: file.id });
    expect(check).toMatchObject({
      status: 'ok',
      expectedSha256: sha256(bytes),
      actualSha256: sha256(bytes),
    });
    expect((await world.download(file.id)).equals(bytes)).toBe(true);
    expect(
      await world.fail('readEvidenceChunk', { id: file.id, offset: bytes.length + 1 }),
    ).toMatchObject({ code: 'VALIDATION', field: 'offset' });
  });

  it('detects a tampered file and refuses to open it, naming the file and the record', async () => {
    await world.actAs(world.people.auditor);
    const bytes = Buffer.from('Risk register v3, approved by the AI steering group on 2026-01-12.');
    const file = await world.upload({ auditId: audit.auditId }, bytes, 'risk-register.txt');
    const stored = storedPath(world.evidenceDirectory, file.sha256);
    fs.writeFileSync(stored, Buffer.from('Risk register v3, approved by nobody.'));
    const check = await succeed(world.app, 'verifyEvidenceFile', { id: file.id });
    expect(check.status).toBe('altered');
    expect(check.actualSha256).not.toBe(file.sha256);
    expect(check.message).toContain('"risk-register.txt"');
    expect(check.message).toContain(file.id);
    expect(check.message).toContain('altered');
    const refused = await world.fail('readEvidenceChunk', { id: file.id, offset: 0 });
    expect(refused).toEqual({ code: 'CONFLICT', message: check.message });

    // Attaching the original again restores the stored copy.
    const again = await world.upload({ auditId: audit.auditId }, bytes, 'risk-register.txt');
    expect(again.sha256).toBe(file.sha256);
    expect((await succeed(world.app, 'verifyEvidenceFile', { id: file.id })).status).toBe('ok');
  });

  it('reports a missing file', async () => {
    await world.actAs(world.people.auditor);
    const file = await world.upload({ auditId: audit.auditId }, Buffer.from('gone soon'), 'g.txt');
    fs.rmSync(storedPath(world.evidenceDirectory, file.sha256));
    const check = await succeed(world.app, 'verifyEvidenceFile', { id: file.id });
    expect(check).toMatchObject({ status: 'missing', actualSha256: null });
    expect(check.message).toContain('"g.txt"');
    expect(check.message).toContain('missing');
    expect((await world.fail('readEvidenceChunk', { id: file.id, offset: 0 })).code).toBe(
      'CONFLICT',
    );
  });

  it('streams a 40 MB file in and out without ever reading it whole', async () => {
    await world.actAs(world.people.auditor);
    const size = 40 * 1024 * 1024;
    const { uploadId, chunkBytes } = await succeed(world.app, 'beginEvidenceUpload', {
      auditId: audit.auditId,
      fileName: 'system-logs.tar',
      mediaType: 'application/x-tar',
      sizeBytes: size,
    });
    const expected = createHash('sha256');
    for (let index = 0; index * chunkBytes < size; index++) {
      const chunk = patternBytes(Math.min(chunkBytes, size - index * chunkBytes), index + 1);
      expected.update(chunk);
      const data = chunk.toString('base64');
      await succeed(world.app, 'appendEvidenceUpload', { uploadId, index, data });
    }
    const file = await succeed(world.app, 'finishEvidenceUpload', { uploadId });
    expect(file.sha256).toBe(expected.digest('hex'));

    const readFile = vi.spyOn(fs, 'readFileSync');
    const readSync = vi.spyOn(fs, 'readSync');
    try {
      const check = await succeed(world.app, 'verifyEvidenceFile', { id: file.id });
      expect(check.status).toBe('ok');
      expect(readFile).not.toHaveBeenCalled();
      // readSync(fd, buffer, offset, length, position): the length asked for at each read.
      const lengths = readSync.mock.calls.map((c) => Number((c as unknown[])[3]));
      expect(lengths.length).toBeGreaterThanOrEqual(size / verifyBufferBytes);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(verifyBufferBytes);
    } finally {
      readFile.mockRestore();
      readSync.mockRestore();
    }
  }, 120_000);

  it('attaches a file from disk through the same path (tests, command line, demo data)', async () => {
    await world.actAs(world.people.expert);
    const source = path.join(root, 'model-card.json');
    const bytes = Buffer.from(JSON.stringify({ model: 'credit-score-v4', owner: 'Risk' }));
    fs.writeFileSync(source, bytes);
    const file = storeEvidenceFromPath(world.app.runtime.context(), {
      auditId: audit.auditId,
      checklistItemId: audit.itemId,
      filePath: source,
    });
    expect(file).toMatchObject({
      fileName: 'model-card.json',
      mediaType: 'application/json',
      sha256: sha256(bytes),
      capturedByName: 'Tess Expert',
    });
  });
});

describe('removing evidence files', () => {
  it('lets the person who attached a file or the lead auditor remove it; the bytes stay', async () => {
    await world.actAs(world.people.auditor);
    const mine = await world.upload({ auditId: audit.auditId }, Buffer.from('mine'), 'mine.txt');
    const other = await world.upload({ auditId: audit.auditId }, Buffer.from('two'), 'two.txt');

    await world.actAs(world.people.expert);
    const refused = await world.fail('removeEvidenceFile', { id: mine.id });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('only the person who attached it (Omar Auditor)');

    await world.actAs(world.people.auditor);
    expect(await succeed(world.app, 'removeEvidenceFile', { id: mine.id })).toBeNull();
    await world.actAs(world.people.lead);
    await succeed(world.app, 'removeEvidenceFile', { id: other.id });

    const ids = (await succeed(world.app, 'listEvidenceFiles', { auditId: audit.auditId })).map(
      (f) => f.id,
    );
    expect(ids).not.toContain(mine.id);
    expect(ids).not.toContain(other.id);
    expect(fs.existsSync(storedPath(world.evidenceDirectory, mine.sha256))).toBe(true);
    expect((await world.fail('removeEvidenceFile', { id: mine.id })).code).toBe('NOT_FOUND');
    expect((await world.fail('readEvidenceChunk', { id: mine.id, offset: 0 })).code).toBe(
      'NOT_FOUND',
    );
    const history = await succeed(world.app, 'clientHistory', { id: world.clientId });
    expect(history.find((e) => e.entityId === other.id && e.field === 'removedAt')).toMatchObject({
      actorName: 'Lena Lead',
      oldValue: null,
    });
  });
});
