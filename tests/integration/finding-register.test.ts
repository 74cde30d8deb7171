import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { registerQuery, type RegisterFilters } from '../../electron/services/finding-register';
import { seedDemo } from '../../electron/services/seed';
import type { Person } from '../../shared/people/schema';
import { findingStates, type FindingListQuery } from '../../shared/findings/schema';
import { findingTestBed } from './finding-fixtures';
import { fail, sampleClient, startApp, succeed, tickingClock } from './helpers';

const t = findingTestBed('finding-register');
const { bed } = t;

interface World {
  ids: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', string>;
  noor: Person;
  brightwave: string;
  surveillance: string;
}

/**
 * Today is 2026-10-01. Lumen: Stage 2 (2025-03-14) with A major open (overdue since 2025-04-13),
 * B minor accepted, C OFI; surveillance (2026-09-17) with D minor open (due 2026-10-17) and E
 * closed. Brightwave: surveillance (2026-09-22) led by Noor with F major (due 2026-10-22) and G
 * cancelled.
 */
async function world(): Promise<World> {
  await t.as(bed.admin);
  const noor = await succeed(bed.app, 'createPerson', {
    name: 'Noor Nextlead',
    email: 'noor@cb.example',
    roles: ['lead_auditor'],
  });
  const brightwave = (
    await succeed(
      bed.app,
      'createClient',
      sampleClient({ legalName: 'Brightwave Robotics Ltd', tradingName: 'Brightwave' }),
    )
  ).id;
  const stage2 = t.audit('stage2', '2025-03-12', '2025-03-14');
  const surveillance = t.audit('surveillance', '2026-09-15', '2026-09-17', {
    team: [[bed.lead, 'lead_auditor']],
  });
  const other = t.audit('surveillance', '2026-09-20', '2026-09-22', {
    clientId: brightwave,
    team: [[noor, 'lead_auditor']],
  });
  const A = t.raise({ auditId: stage2, statement: 'No impact assessment for the credit model.' });
  const B = t.raise({
    auditId: stage2,
    grade: 'minor',
    requirementRef: 'ISO/IEC 42001:2023 7.2',
    statement: 'Competence records of two data scientists are incomplete.',
  });
  const C = t.raise({
    auditId: stage2,
    grade: 'ofi',
    requirementRef: 'ISO/IEC 42001:2023 9.1',
    statement: 'Monitoring covers 80% of models; extending it would help.',
  });
  const D = t.raise({
    auditId: surveillance,
    grade: 'minor',
    requirementRef: 'ISO/IEC 42001:2023 6.2',
    statement: '+ sign-off is missing on two AI objectives.',
    raisedBy: bed.lead.id,
    raisedOn: '2026-09-17',
  });
  const E = t.raise({
    auditId: surveillance,
    requirementRef: 'ISO/IEC 42001:2023 8.3',
    statement: 'Risk treatment plan not implemented.',
    raisedBy: bed.lead.id,
    raisedOn: '2026-09-16',
  });
  const F = t.raise({
    auditId: other,
    requirementRef: 'Annex A A.6.2.4',
    statement: 'Verification and validation of the vision model is not documented.',
    raisedBy: noor.id,
    raisedOn: '2026-09-22',
  });
  const G = t.raise({
    auditId: other,
    grade: 'minor',
    requirementRef: 'ISO/IEC 42001:2023 5.2',
    statement: 'The AI policy was not communicated.',
    raisedBy: noor.id,
    raisedOn: '2026-09-22',
  });
  await t.step(bed.auditor, {
    id: B.id,
    event: 'submitResponse',
    onDate: '2025-04-01',
    ...t.response,
  });
  await t.step(bed.auditor, { id: B.id, event: 'accept', onDate: '2025-04-03' });
  await t.step(bed.lead, {
    id: E.id,
    event: 'submitResponse',
    onDate: '2026-09-18',
    ...t.response,
  });
  await t.step(bed.lead, { id: E.id, event: 'accept', onDate: '2026-09-19' });
  await t.step(bed.lead, {
    id: E.id,
    event: 'verify',
    onDate: '2026-09-25',
    method: 'documentReview',
    effective: true,
  });
  await t.step(bed.lead, { id: E.id, event: 'close', onDate: '2026-09-26' });
  await t.step(bed.decider, {
    id: G.id,
    event: 'cancel',
    onDate: '2026-09-23',
    reason: 'Graded in error.',
  });
  await t.as(bed.auditor);
  return {
    ids: { A: A.id, B: B.id, C: C.id, D: D.id, E: E.id, F: F.id, G: G.id },
    noor,
    brightwave,
    surveillance,
  };
}

