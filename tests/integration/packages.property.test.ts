import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { checklistItems } from '../../db/schema';
import type { Person } from '../../shared/people/schema';
import type { PackageConflict, Resolution } from '../../shared/packages/schema';
import { startApp, succeed, temporaryFolder, type TestApp } from './helpers';
import { OfficeAndLaptop } from './package-fixtures';

/**
 * Property (issue 9, section 4): random edits on the office's and the laptop's copy of an audit
 * (answers created and changed on either side, the finding's statement, one of the client's sites
 * renamed or deleted), then a package each way. Every field changed on both sides to different values is reported as a
 * conflict exactly once (on the first import, never on the way back), every other change arrives,
 * and both databases end up holding the same values.
 */
const folder = temporaryFolder('packages-property');
const items = 3;
type Who = 'lead' | 'auditor';
type Field = 'notes' | 'result' | 'statement' | 'siteName' | 'siteDelete';
interface Edit {
  side: 'office' | 'laptop';
  field: Field;
  item: number;
  who: Who;
  value: number;
}

const results = ['conforming', 'nonconformity', null] as const;
const valueOf = (field: Field, v: number): string | null =>
  field === 'result'
    ? (results[v % 3] ?? null)
    : field === 'notes'
      ? `note ${v}`
      : field === 'siteName'
        ? `Lab ${v}`
        : field === 'siteDelete'
          ? null
          : `Statement ${v}: the internal audit missed A.${v}.`;

let templates: {
  office: string;
  laptop: string;
  itemIds: string[];
  findingId: string;
  people: Record<Who, Person>;
  clientId: string;
  labId: string;
  admins: { office: string; laptop: string };
};

beforeAll(async () => {
  const w = await OfficeAndLaptop.start(folder, 'template');
  const at = '2026-03-01T00:00:00.000Z';
  const checklistId = w.office.app.runtime.database.sqlite
    .prepare('SELECT checklist_id FROM checklist_items WHERE id = ?')
    .pluck()
    .get(w.audit.itemId) as string;
  const itemIds = [w.audit.itemId];
  for (let i = 1; i < items; i++) {
    const id = uuidv7();
    w.office.db
      .insert(checklistItems)
      .values({
        id,
        checklistId,
        itemKey: `A.${i}`,
        section: 'control',
        groupKey: 'A',
        position: i + 1,
        title: `Control ${i}`,
        prompt: 'Is it in place?',
        scale: 'result',
        createdAt: at,
        updatedAt: at,
      })
      .run();
    itemIds.push(id);
  }
  await w.sendToLaptop();
  templates = {
    office: w.office.app.runtime.database.path,
    laptop: w.laptop.runtime.database.path,
    itemIds,
    findingId: w.audit.findingId,
    people: { lead: w.people.lead, auditor: w.people.auditor },
    clientId: w.office.clientId,
    labId: w.office.app.runtime.database.sqlite
      .prepare("SELECT id FROM client_sites WHERE name = 'Lab'")
      .pluck()
      .get() as string,
    admins: {
      office: w.office.admin.id,
      laptop: w.laptop.runtime.database.sqlite
        .prepare("SELECT id FROM people WHERE name = 'Laptop Owner'")
        .pluck()
        .get() as string,
    },
  };
  w.close();
}, 60_000);

let run = 0;
async function copyOf(file: string): Promise<TestApp> {
  const target = path.join(folder, `run-${++run}-${path.basename(file)}`);
  fs.copyFileSync(file, target);
  const clock = { ms: Date.parse('2026-03-05T09:00:00.000Z') + run * 1e7 };
  return startApp(target, { now: () => new Date((clock.ms += 1000)) });
}

/** The values the property is about, keyed like the edits: `notes|item|who`, `statement`. */
function snapshot(app: TestApp): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const { sqlite } = app.runtime.database;
  const rows = sqlite
    .prepare('SELECT checklist_item_id, auditor_id, result, notes FROM checklist_answers')
    .all() as {
    checklist_item_id: string;
    auditor_id: string;
    result: string | null;
    notes: string;
  }[];
  for (const r of rows) {
    const item = templates.itemIds.indexOf(r.checklist_item_id);
    const who = (Object.keys(templates.people) as Who[]).find(
      (k) => templates.people[k].id === r.auditor_id,
    );
    if (r.notes !== '') out.set(`notes|${item}|${who}`, r.notes);
    if (r.result !== null) out.set(`result|${item}|${who}`, r.result);
  }
  const site = sqlite
    .prepare('SELECT name FROM client_sites WHERE id = ?')
    .pluck()
    .get(templates.labId) as string | undefined;
  if (site !== undefined) out.set('site', site);
  out.set(
    'statement',
    sqlite
      .prepare('SELECT statement FROM findings WHERE id = ?')
      .pluck()
      .get(templates.findingId) as string,
  );
  return out;
}

const keyOf = (e: Edit) =>
  e.field === 'statement'
    ? 'statement'
    : e.field === 'siteName' || e.field === 'siteDelete'
      ? 'site'
      : `${e.field}|${e.item}|${e.who}`;

