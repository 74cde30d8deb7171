import { describe, expect, it } from 'vitest';
import { demoCache, openDemoCopy } from './fixtures/seeded-demo';
import { temporaryFolder } from './helpers';

const root = temporaryFolder('seed-checklist-dates');
/** The demo seeded once for both tests (today from the clock); each reads its own copy. */
const demo = demoCache(root);

describe('the demo checklists and findings', () => {
  it('date no answer, evidence entry or finding of an audit under way after today', async () => {
    const app = await openDemoCopy(await demo('2026-11-23T14:00:00.000Z'));
    const { sqlite } = app.runtime.database;
    const latest = (sql: string) => (sqlite.prepare(sql).get() as { day: string | null }).day;
    // The demo has a Stage 2 under way today (started yesterday, ends tomorrow) with answers.
    const underWay = sqlite
      .prepare(
        `SELECT COUNT(*) AS n FROM checklist_answers a
           JOIN checklist_items i ON i.id = a.checklist_item_id
           JOIN checklists c ON c.id = i.checklist_id
           JOIN audits au ON au.id = c.audit_id
          WHERE au.state = 'in_progress' AND au.planned_end > '2026-11-23'`,
      )
      .get() as { n: number };
    expect(underWay.n).toBeGreaterThan(0);
    const today = '2026-11-23';
    const days = [
      latest('SELECT MAX(substr(answered_at, 1, 10)) AS day FROM checklist_answers'),
      latest('SELECT MAX(substr(created_at, 1, 10)) AS day FROM checklist_evidence'),
      latest('SELECT MAX(raised_on) AS day FROM findings'),
    ];
    for (const day of days) {
      expect(day).not.toBeNull();
      expect(day && day <= today, `${day} is after ${today}`).toBe(true);
    }
    app.runtime.close();
  });

  it('cite every requirement as the checklist and the requirement picker do', async () => {
    const app = await openDemoCopy(await demo('2026-11-23T14:00:00.000Z'));
    const refs = (
      app.runtime.database.sqlite
        .prepare('SELECT DISTINCT requirement_ref AS ref FROM findings')
        .all() as {
        ref: string;
      }[]
    ).map((r) => r.ref);
    expect(refs.length).toBeGreaterThan(3);
    for (const ref of refs) expect(ref).toMatch(/^ISO\/IEC 42001:2023 (Annex A A\.)?\d/);
    app.runtime.close();
  });
});