describe('the nonconformity register', () => {
  it('lists open findings across clients by urgency: overdue first, then the next deadline, none last', async () => {
    const w = await world();
    const names = (rows: { id: string }[]) =>
      rows.map((r) => Object.entries(w.ids).find(([, id]) => id === r.id)?.[0]);
    const list = await succeed(bed.app, 'listFindings', {});
    expect(list.total).toBe(5);
    expect(names(list.rows)).toEqual(['A', 'D', 'F', 'B', 'C']);
    expect(list.rows[0]).toMatchObject({
      clientName: 'Lumen Analytics GmbH',
      auditType: 'stage2',
      grade: 'major',
      state: 'open',
      raisedByName: 'Aaron Auditor',
      responseDue: '2025-04-13',
      verificationDue: '2025-06-12',
      nextDue: '2025-04-13',
      overdue: true,
    });
    expect(list.rows.filter((r) => r.overdue)).toHaveLength(1);
    expect(list.rows[2]).toMatchObject({
      clientName: 'Brightwave Robotics Ltd',
      nextDue: '2026-10-22',
    });

    const only = async (query: FindingListQuery) =>
      names((await succeed(bed.app, 'listFindings', query)).rows);
    expect(await only({ clientId: w.brightwave })).toEqual(['F']);
    expect(await only({ auditId: w.surveillance })).toEqual(['D']);
    expect(await only({ auditId: w.surveillance, state: 'all' })).toEqual(['D', 'E']);
    expect(await only({ grade: 'major' })).toEqual(['A', 'F']);
    expect(await only({ state: 'all' })).toEqual(['A', 'D', 'F', 'B', 'C', 'E', 'G']);
    expect(await only({ state: 'closed' })).toEqual(['E']);
    expect(await only({ state: 'cancelled' })).toEqual(['G']);
    expect(await only({ state: 'responseAccepted' })).toEqual(['B']);
    expect(await only({ overdueOnly: true })).toEqual(['A']);
    // On an earlier day nothing of A was late yet.
    expect(await only({ overdueOnly: true, today: '2025-04-13' })).toEqual([]);
    expect(await only({ overdueOnly: true, today: '2026-10-18' })).toEqual(['A', 'D']);
    expect(await only({ auditorId: bed.auditor.id })).toEqual(['A', 'B', 'C']);
    expect(await only({ auditorId: bed.lead.id })).toEqual(['A', 'D', 'B', 'C']);
    expect(await only({ auditorId: w.noor.id, state: 'all' })).toEqual(['F', 'G']);
    expect(await only({ search: 'brightwave' })).toEqual(['F']);
    expect(await only({ search: 'a.6.2.4' })).toEqual(['F']);
    expect(await only({ search: 'IMPACT ASSESSMENT' })).toEqual(['A']);
    // What is typed is matched literally: % is not a wildcard.
    expect(await only({ search: '80%' })).toEqual(['C']);
    expect(await only({ search: '%' })).toEqual(['C']);
    expect(await only({ search: '_' })).toEqual([]);
  });

  it('pages through the list and reports the total', async () => {
    const w = await world();
    const page = async (offset: number, limit: number) => {
      const list = await succeed(bed.app, 'listFindings', { offset, limit });
      return { total: list.total, ids: list.rows.map((r) => r.id) };
    };
    expect(await page(0, 2)).toEqual({ total: 5, ids: [w.ids.A, w.ids.D] });
    expect(await page(2, 2)).toEqual({ total: 5, ids: [w.ids.F, w.ids.B] });
    expect(await page(4, 2)).toEqual({ total: 5, ids: [w.ids.C] });
    expect(await page(6, 2)).toEqual({ total: 5, ids: [] });
    expect(await fail(bed.app, 'listFindings', { limit: 0 })).toMatchObject({
      code: 'VALIDATION',
      field: 'limit',
    });
  });

  it('chooses its page through an index (EXPLAIN QUERY PLAN), with no per-row queries', async () => {
    const sqlite = bed.app.runtime.database.sqlite;
    const plan = (filters: Partial<RegisterFilters>) => {
      const q = registerQuery({ state: 'open', overdueOnly: false, ...filters }, '2026-10-01', {
        offset: 0,
        limit: 200,
      });
      return (
        sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]
      ).map((r) => r.detail);
    };
    // The open findings are read in urgency order from findings_urgency_idx (filtered inside the
    // index), never sorted as a whole (issue 10: 100,000 findings).
    const open = plan({});
    expect(open).toContain('SCAN f USING COVERING INDEX findings_urgency_idx');
    // Only the page's rows are joined (the findings are not walked again to order them).
    expect(open.filter((d) => d.startsWith('SCAN f'))).toHaveLength(1);
    const overdue = plan({ overdueOnly: true });
    expect(overdue).toContain('SCAN f USING COVERING INDEX findings_urgency_idx');
    const ofAudit = plan({ auditId: 'x' });
    expect(ofAudit.some((d) => d.includes('findings_audit_idx'))).toBe(true);
    // The rows of the page are joined by primary key, once each.
    expect(open.filter((d) => /^SEARCH (a|c|p) USING INDEX sqlite_autoindex/.test(d))).toHaveLength(
      3,
    );
    expect(open.some((d) => d.includes('CORRELATED'))).toBe(false);
  });
});

