import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  defaultAuditTimeTable,
  defaultAuditTimeTableVersion,
  type AuditTimeTable,
} from '../../shared/audit-time';
import type { Person, Role } from '../../shared/people/schema';
import { latestApprovedAuditTime } from '../../electron/services/audit-time';
import {
  fail,
  sampleClient,
  startApp,
  succeed,
  temporaryFolder,
  tickingClock,
  type TestApp,
} from './helpers';

const root = temporaryFolder('audit-time');
let counter = 0;
let app: TestApp;
let admin: Person;
let clientId: string;

beforeEach(async () => {
  app?.runtime.close();
  app = await startApp(path.join(root, `db-${++counter}.sqlite`), { now: tickingClock() });
  admin = await succeed(app, 'setupFirstPerson', {
    name: 'Margaret Okafor',
    email: 'margaret@cb.example',
    roles: ['admin'],
  });
  // Head office 120 + lab 30 full-time: 150 persons on two sites.
  clientId = (await succeed(app, 'createClient', sampleClient())).id;
});

async function person(name: string, roles: Role[]): Promise<Person> {
  await succeed(app, 'signIn', { personId: admin.id });
  const email = `${name.split(' ')[0]?.toLowerCase() ?? 'x'}@cb.example`;
  return succeed(app, 'createPerson', { name, email, roles });
}

const signIn = (p: Person) => succeed(app, 'signIn', { personId: p.id });

const entry = {
  aiRole: 'developerProviderUser' as const,
  personnel: { fullTime: 150 },
  sites: 2,
  factors: [{ code: 'AI_HIGH_IMPACT', percent: 20, reason: 'Credit scoring affects applicants.' }],
};

/** The shipped table with the producer column raised by one day from band 3 on. */
function editedTable(version: string): AuditTimeTable & { effectiveDate: string } {
  return {
    ...defaultAuditTimeTable,
    version,
    bands: defaultAuditTimeTable.bands.map((band, i) => ({
      ...band,
      developerProviderUser: i >= 3 ? band.developerProviderUser + 1 : band.developerProviderUser,
      source: i >= 3 ? 'ourChoice' : band.source,
    })),
    effectiveDate: '2026-04-01',
  };
}

describe('audit-time tables', () => {
  it('ship the default version, current, in a fresh database', async () => {
    const tables = await succeed(app, 'listAuditTimeTables', {});
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ version: defaultAuditTimeTableVersion, isCurrent: true });
    const current = await succeed(app, 'currentAuditTimeTable', {});
    expect(current.table).toEqual(defaultAuditTimeTable);
  });

  it('refuse a new version with a bad band, naming the JSON path of the field', async () => {
    const table = editedTable('cb-2026.1');
    const bands = table.bands.map((b, i) => (i === 3 ? { ...b, producer: 5 } : b));
    const error = await fail(app, 'createAuditTimeTable', { ...table, bands });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'bands[3].producer' });
    expect(error.message).toContain('More persons may not mean fewer days');

    const gap = table.bands.map((b, i) => (i === 5 ? { ...b, min: b.min + 1 } : b));
    expect(await fail(app, 'createAuditTimeTable', { ...table, bands: gap })).toMatchObject({
      field: 'bands[5].min',
    });
    const factors = [{ ...table.factors[0], min: 40, max: 10 }, ...table.factors.slice(1)];
    expect(await fail(app, 'createAuditTimeTable', { ...table, factors })).toMatchObject({
      field: 'factors[0].min',
    });
    expect(
      await fail(app, 'createAuditTimeTable', { ...table, effectiveDate: '2026-02-30' }),
    ).toMatchObject({ field: 'effectiveDate' });
    expect(
      await fail(app, 'createAuditTimeTable', editedTable(defaultAuditTimeTableVersion)),
    ).toMatchObject({ code: 'CONFLICT', field: 'version' });
  });

  it('are created and made current by administrators only, and the change is logged', async () => {
    const lead = await person('Lena Lead', ['lead_auditor']);
    await signIn(lead);
    expect((await fail(app, 'createAuditTimeTable', editedTable('cb-2026.1'))).code).toBe(
      'FORBIDDEN',
    );
    await signIn(admin);
    const created = await succeed(app, 'createAuditTimeTable', editedTable('cb-2026.1'));
    expect(created).toMatchObject({ isCurrent: false, createdByName: 'Margaret Okafor' });
    await signIn(lead);
    expect((await fail(app, 'makeAuditTimeTableCurrent', { id: created.id })).code).toBe(
      'FORBIDDEN',
    );
    await signIn(admin);
    await succeed(app, 'makeAuditTimeTableCurrent', { id: created.id });
    const tables = await succeed(app, 'listAuditTimeTables', {});
    expect(tables.filter((t) => t.isCurrent).map((t) => t.version)).toEqual(['cb-2026.1']);
    const log = app.runtime.database.sqlite
      .prepare("SELECT field, new_value FROM change_log WHERE entity = 'audit_time_table'")
      .all();
    expect(log).toEqual(
      expect.arrayContaining([
        { field: 'created', new_value: expect.stringContaining('cb-2026.1') },
        { field: 'isCurrent', new_value: 'true' },
        { field: 'isCurrent', new_value: 'false' },
      ]),
    );
  });
});

