import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/services/seed';
import { demoCache, openDemoCopy } from './fixtures/seeded-demo';
import { startApp, succeed, temporaryFolder, tickingClock } from './helpers';

const root = temporaryFolder('seed-programme');
let counter = 0;

const clockStart = '2026-03-02T09:00:00.000Z';

async function freshApp() {
  const app = await startApp(path.join(root, `db-${++counter}.sqlite`), {
    now: tickingClock(clockStart),
  });
  app.runtime.actAs(null, true);
  return app;
}

describe('the demo programme', () => {
  type App = Awaited<ReturnType<typeof freshApp>>;
  const all = <T>(app: App, sql: string): T[] =>
    app.runtime.database.sqlite.prepare(sql).all() as T[];

  const demo = demoCache(root);

  /** The demo seeded as of `today`: a copy of the file's one seed for that day, or a new seed. */
  async function demoAsOf(today: string, fresh = false) {
    let app: App;
    if (fresh) {
      app = await freshApp();
      await seedDemo(app.runtime.context(), { today });
    } else {
      app = await openDemoCopy(await demo(clockStart, today));
    }
    const overview = await succeed(app, 'programmeOverview', { today });
    return { app, overview };
  }

  // Month ends, a leap day and mid-month: the states hold whatever day the demo is seeded on.
  for (const today of ['2026-03-31', '2024-02-29', '2026-07-15', '2026-12-31', '2027-01-01']) {
    it(`has a client in every state of the programme when seeded on ${today}`, async () => {
      const { app, overview } = await demoAsOf(today);
      const seen = new Set(overview.events.map((e) => `${e.event} ${e.state}`));
      for (const wanted of [
        'surveillance1 planned',
        'surveillance1 due',
        'surveillance1 overdue',
        'surveillance2 planned',
        'surveillance2 due',
        'surveillance2 overdue',
        'recertification planned',
        'recertification due',
        'recertification overdue',
        'expiry due',
        'restoration overdue',
        'stage1 due',
        'stage1 planned',
        'stage2 due',
        'stage2 overdue',
        'certificationDecision due',
      ]) {
        expect(seen, wanted).toContain(wanted);
      }
      const statuses = new Set(overview.events.map((e) => e.certificateStatus));
      expect(statuses).toEqual(
        new Set([null, 'active', 'suspensionRequired', 'expiredRestorable']),
      );
      expect(overview.events.some((e) => e.cycleNumber === 2)).toBe(true);
      expect(overview.events.some((e) => e.event === 'cycleRecords')).toBe(false);
      expect(overview.counts.doneThisMonth).toBeGreaterThanOrEqual(0);
      app.runtime.close();
    });
  }

  it('gives the auditing staff competence, languages and qualifications, one absence and one declaration', async () => {
    const { app } = await demoAsOf('2026-03-31');
    const count = (table: string) =>
      all<{ n: number }>(app, `SELECT COUNT(DISTINCT person_id) AS n FROM ${table}`)[0]?.n;
    expect(count('person_competences')).toBe(6);
    expect(count('person_qualifications')).toBe(6);
    expect(all(app, 'SELECT * FROM person_unavailability')).toHaveLength(1);
    expect(all(app, 'SELECT * FROM impartiality_declarations')).toHaveLength(1);
    const withLanguages = all<{ languages: string }>(
      app,
      "SELECT languages FROM people WHERE languages <> '[]'",
    );
    expect(withLanguages).toHaveLength(6);
    const unreviewed = all<{ status: string }>(
      app,
      "SELECT status FROM clients WHERE required_competence_areas = '[]'",
    );
    expect(new Set(unreviewed.map((c) => c.status))).toEqual(new Set(['prospect']));
    app.runtime.close();
  });

  it('books teams as the rules want: one lead, competent, free, impartial', async () => {
    const { app } = await demoAsOf('2026-03-31');
    const audits = all<{
      id: string;
      client_id: string;
      start: string;
      end: string;
      areas: string;
    }>(
      app,
      `SELECT a.id, a.client_id, a.planned_start AS start, a.planned_end AS end,
              c.required_competence_areas AS areas
       FROM audits a JOIN clients c ON c.id = a.client_id WHERE a.state <> 'cancelled'`,
    );
    const members = all<{ audit_id: string; person_id: string; role: string }>(
      app,
      'SELECT audit_id, person_id, role FROM audit_team_members',
    );
    const competences = all<{ person_id: string; area: string }>(
      app,
      'SELECT person_id, area FROM person_competences',
    );
    const away = all<{ person_id: string; from_date: string; to_date: string }>(
      app,
      'SELECT person_id, from_date, to_date FROM person_unavailability',
    );
    const declared = all<{ person_id: string; client_id: string }>(
      app,
      'SELECT person_id, client_id FROM impartiality_declarations',
    );
    for (const audit of audits) {
      const team = members.filter((m) => m.audit_id === audit.id);
      expect(team.filter((m) => m.role === 'lead_auditor')).toHaveLength(1);
      const covered = new Set(
        competences.filter((c) => team.some((m) => m.person_id === c.person_id)).map((c) => c.area),
      );
      for (const area of JSON.parse(audit.areas) as string[]) expect(covered).toContain(area);
      for (const member of team) {
        expect(declared).not.toContainEqual({
          person_id: member.person_id,
          client_id: audit.client_id,
        });
        for (const a of away.filter((x) => x.person_id === member.person_id)) {
          expect(audit.end < a.from_date || audit.start > a.to_date).toBe(true);
        }
        const overlapping = audits.filter(
          (other) =>
            other.id !== audit.id &&
            other.start <= audit.end &&
            other.end >= audit.start &&
            members.some((m) => m.audit_id === other.id && m.person_id === member.person_id),
        );
        expect(overlapping).toEqual([]);
      }
    }
    app.runtime.close();
  });

  it('is the same on every run for the same day', async () => {
    // Two separate seeds: the file's shared one and a new one.
    const first = await demoAsOf('2026-03-31');
    const second = await demoAsOf('2026-03-31', true);
    const withoutIds = (events: typeof first.overview.events) =>
      events.map(({ clientId: _c, plannedAudit, ...rest }) => ({
        ...rest,
        plannedAudit: plannedAudit && {
          start: plannedAudit.start,
          team: plannedAudit.team.map((m) => m.name),
        },
      }));
    expect(withoutIds(second.overview.events)).toEqual(withoutIds(first.overview.events));
    first.app.runtime.close();
    second.app.runtime.close();
  });
});
