import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { audits, auditTeamMembers, checklistItems, checklists, findings } from '../../db/schema';
import type { EvidenceChunk, EvidenceFile } from '../../shared/evidence/schema';
import type { Person, Role } from '../../shared/people/schema';
import type { TeamRole } from '../../shared/programme/vocabulary';
import { fail, sampleClient, startApp, succeed, type TestApp } from './helpers';

/**
 * A database with one client, people in every team role and one who is on no team, and audits
 * inserted directly with their team, checklist item and finding: the team and checklist rules are
 * tested elsewhere; here they only have to exist. The clock moves one second per reading and can
 * be pushed forward (stale uploads).
 */
type Cast = Record<'lead' | 'auditor' | 'expert' | 'observer' | 'outsider', Person>;

export class EvidenceWorld {
  private constructor(
    readonly app: TestApp,
    readonly admin: Person,
    readonly clientId: string,
    readonly people: Cast,
    private readonly clock: { ms: number },
  ) {}

  static async start(databasePath: string): Promise<EvidenceWorld> {
    const clock = { ms: Date.parse('2026-03-02T09:00:00.000Z') };
    const app = await startApp(databasePath, { now: () => new Date((clock.ms += 1000)) });
    const admin = await succeed(app, 'setupFirstPerson', {
      name: 'Ana Admin',
      email: 'ana@cb.example',
      roles: ['admin', 'scheduler'],
    });
    const clientId = (await succeed(app, 'createClient', sampleClient())).id;
    const add = (name: string, roles: Role[]) =>
      succeed(app, 'createPerson', {
        name,
        email: `${name.split(' ')[0]?.toLowerCase()}@cb.example`,
        roles,
      });
    const people: Cast = {
      lead: await add('Lena Lead', ['lead_auditor', 'auditor']),
      auditor: await add('Omar Auditor', ['auditor']),
      expert: await add('Tess Expert', ['technical_expert']),
      observer: await add('Otto Observer', ['auditor']),
      outsider: await add('Ines Outsider', ['auditor']),
    };
    return new EvidenceWorld(app, admin, clientId, people, clock);
  }

  advanceClock(ms: number): void {
    this.clock.ms += ms;
  }

  get db() {
    return this.app.runtime.database.db;
  }

  get evidenceDirectory(): string {
    return this.app.runtime.context().evidenceDirectory;
  }

  /** An audit with the standard team, a checklist of one item, and one finding on that item. */
  audit(state: 'planned' | 'in_progress' | 'cancelled' = 'in_progress') {
    const at = '2026-03-01T00:00:00.000Z';
    const stamps = { createdAt: at, updatedAt: at };
    const auditId = uuidv7();
    this.db
      .insert(audits)
      .values({
        id: auditId,
        clientId: this.clientId,
        type: 'stage2',
        cycleNumber: 1,
        state,
        plannedStart: '2026-03-02',
        plannedEnd: '2026-03-03',
        onsiteDays: 2,
        ...stamps,
      })
      .run();
    const team: [Person, TeamRole][] = [
      [this.people.lead, 'lead_auditor'],
      [this.people.auditor, 'auditor'],
      [this.people.expert, 'technical_expert'],
      [this.people.observer, 'observer'],
    ];
    for (const [person, role] of team) {
      this.db
        .insert(auditTeamMembers)
        .values({
          id: uuidv7(),
          auditId,
          personId: person.id,
          role,
          overriddenChecks: [],
          ...stamps,
        })
        .run();
    }
    const checklistId = uuidv7();
    this.db
      .insert(checklists)
      .values({ id: checklistId, auditId, kind: 'full', catalogueVersion: 'test', ...stamps })
      .run();
    const itemId = uuidv7();
    this.db
      .insert(checklistItems)
      .values({
        id: itemId,
        checklistId,
        itemKey: '9.2',
        section: 'clause',
        groupKey: '9',
        position: 1,
        title: 'Internal audit',
        prompt: 'Is the internal audit programme carried out as planned?',
        scale: 'result',
        ...stamps,
      })
      .run();
    const findingId = uuidv7();
    this.db
      .insert(findings)
      .values({
        id: findingId,
        auditId,
        checklistItemId: itemId,
        requirementRef: 'ISO/IEC 42001:2023 9.2',
        statement: 'The internal audit of 2025 did not cover Annex A.',
        objectiveEvidence: 'Internal audit report IA-2025-01.',
        raisedOn: '2026-03-02',
        state: 'open',
        ...stamps,
      })
      .run();
    return { auditId, itemId, findingId };
  }

  async actAs(person: Person): Promise<void> {
    await succeed(this.app, 'signIn', { personId: person.id });
  }

  /** Sends bytes through begin / append (in evidenceChunkBytes slices, base64) / finish. */
  async upload(
    placement: { auditId: string; checklistItemId?: string | null; findingId?: string | null },
    bytes: Buffer,
    fileName = 'evidence.bin',
    mediaType = 'application/octet-stream',
  ): Promise<EvidenceFile> {
    const { uploadId, chunkBytes } = await succeed(this.app, 'beginEvidenceUpload', {
      ...placement,
      fileName,
      mediaType,
      sizeBytes: bytes.length,
    });
    for (let index = 0, start = 0; start < bytes.length; index++, start += chunkBytes) {
      const data = bytes.subarray(start, start + chunkBytes).toString('base64');
      await succeed(this.app, 'appendEvidenceUpload', { uploadId, index, data });
    }
    return succeed(this.app, 'finishEvidenceUpload', { uploadId });
  }

  /** Reads a stored file back through readEvidenceChunk, chunk by chunk. */
  async download(id: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const chunk: EvidenceChunk = await succeed(this.app, 'readEvidenceChunk', { id, offset });
      parts.push(Buffer.from(chunk.data, 'base64'));
      offset = chunk.nextOffset;
    }
    return Buffer.concat(parts);
  }

  fail(method: Parameters<typeof fail>[1], input: unknown) {
    return fail(this.app, method, input);
  }
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Deterministic bytes that are not all alike (so a swapped chunk changes the hash). */
export function patternBytes(length: number, seed = 1): Buffer {
  const out = Buffer.allocUnsafe(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