describe('saved audit-time results', () => {
  it('record the table version, input with reasons, output, who and when', async () => {
    const saved = await succeed(app, 'saveAuditTime', { clientId, ...entry });
    expect(saved).toMatchObject({
      tableVersion: defaultAuditTimeTableVersion,
      auditType: 'initial',
      approvalState: 'notRequired',
      createdBy: { id: admin.id, name: 'Margaret Okafor' },
      usableForPlanning: true,
    });
    // 150 persons → 126-175 band, 9 days; +20% → 10.8 → 11; Stage 1 3.5 (3.67), Stage 2 7.5 + 0.5
    expect(saved.output).toMatchObject({ baseDays: 9, adjustedDays: 11, initialTotalDays: 11.5 });
    expect(saved.calculatedDays).toBe(11.5);
    expect(saved.input.factors[0]?.reason).toBe('Credit scoring affects applicants.');
    const listed = await succeed(app, 'listAuditTimeResults', { clientId });
    expect(listed.map((r) => r.id)).toEqual([saved.id]);
    const history = await succeed(app, 'clientHistory', { id: clientId });
    expect(history.some((h) => h.entity === 'audit_time_result' && h.field === 'created')).toBe(
      true,
    );
  });

  it('refuse a factor outside its range at its field, and a factor without a reason', async () => {
    const bad = { ...entry, factors: [{ ...entry.factors[0], percent: 60 }] };
    expect(await fail(app, 'saveAuditTime', { clientId, ...bad })).toMatchObject({
      code: 'VALIDATION',
      field: 'factors[0].percent',
      message: 'AI_HIGH_IMPACT lies between 10% and 50%; 60% is outside that range.',
    });
    const noReason = { ...entry, factors: [{ code: 'AI_HIGH_IMPACT', percent: 20, reason: ' ' }] };
    expect(await fail(app, 'saveAuditTime', { clientId, ...noReason })).toMatchObject({
      field: 'factors[0].reason',
    });
  });

  it('may be saved by lead auditors and administrators, not by schedulers', async () => {
    const scheduler = await person('Sam Scheduler', ['scheduler']);
    await signIn(scheduler);
    expect((await fail(app, 'saveAuditTime', { clientId, ...entry })).code).toBe('FORBIDDEN');
    // Anyone working may preview without saving; the calculator itself takes no reasons.
    const request = { ...entry, factors: [{ code: 'AI_HIGH_IMPACT', percent: 20 }] };
    expect((await succeed(app, 'previewAuditTime', request)).initialTotalDays).toBe(11.5);
  });

  it('keep their table version after a new version becomes current, and recompute side by side', async () => {
    const saved = await succeed(app, 'saveAuditTime', { clientId, ...entry });
    const unchanged = await succeed(app, 'recomputeAuditTime', { id: saved.id });
    expect(unchanged.tableChanged).toBe(false);

    const created = await succeed(app, 'createAuditTimeTable', editedTable('cb-2026.1'));
    await succeed(app, 'makeAuditTimeTableCurrent', { id: created.id });

    const again = await succeed(app, 'getAuditTimeResult', { id: saved.id });
    expect(again.tableVersion).toBe(defaultAuditTimeTableVersion);
    expect(again.output).toEqual(saved.output);

    const side = await succeed(app, 'recomputeAuditTime', { id: saved.id });
    expect(side).toMatchObject({ currentTableVersion: 'cb-2026.1', tableChanged: true });
    expect(side.saved.output.baseDays).toBe(9);
    if (!side.recomputed.ok) throw new Error(side.recomputed.error.message);
    expect(side.recomputed.value).toMatchObject({ tableVersion: 'cb-2026.1', baseDays: 10 });

    // New calculations use the new version.
    const next = await succeed(app, 'saveAuditTime', { clientId, ...entry });
    expect(next.tableVersion).toBe('cb-2026.1');
  });

  it('say why a saved input cannot be recomputed when the new table dropped its factor', async () => {
    const saved = await succeed(app, 'saveAuditTime', { clientId, ...entry });
    const table = editedTable('cb-2026.2');
    const factors = table.factors.filter((f) => f.code !== 'AI_HIGH_IMPACT');
    const created = await succeed(app, 'createAuditTimeTable', { ...table, factors });
    await succeed(app, 'makeAuditTimeTableCurrent', { id: created.id });
    const side = await succeed(app, 'recomputeAuditTime', { id: saved.id });
    expect(side.recomputed).toMatchObject({ ok: false, error: { field: 'factors[0].code' } });
  });
});