describe('exporting the register', () => {
  it('writes CSV with the same filters and order, dates as text, formulas defused', async () => {
    const w = await world();
    const file = await succeed(bed.app, 'exportFindings', { format: 'csv' });
    expect(file).toMatchObject({
      fileName: 'nonconformity-register-2026-10-01.csv',
      mediaType: 'text/csv; charset=utf-8',
    });
    const text = Buffer.from(file.data, 'base64').toString('utf8');
    const parsed = Papa.parse<Record<string, string>>(text.trimEnd(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      'Client reference',
      'Client',
      'Audit',
      'Requirement',
      'Grade',
      'State',
      'Statement',
      'Raised on',
      'Raised by',
      'Response due',
      'Verification due',
      'Next due',
      'Overdue',
      'Finding id',
    ]);
    expect(parsed.data.map((r) => r['Finding id'])).toEqual([
      w.ids.A,
      w.ids.D,
      w.ids.F,
      w.ids.B,
      w.ids.C,
    ]);
    expect(parsed.data[0]).toMatchObject({
      Client: 'Lumen Analytics GmbH',
      Audit: 'Stage 2',
      Grade: 'Major nonconformity',
      State: 'Open',
      'Raised on': '2025-03-14',
      'Response due': '2025-04-13',
      Overdue: 'yes',
    });
    expect(parsed.data[1]?.Statement).toBe("'+ sign-off is missing on two AI objectives.");

    const brightwave = await succeed(bed.app, 'exportFindings', {
      format: 'csv',
      clientId: w.brightwave,
      state: 'all',
    });
    const rows = Papa.parse<string[]>(
      Buffer.from(brightwave.data, 'base64').toString('utf8').trimEnd(),
    ).data;
    expect(rows.slice(1).map((r) => r[13])).toEqual([w.ids.F, w.ids.G]);
  });

  it('writes XLSX: a bold header, column widths, and dates as text', async () => {
    const w = await world();
    const file = await succeed(bed.app, 'exportFindings', { format: 'xlsx', grade: 'major' });
    expect(file.fileName).toBe('nonconformity-register-2026-10-01.xlsx');
    expect(file.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.data, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nonconformities');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(sheet.rowCount).toBe(3);
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe('Client reference');
    expect(header.getCell(14).value).toBe('Finding id');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(7).width).toBe(60);
    const first = sheet.getRow(2);
    expect(first.getCell(14).value).toBe(w.ids.A);
    expect(first.getCell(8).value).toBe('2025-03-14');
    expect(typeof first.getCell(10).value).toBe('string');
    expect(first.getCell(13).value).toBe('yes');
    expect(sheet.getRow(3).getCell(14).value).toBe(w.ids.F);
    expect(first.getCell(2).font?.bold).not.toBe(true);
  });
});

describe('the demo findings', () => {
  it('seeds findings in every state, some overdue, linked escalations and a blocked decision', async () => {
    const app = await startApp(path.join(bed.app.runtime.database.path, '..', 'demo.sqlite'), {
      now: tickingClock('2026-11-23T09:00:00.000Z'),
    });
    app.runtime.actAs(null, true);
    expect(
      (await seedDemo(app.runtime.context(), { today: '2026-11-23' })).findings,
    ).toBeGreaterThan(10);
    const all = await succeed(app, 'listFindings', { state: 'all', limit: 1000 });
    expect(new Set(all.rows.map((r) => r.state))).toEqual(new Set(findingStates));
    expect(new Set(all.rows.map((r) => r.grade))).toEqual(new Set(['major', 'minor', 'ofi']));
    const overdue = await succeed(app, 'listFindings', { overdueOnly: true });
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.rows.every((r) => r.overdue && (r.nextDue ?? '') < '2026-11-23')).toBe(true);

    const escalated = all.rows.find((r) => r.state === 'escalated');
    const minor = await succeed(app, 'getFinding', { id: escalated?.id ?? '' });
    const major = await succeed(app, 'getFinding', { id: minor.escalatedToId ?? '' });
    expect(major).toMatchObject({ grade: 'major', escalatedFromId: minor.id });
    expect(major.auditId).not.toBe(minor.auditId);

    // The applicant whose Stage 2 is awaiting its decision is blocked by its open major (G1).
    const awaiting = all.rows.find(
      (r) => r.auditType === 'stage2' && r.grade === 'major' && r.state === 'open',
    );
    const blockers = await succeed(app, 'decisionBlockers', { clientId: awaiting?.clientId ?? '' });
    expect(blockers.decision).toBe('grant');
    expect(blockers.unmet.find((g) => g.gate === 'G1')?.findingIds).toContain(awaiting?.id);
    // Every finding's timeline starts with its raise and names who acted.
    const detail = await succeed(app, 'getFinding', { id: all.rows[0]?.id ?? '' });
    expect(detail.events[0]).toMatchObject({ event: 'raise' });
    expect(detail.events.every((e) => e.byName !== null)).toBe(true);
    app.runtime.close();
  });
});