async function apply(app: TestApp, edit: Edit, side: 'office' | 'laptop'): Promise<void> {
  if (edit.field === 'siteName' || edit.field === 'siteDelete') {
    await succeed(app, 'signIn', { personId: templates.admins[side] });
    const client = await succeed(app, 'getClient', { id: templates.clientId });
    const sites =
      edit.field === 'siteDelete'
        ? client.sites.filter((site) => site.id !== templates.labId)
        : client.sites.map((site) =>
            site.id === templates.labId ? { ...site, name: `Lab ${edit.value}` } : site,
          );
    await succeed(app, 'updateClient', { id: templates.clientId, patch: { sites } });
    return;
  }
  const person = edit.field === 'statement' ? templates.people.lead : templates.people[edit.who];
  await succeed(app, 'signIn', { personId: person.id });
  const value = valueOf(edit.field, edit.value);
  if (edit.field === 'statement') {
    await succeed(app, 'updateFinding', { id: templates.findingId, statement: value ?? '' });
  } else {
    await succeed(app, 'saveChecklistAnswer', {
      checklistItemId: templates.itemIds[edit.item] ?? '',
      ...(edit.field === 'notes'
        ? { notes: value ?? '' }
        : { result: value as 'conforming' | 'nonconformity' | null }),
    });
  }
}

const editArb = fc.record<Edit>({
  side: fc.constantFrom('office', 'laptop'),
  field: fc.constantFrom('notes', 'result', 'statement', 'siteName', 'siteDelete'),
  item: fc.integer({ min: 0, max: items - 1 }),
  who: fc.constantFrom('lead', 'auditor'),
  value: fc.integer({ min: 0, max: 3 }),
});

async function exportAll(app: TestApp): Promise<string> {
  const auditId = app.runtime.database.sqlite
    .prepare('SELECT id FROM audits')
    .pluck()
    .get() as string;
  await succeed(app, 'signIn', { personId: templates.people.lead.id });
  return (await succeed(app, 'exportAuditPackage', { auditIds: [auditId] })).data;
}

describe('merging audit packages (property)', () => {
  it('converges both ways and reports every conflict exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(editArb, { maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        async (edits, takeTheirs) => {
          const office = await copyOf(templates.office);
          const laptop = await copyOf(templates.laptop);
          try {
            const base = snapshot(office);
            const changed = { office: new Set<string>(), laptop: new Set<string>() };
            const current = { office: new Map(base), laptop: new Map(base) };
            for (const edit of edits) {
              const key = keyOf(edit);
              // A site deleted on that side can no longer be renamed or deleted there.
              if (key === 'site' && (current[edit.side].get('site') ?? null) === null) continue;
              const value = valueOf(edit.field, edit.value);
              const before = current[edit.side].get(key) ?? (edit.field === 'notes' ? '' : null);
              const shownValue = edit.field === 'notes' ? (value ?? '') : value;
              if (shownValue !== before) changed[edit.side].add(key);
              current[edit.side].set(key, shownValue === '' ? null : shownValue);
              if (shownValue === '') current[edit.side].delete(key);
              await apply(edit.side === 'office' ? office : laptop, edit, edit.side);
            }
            const finalOffice = snapshot(office);
            const finalLaptop = snapshot(laptop);
            const expectedConflicts = [...changed.office]
              .filter(
                (k) =>
                  changed.laptop.has(k) &&
                  (finalOffice.get(k) ?? null) !== (finalLaptop.get(k) ?? null),
              )
              .sort();

            // Laptop → office: the conflicts, each resolved one way or the other.
            const fromLaptop = await exportAll(laptop);
            await succeed(office, 'signIn', { personId: templates.people.lead.id });
            const preview = await succeed(office, 'previewAuditPackage', { data: fromLaptop });
            const conflictKeys = preview.conflicts.map((c) => keyOfConflict(c)).sort();
            expect(conflictKeys).toEqual(expectedConflicts);
            const resolutions: Resolution[] = preview.conflicts.map((c, i) => ({
              entity: c.entity,
              id: c.id,
              field: c.field,
              choice: takeTheirs[i % takeTheirs.length] ? 'theirs' : 'mine',
            }));
            await succeed(office, 'importAuditPackage', { data: fromLaptop, resolutions });
            const merged = snapshot(office);
            for (const key of new Set([
              ...finalOffice.keys(),
              ...finalLaptop.keys(),
              ...changed.office,
              ...changed.laptop,
            ])) {
              const conflict = preview.conflicts.findIndex((c) => keyOfConflict(c) === key);
              const expected =
                conflict >= 0
                  ? (takeTheirs[conflict % takeTheirs.length] ? finalLaptop : finalOffice).get(key)
                  : changed.laptop.has(key)
                    ? finalLaptop.get(key)
                    : finalOffice.get(key);
              expect(merged.get(key) ?? null, key).toEqual(expected ?? null);
            }

            // Office → laptop: nothing is reported a second time, and the two now agree.
            const back = await succeed(laptop, 'importAuditPackage', {
              data: await exportAll(office),
            });
            expect(back.conflicts).toEqual([]);
            expect(snapshot(laptop)).toEqual(merged);
            // Importing the laptop's package again changes nothing.
            await succeed(office, 'signIn', { personId: templates.people.lead.id });
            const again = await succeed(office, 'importAuditPackage', { data: fromLaptop });
            expect(again).toMatchObject({ inserted: 0, updated: 0, conflicts: [] });
            expect(snapshot(office)).toEqual(merged);
          } finally {
            office.runtime.close();
            laptop.runtime.close();
          }
        },
      ),
      { numRuns: Number(process.env.PACKAGE_PROPERTY_RUNS ?? 25) },
    );
  }, 240_000);
});

function keyOfConflict(c: PackageConflict): string {
  if (c.entity === 'findings') return 'statement';
  if (c.entity === 'client_sites') return 'site';
  const sqliteRow = c.label; // "Answer <ref> <title> (<name>): <field>"
  const item = templates.itemIds.findIndex((_, i) =>
    sqliteRow.includes(i === 0 ? 'Internal audit' : `Control ${i}`),
  );
  const who = sqliteRow.includes(templates.people.lead.name) ? 'lead' : 'auditor';
  return `${c.field}|${item}|${who}`;
}