describe('an override of the days', () => {
  it('is pending until a different scheduler or decision maker approves it', async () => {
    const saved = await succeed(app, 'saveAuditTime', { clientId, ...entry });
    // Lena is lead auditor and also schedules, to show the same-person rule is about the person.
    const lead = await person('Lena Lead', ['lead_auditor', 'scheduler']);
    const auditor = await person('Ari Auditor', ['auditor']);
    const decider = await person('Dana Decider', ['decision_maker']);

    await signIn(auditor);
    const notLead = await fail(app, 'overrideAuditTime', { id: saved.id, days: 13, reason: 'x' });
    expect(notLead.code).toBe('FORBIDDEN');

    await signIn(lead);
    const same = await fail(app, 'overrideAuditTime', {
      id: saved.id,
      days: saved.calculatedDays,
      reason: 'No change',
    });
    expect(same).toMatchObject({ code: 'VALIDATION', field: 'days' });
    expect(
      await fail(app, 'overrideAuditTime', { id: saved.id, days: 12.3, reason: 'x' }),
    ).toMatchObject({ field: 'days' });
    const pending = await succeed(app, 'overrideAuditTime', {
      id: saved.id,
      days: 13,
      reason: 'Three data centres to visit in the lab site.',
    });
    expect(pending).toMatchObject({
      approvalState: 'pending',
      override: { days: 13, by: { id: lead.id, name: 'Lena Lead' } },
      effectiveDays: 11.5,
      usableForPlanning: false,
    });
    expect(latestApprovedAuditTime(app.runtime.database.db, clientId)).toBeNull();

    const self = await fail(app, 'decideAuditTimeOverride', {
      id: saved.id,
      decision: 'approved',
      note: '',
    });
    expect(self.code).toBe('FORBIDDEN');
    expect(self.message).toContain('Lena Lead made this override and cannot also approve');

    await signIn(auditor);
    const wrongRole = await fail(app, 'decideAuditTimeOverride', {
      id: saved.id,
      decision: 'approved',
      note: '',
    });
    expect(wrongRole.code).toBe('FORBIDDEN');
    expect(wrongRole.message).toContain('scheduler or decision_maker');

    await signIn(decider);
    expect(
      await fail(app, 'decideAuditTimeOverride', { id: saved.id, decision: 'rejected', note: '' }),
    ).toMatchObject({ code: 'VALIDATION', field: 'note' });
    const approved = await succeed(app, 'decideAuditTimeOverride', {
      id: saved.id,
      decision: 'approved',
      note: 'Agreed: the lab runs three data centres.',
    });
    expect(approved).toMatchObject({
      approvalState: 'approved',
      decision: { by: { name: 'Dana Decider' }, note: 'Agreed: the lab runs three data centres.' },
      effectiveDays: 13,
      usableForPlanning: true,
    });
    expect(latestApprovedAuditTime(app.runtime.database.db, clientId)).toMatchObject({
      id: saved.id,
      effectiveDays: 13,
    });
    const again = await fail(app, 'decideAuditTimeOverride', {
      id: saved.id,
      decision: 'rejected',
      note: 'late',
    });
    expect(again.code).toBe('CONFLICT');

    const log = app.runtime.database.sqlite
      .prepare(
        "SELECT field, new_value AS value, actor_id AS actor FROM change_log WHERE entity = 'audit_time_result' AND field = 'approvalState' ORDER BY at",
      )
      .all();
    expect(log).toEqual([
      { field: 'approvalState', value: 'pending', actor: lead.id },
      { field: 'approvalState', value: 'approved', actor: decider.id },
    ]);
  });

  it('when rejected does not count, and the newest result that counts is used', async () => {
    const first = await succeed(app, 'saveAuditTime', { clientId, ...entry });
    const second = await succeed(app, 'saveAuditTime', {
      clientId,
      ...entry,
      auditType: 'surveillance',
    });
    const lead = await person('Lena Lead', ['lead_auditor']);
    const scheduler = await person('Sam Scheduler', ['scheduler']);
    await signIn(lead);
    await succeed(app, 'overrideAuditTime', { id: second.id, days: 6, reason: 'More sites.' });
    await signIn(scheduler);
    const rejected = await succeed(app, 'decideAuditTimeOverride', {
      id: second.id,
      decision: 'rejected',
      note: 'The sample already covers the sites.',
    });
    expect(rejected).toMatchObject({ approvalState: 'rejected', usableForPlanning: false });
    const db = app.runtime.database.db;
    expect(latestApprovedAuditTime(db, clientId)?.id).toBe(first.id);
    expect(latestApprovedAuditTime(db, clientId, 'surveillance')).toBeNull();
    expect(latestApprovedAuditTime(db, clientId, 'initial')?.effectiveDays).toBe(11.5);
  });
});
