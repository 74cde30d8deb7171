import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { historyOf } from '../../electron/services/change-log';
import { catalogueSummary, iso42001Catalogue } from '../../shared/iso42001/catalogue';
import type { CbItemInput } from '../../shared/iso42001/cb-items';
import type { Person } from '../../shared/people/schema';
import {
  fail,
  runCliProcess,
  startApp,
  succeed,
  temporaryFolder,
  tickingClock,
  type TestApp,
} from './helpers';

const root = temporaryFolder('cb-items');
let counter = 0;
let app: TestApp;
let admin: Person;
let databasePath: string;

beforeEach(async () => {
  app?.runtime.close();
  databasePath = path.join(root, `db-${++counter}.sqlite`);
  app = await startApp(databasePath, { now: tickingClock() });
  admin = await succeed(app, 'setupFirstPerson', {
    name: 'Margaret Okafor',
    email: 'margaret@cb.example',
    roles: ['admin'],
  });
});

function sectorQuestion(overrides: Partial<CbItemInput> = {}): CbItemInput {
  return {
    id: 'CB.HEALTH.1',
    kind: 'clause',
    title: 'Clinical safety case',
    parent: '8.4',
    stages: ['stage2'],
    prompt: 'Ask for the clinical safety case of each AI system used in patient care.',
    ...overrides,
  };
}

async function catalogue() {
  return succeed(app, 'requirementCatalogue', undefined);
}

