import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Person } from '../../shared/people/schema';
import type { Resolution } from '../../shared/packages/schema';
import { EvidenceWorld } from './evidence-fixtures';
import { startApp, succeed, type TestApp } from './helpers';

/**
 * The office (an EvidenceWorld: client, team, a one-item checklist, a finding) and a laptop: a
 * fresh database whose administrator imports the office's package, as an auditor's laptop would.
 */
export class OfficeAndLaptop {
  private constructor(
    readonly office: EvidenceWorld,
    readonly laptop: TestApp,
    readonly audit: { auditId: string; itemId: string; findingId: string },
  ) {}

  static async start(folder: string, name: string): Promise<OfficeAndLaptop> {
    const office = await EvidenceWorld.start(path.join(folder, `${name}-office.sqlite`));
    const audit = office.audit();
    const clock = { ms: Date.parse('2026-03-02T10:00:00.000Z') };
    // Its own folder: the evidence folder sits beside the database, and the laptop's must be its
    // own, or an evidence file would seem to arrive with a package that never carried it.
    const laptop = await startApp(path.join(folder, `${name}-laptop`, 'laptop.sqlite'), {
      now: () => new Date((clock.ms += 1000)),
    });
    await succeed(laptop, 'setupFirstPerson', {
      name: 'Laptop Owner',
      email: 'laptop@cb.example',
      roles: ['admin', 'auditor'],
    });
    return new OfficeAndLaptop(office, laptop, audit);
  }

  get people() {
    return this.office.people;
  }

  async exportFrom(app: TestApp, auditIds = [this.audit.auditId]): Promise<string> {
    return (await succeed(app, 'exportAuditPackage', { auditIds })).data;
  }

  async as(app: TestApp, person: Person): Promise<void> {
    await succeed(app, 'signIn', { personId: person.id });
  }

  async answer(
    app: TestApp,
    person: Person,
    fields: { notes?: string; result?: 'conforming' | 'nonconformity' | null },
  ) {
    await this.as(app, person);
    return succeed(app, 'saveChecklistAnswer', { checklistItemId: this.audit.itemId, ...fields });
  }

  async importInto(app: TestApp, data: string, resolutions: Resolution[] = []) {
    return succeed(app, 'importAuditPackage', { data, resolutions });
  }

  /** Copies the office's package to the laptop: what the auditor takes on site. */
  async sendToLaptop(): Promise<void> {
    const data = await this.exportFrom(this.office.app);
    await this.importInto(this.laptop, data);
  }

  close(): void {
    this.office.app.runtime.close();
    this.laptop.runtime.close();
  }
}

/** The same package with one byte of one of its files changed, and re-zipped. */
export async function tamperedPackage(data: string, file = 'data.json'): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(data, 'base64'));
  const entry = zip.file(file);
  if (!entry) throw new Error(`no ${file} in the package`);
  const bytes = Buffer.from(await entry.async('nodebuffer'));
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  zip.file(file, bytes);
  return (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
}

/** Rows of a table as both databases hold them, for comparing (volatile columns left out). */
export function tableRows(
  app: TestApp,
  table: string,
  skip: string[] = [],
): Record<string, unknown>[] {
  const rows = app.runtime.database.sqlite
    .prepare(`SELECT * FROM "${table}" ORDER BY 1`)
    .all() as Record<string, unknown>[];
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !skip.includes(k))));
}

export function writePackageFile(folder: string, name: string, data: string): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, Buffer.from(data, 'base64'));
  return file;
}
