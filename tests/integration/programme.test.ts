import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedClients } from '../../electron/services/seed';
import { addCalendarDays } from '../../shared/cycle';
import { byUrgency } from '../../shared/programme/next-event';
import { demoCache, openDemoCopy } from './fixtures/seeded-demo';
import { parseIcs } from './ics-check';
import { fail, startApp, succeed, temporaryFolder, type TestApp } from './helpers';

const root = temporaryFolder('programme');
const today = '2026-03-31';
let counter = 0;

const demo = demoCache(root);

/** A private copy of the demo seeded as of `today` (seeded once for the file). */
async function demoApp(): Promise<TestApp> {
  return openDemoCopy(await demo(`${today}T09:00:00.000Z`, today));
}

function rows<T>(app: TestApp, sql: string, ...params: unknown[]): T[] {
  return app.runtime.database.sqlite.prepare(sql).all(...params) as T[];
}

const compact = (day: string) => day.replace(/-/g, '');

describe('the programme from a real database', () => {
  it('lists each applicant’s, certified and suspended client’s next event, most urgent first', async () => {
    const app = await demoApp();
    const overview = await succeed(app, 'programmeOverview', { today });
    const inProgramme = rows<{ n: number }>(
      app,
      "SELECT COUNT(*) AS n FROM clients WHERE status IN ('applicant', 'certified', 'suspended')",
    )[0]?.n;
    expect(overview.events).toHaveLength(inProgramme ?? -1);
    expect([...overview.events].sort(byUrgency)).toEqual(overview.events);
    const { counts } = overview;
    expect(counts.overdue + counts.due + counts.planned).toBe(overview.events.length);
    expect(counts.overdue).toBe(overview.events.filter((e) => e.state === 'overdue').length);
    app.runtime.close();
  });

  it('shows a surveillance as overdue once the as-of day passes the end of its window', async () => {
    const app = await demoApp();
    const { events } = await succeed(app, 'programmeOverview', { today });
    const due = events.find((e) => e.event === 'surveillance1' && e.state === 'due');
    if (!due?.windowEnd) throw new Error('no due surveillance in the demo');
    const later = await succeed(app, 'programmeOverview', {
      today: addCalendarDays(due.windowEnd, 1),
    });
    const same = later.events.find((e) => e.clientId === due.clientId);
    expect(same).toMatchObject({ event: 'surveillance1', state: 'overdue' });
    expect(same?.consequence).toMatch(/suspension to be considered/);
    app.runtime.close();
  });

  it('puts a month’s audits on the calendar and books their days to the team', async () => {
    const app = await demoApp();
    const month = '2026-04';
    const audits = await succeed(app, 'programmeCalendar', { month });
    const expected = rows<{ id: string }>(
      app,
      "SELECT id FROM audits WHERE state <> 'cancelled' AND planned_start <= '2026-04-30' AND planned_end >= '2026-04-01' ORDER BY planned_start",
    );
    expect(audits.map((a) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
    expect(audits.length).toBeGreaterThan(0);
    for (const audit of audits) {
      expect(audit.team[0]?.role).toBe('lead_auditor');
      expect(audit.legalName).not.toBe('');
    }

    const utilisation = await succeed(app, 'programmeUtilisation', { from: month, months: 1 });
    const booked = rows<{ person_id: string; days: number }>(
      app,
      `SELECT m.person_id, SUM(julianday(MIN(a.planned_end, '2026-04-30')) - julianday(MAX(a.planned_start, '2026-04-01')) + 1) AS days
       FROM audit_team_members m JOIN audits a ON a.id = m.audit_id
       WHERE a.state <> 'cancelled' AND a.planned_start <= '2026-04-30' AND a.planned_end >= '2026-04-01'
       GROUP BY m.person_id`,
    );
    expect(Object.fromEntries(utilisation.map((u) => [u.personId, u.days]))).toEqual(
      Object.fromEntries(booked.map((b) => [b.person_id, b.days])),
    );
    app.runtime.close();
  });

  it('needs someone working, and checks today and the month', async () => {
    const app = await demoApp();
    expect(await fail(app, 'programmeOverview', { today: '2026-02-30' })).toMatchObject({
      code: 'VALIDATION',
      field: 'today',
    });
    expect(await fail(app, 'programmeCalendar', { month: '2026-13' })).toMatchObject({
      field: 'month',
    });
    app.runtime.actAs(null);
    expect(await fail(app, 'programmeOverview', { today })).toMatchObject({ code: 'FORBIDDEN' });
    app.runtime.close();
  });

  it('handles 10,000 generated clients with one query per table', async () => {
    const app = await startApp(path.join(root, `db-${++counter}.sqlite`));
    app.runtime.actAs(null, true);
    seedClients(app.runtime.context(), 10_000);
    const overview = await succeed(app, 'programmeOverview', { today });
    const inProgramme = rows<{ n: number }>(
      app,
      "SELECT COUNT(*) AS n FROM clients WHERE status IN ('applicant', 'certified', 'suspended')",
    )[0]?.n;
    expect(overview.events).toHaveLength(inProgramme ?? -1);
    app.runtime.close();
  });
});

describe('calendar files', () => {
  it('exports one audit with all its days, its sites, client, type and team, under a stable UID', async () => {
    const app = await demoApp();
    const [audit] = rows<{ id: string; planned_start: string; planned_end: string }>(
      app,
      `SELECT a.id, a.planned_start, a.planned_end FROM audits a
       WHERE a.type = 'recertification' AND a.state = 'confirmed' LIMIT 1`,
    );
    if (!audit) throw new Error('no confirmed recertification in the demo');
    const first = await succeed(app, 'auditCalendarFile', { id: audit.id });
    const second = await succeed(app, 'auditCalendarFile', { id: audit.id });
    expect(first.fileName).toMatch(/^c-\d{4}-\d{4}-recertification-\d{4}-\d{2}-\d{2}\.ics$/);

    const [event] = parseIcs(first.text).events;
    const [again] = parseIcs(second.text).events;
    expect(parseIcs(first.text).events).toHaveLength(1);
    expect(event?.get('UID')?.value).toBe(`audit-${audit.id}@audit-desk`);
    expect(again?.get('UID')?.value).toBe(event?.get('UID')?.value);
    // A later export is a newer revision, so calendars update the event they have.
    expect(Number(again?.get('SEQUENCE')?.value)).toBeGreaterThan(
      Number(event?.get('SEQUENCE')?.value),
    );
    expect(event?.get('DTSTART')).toMatchObject({
      params: { VALUE: 'DATE' },
      value: compact(audit.planned_start),
    });
    expect(event?.get('DTEND')?.value).toBe(compact(addCalendarDays(audit.planned_end, 1)));
    expect(event?.get('STATUS')?.value).toBe('CONFIRMED');

    const sites = rows<{ address: string }>(
      app,
      'SELECT s.address FROM audit_sites x JOIN client_sites s ON s.id = x.site_id WHERE x.audit_id = ?',
      audit.id,
    );
    for (const site of sites) expect(event?.text('LOCATION')).toContain(site.address);
    const team = rows<{ name: string }>(
      app,
      'SELECT p.name FROM audit_team_members m JOIN people p ON p.id = m.person_id WHERE m.audit_id = ?',
      audit.id,
    );
    const [client] = rows<{ legal_name: string }>(
      app,
      'SELECT c.legal_name FROM clients c JOIN audits a ON a.client_id = c.id WHERE a.id = ?',
      audit.id,
    );
    const description = event?.text('DESCRIPTION') ?? '';
    expect(description).toContain(`Client: ${client?.legal_name}`);
    expect(description).toContain('Audit: Recertification, cycle 1 (Confirmed)');
    expect(description).toMatch(/Team: .*\(Lead auditor\)/);
    for (const member of team) expect(description).toContain(member.name);
    app.runtime.close();
  });

  it('exports every non-cancelled audit of a person; a cancelled audit leaves it and exports as cancelled', async () => {
    const app = await demoApp();
    const [person] = rows<{ id: string }>(
      app,
      "SELECT id FROM people WHERE email = 'chloe.martin@northbridge-cert.example'",
    );
    if (!person) throw new Error('no Chloé in the demo');
    const audits = rows<{ id: string }>(
      app,
      "SELECT a.id FROM audits a JOIN audit_team_members m ON m.audit_id = a.id WHERE m.person_id = ? AND a.state <> 'cancelled'",
      person.id,
    );
    const file = await succeed(app, 'personCalendarFile', { id: person.id });
    expect(file.fileName).toBe('audits-chloe-martin.ics');
    const uids = parseIcs(file.text).events.map((e) => e.get('UID')?.value);
    expect([...uids].sort()).toEqual(audits.map((a) => `audit-${a.id}@audit-desk`).sort());
    const again = await succeed(app, 'personCalendarFile', { id: person.id });
    expect(parseIcs(again.text).events.map((e) => e.get('UID')?.value)).toEqual(uids);

    const cancelled = audits[0]?.id ?? '';
    app.runtime.database.sqlite
      .prepare("UPDATE audits SET state = 'cancelled' WHERE id = ?")
      .run(cancelled);
    const after = await succeed(app, 'personCalendarFile', { id: person.id });
    expect(parseIcs(after.text).events.map((e) => e.get('UID')?.value)).not.toContain(
      `audit-${cancelled}@audit-desk`,
    );
    const single = await succeed(app, 'auditCalendarFile', { id: cancelled });
    expect(parseIcs(single.text).events[0]?.get('STATUS')?.value).toBe('CANCELLED');
    app.runtime.close();
  });

  it('says why when there is nothing to export', async () => {
    const app = await demoApp();
    const [admin] = rows<{ id: string }>(app, "SELECT id FROM people WHERE roles LIKE '%admin%'");
    expect(await fail(app, 'personCalendarFile', { id: admin?.id ?? '' })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/is on no audit team yet/),
    });
    expect(await fail(app, 'auditCalendarFile', { id: 'no-such-audit' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    app.runtime.close();
  });
});