describe("the certification body's own catalogue items", () => {
  it('adds an item to the catalogue new checklists use, under a new catalogue version', async () => {
    expect((await catalogue()).version).toBe(iso42001Catalogue.version);
    const created = await succeed(app, 'createCbItem', sectorQuestion());
    expect(created).toMatchObject({ id: 'CB.HEALTH.1', active: true, position: 1 });
    const second = await succeed(
      app,
      'createCbItem',
      sectorQuestion({
        id: 'CB.HEALTH.2',
        kind: 'control',
        parent: 'A.6.2.4',
        title: 'Clinical validation data',
      }),
    );
    expect(second.position).toBe(2);

    const current = await catalogue();
    expect(current.version).toMatch(/^audit-desk-42001-2023\.1\+cb\.[0-9a-f]{8}$/);
    expect(current.items.length).toBe(iso42001Catalogue.items.length + 2);
    expect(current.items.find((i) => i.id === 'CB.HEALTH.1')).toMatchObject({
      source: 'cb',
      group: '8',
      assessable: true,
      prompt: 'Ask for the clinical safety case of each AI system used in patient care.',
    });
    expect(current.items.find((i) => i.id === 'CB.HEALTH.2')).toMatchObject({ group: 'A.6' });
    expect((await succeed(app, 'listCbItems', undefined)).map((i) => i.id)).toEqual([
      'CB.HEALTH.1',
      'CB.HEALTH.2',
    ]);
    const log = historyOf(app.runtime.database.db, 'CB.HEALTH.1');
    expect(log).toMatchObject([{ entity: 'cb_item', field: 'created', actorId: admin.id }]);
  });

  it('refuses an id of the shipped catalogue or one already used, at the id', async () => {
    const shipped = await fail(app, 'createCbItem', sectorQuestion({ id: '8.4' }));
    expect(shipped).toMatchObject({ code: 'VALIDATION', field: 'id' });
    await succeed(app, 'createCbItem', sectorQuestion());
    const again = await fail(app, 'createCbItem', sectorQuestion({ id: 'CB.Health.1' }));
    expect(again).toMatchObject({ code: 'VALIDATION', field: 'id' });
    expect(again.message).toBe(
      'CB.HEALTH.1 is already used by "Clinical safety case"; choose another id.',
    );
    expect(await succeed(app, 'listCbItems', undefined)).toHaveLength(1);
  });

  it('refuses a parent that is not in the catalogue, and a kind that does not match it', async () => {
    const unknown = await fail(app, 'createCbItem', sectorQuestion({ parent: '11.2' }));
    expect(unknown).toMatchObject({ code: 'VALIDATION', field: 'parent' });
    expect(unknown.message).toMatch(/^11\.2 is not in the catalogue/);
    const kind = await fail(app, 'createCbItem', sectorQuestion({ parent: 'A.6.2.4' }));
    expect(kind).toMatchObject({ code: 'VALIDATION', field: 'kind' });
    const prompt = await fail(app, 'createCbItem', sectorQuestion({ prompt: '  ' }));
    expect(prompt).toMatchObject({ code: 'VALIDATION', field: 'prompt' });
    expect(await succeed(app, 'listCbItems', undefined)).toEqual([]);
    expect((await catalogue()).version).toBe(iso42001Catalogue.version);
  });

  it('changes wording and place but keeps the id, logging each change', async () => {
    await succeed(app, 'createCbItem', sectorQuestion());
    const before = (await catalogue()).version;
    const updated = await succeed(
      app,
      'updateCbItem',
      sectorQuestion({
        title: 'Clinical safety case and hazard log',
        stages: ['stage1', 'stage2'],
      }),
    );
    expect(updated).toMatchObject({
      id: 'CB.HEALTH.1',
      title: 'Clinical safety case and hazard log',
      stages: ['stage1', 'stage2'],
      position: 1,
    });
    const after = (await catalogue()).version;
    expect(after).not.toBe(before);
    const fields = historyOf(app.runtime.database.db, 'CB.HEALTH.1').map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['created', 'title', 'stages']));

    const missing = await fail(app, 'updateCbItem', sectorQuestion({ id: 'CB.NONE.1' }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const under = await fail(app, 'updateCbItem', sectorQuestion({ parent: 'CB.HEALTH.1' }));
    expect(under).toMatchObject({ code: 'VALIDATION', field: 'parent' });
  });

  it('retires an item from new checklists but keeps it listed, and brings it back', async () => {
    await succeed(app, 'createCbItem', sectorQuestion());
    const child = sectorQuestion({
      id: 'CB.HEALTH.1.1',
      parent: 'CB.HEALTH.1',
      title: 'Hazard log',
    });
    await succeed(app, 'createCbItem', child);
    const withBoth = (await catalogue()).version;

    // The parent stays while an active item sits under it.
    const blocked = await fail(app, 'setCbItemActive', { id: 'CB.HEALTH.1', active: false });
    expect(blocked).toMatchObject({ code: 'CONFLICT' });
    expect(blocked.message).toContain('CB.HEALTH.1.1');

    await succeed(app, 'setCbItemActive', { id: 'CB.HEALTH.1.1', active: false });
    const retired = await succeed(app, 'setCbItemActive', { id: 'CB.HEALTH.1', active: false });
    expect(retired.active).toBe(false);
    expect((await catalogue()).version).toBe(iso42001Catalogue.version);
    expect((await catalogue()).items.some((i) => i.source === 'cb')).toBe(false);
    expect((await succeed(app, 'listCbItems', undefined)).map((i) => i.active)).toEqual([
      false,
      false,
    ]);
    // A retired id stays taken: past checklists refer to it.
    const reused = await fail(app, 'createCbItem', sectorQuestion());
    expect(reused.message).toContain('retired');

    const orphan = await fail(app, 'setCbItemActive', { id: 'CB.HEALTH.1.1', active: true });
    expect(orphan).toMatchObject({ code: 'CONFLICT' });
    await succeed(app, 'setCbItemActive', { id: 'CB.HEALTH.1', active: true });
    await succeed(app, 'setCbItemActive', { id: 'CB.HEALTH.1.1', active: true });
    // The same set of items gives the same version again.
    expect((await catalogue()).version).toBe(withBoth);
    const log = historyOf(app.runtime.database.db, 'CB.HEALTH.1');
    expect(log.filter((e) => e.field === 'active').map((e) => e.newValue)).toEqual([
      'true',
      'false',
    ]);
  });

  it('lets an administrator or lead auditor maintain items; anyone signed in reads them', async () => {
    await succeed(app, 'createCbItem', sectorQuestion());
    const auditor = await succeed(app, 'createPerson', {
      name: 'Alex Auditor',
      email: 'alex@cb.example',
      roles: ['auditor'],
    });
    const lead = await succeed(app, 'createPerson', {
      name: 'Lena Lead',
      email: 'lena@cb.example',
      roles: ['lead_auditor'],
    });
    await succeed(app, 'signIn', { personId: auditor.id });
    const refused = await fail(app, 'createCbItem', sectorQuestion({ id: 'CB.HEALTH.2' }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fail(app, 'setCbItemActive', { id: 'CB.HEALTH.1', active: false })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await succeed(app, 'listCbItems', undefined)).toHaveLength(1);
    await succeed(app, 'signIn', { personId: lead.id });
    await succeed(app, 'createCbItem', sectorQuestion({ id: 'CB.HEALTH.2' }));
  });
});

describe('`catalogue` on the command line', () => {
  it('prints the shipped catalogue without --db, and adds the active CB items with --db', async () => {
    await succeed(app, 'createCbItem', sectorQuestion());
    await succeed(app, 'createCbItem', sectorQuestion({ id: 'CB.HEALTH.2', title: 'Retired one' }));
    await succeed(app, 'setCbItemActive', { id: 'CB.HEALTH.2', active: false });
    const version = (await catalogue()).version;
    app.runtime.close();

    const shipped = runCliProcess(['catalogue']);
    expect(shipped.status).toBe(0);
    expect(shipped.json).toEqual(catalogueSummary());

    const withDb = runCliProcess(['catalogue', '--db', databasePath]);
    expect(withDb.status).toBe(0);
    const summary = withDb.json as ReturnType<typeof catalogueSummary>;
    expect(summary.version).toBe(version);
    expect(summary.items.slice(0, -1)).toEqual(catalogueSummary().items);
    expect(summary.items.at(-1)).toEqual({
      id: 'CB.HEALTH.1',
      kind: 'clause',
      title: 'Clinical safety case',
      parent: '8.4',
      stages: ['stage2'],
    });
  });
});
