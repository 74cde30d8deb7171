import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditTeamMembers } from '../../db/schema';
import type { AuditSummary } from '../../shared/programme/audit-schema';
import {
  runCliProcess,
  sampleClient,
  startApp,
  succeed,
  temporaryFolder,
  tickingClock,
} from './helpers';

const root = temporaryFolder('audit-cli');
const db = path.join(root, 'audits.sqlite');
const ids: Record<string, string> = {};

/** Two clients: Lumen with a planned Stage 1 (with a team) and a completed one; Nova with a surveillance. */
beforeAll(async () => {
  const app = await startApp(db, { now: tickingClock() });
  const admin = await succeed(app, 'setupFirstPerson', {
    name: 'Margaret Okafor',
    email: 'margaret@cb.example',
    roles: ['admin', 'lead_auditor'],
  });
  const lumen = await succeed(app, 'createClient', sampleClient());
  const nova = await succeed(app, 'createClient', sampleClient({ legalName: 'Nova AI BV' }));
  ids.lumen = lumen.id;
  ids.nova = nova.id;
  const plan = (clientId: string, sites: { id: string }[]) => ({
    clientId,
    cycleNumber: 1,
    startDate: '2026-02-16',
    endDate: '2026-02-16',
    onsiteDays: 1,
    siteIds: sites.map((s) => s.id),
    criteria: 'ISO/IEC 42001:2023',
  });
  const stage1 = await succeed(app, 'createAudit', {
    ...plan(lumen.id, lumen.sites),
    type: 'stage1',
  });
  ids.stage1 = stage1.id;
  const done = await succeed(app, 'createAudit', {
    ...plan(lumen.id, lumen.sites),
    type: 'stage1',
    startDate: '2026-01-12',
    endDate: '2026-01-12',
  });
  for (const to of ['confirmed', 'in_progress'] as const) {
    await succeed(app, 'changeAuditState', { id: done.id, to });
  }
  await succeed(app, 'changeAuditState', {
    id: done.id,
    to: 'completed',
    completedOn: '2026-01-12',
  });
  ids.done = done.id;
  const surveillance = await succeed(app, 'createAudit', {
    ...plan(nova.id, nova.sites),
    type: 'surveillance',
    startDate: '2026-04-20',
    endDate: '2026-04-21',
  });
  ids.surveillance = surveillance.id;
  const at = '2026-03-02T09:00:00.000Z';
  app.runtime.database.db
    .insert(auditTeamMembers)
    .values({
      id: 'team-1',
      auditId: stage1.id,
      personId: admin.id,
      role: 'lead_auditor',
      overriddenChecks: [],
      createdAt: at,
      updatedAt: at,
    })
    .run();
  app.runtime.close();
});

const list = (...args: string[]) => {
  const run = runCliProcess(['audit', 'list', '--db', db, ...args]);
  return { ...run, audits: run.json as AuditSummary[] };
};

describe('`cli audit list`, run as a process', () => {
  it('prints every audit with id, clientId, type, state, dates and team, newest start first', () => {
    const run = list();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.audits.map((a) => a.id)).toEqual([ids.surveillance, ids.stage1, ids.done]);
    expect(run.audits[1]).toMatchObject({
      id: ids.stage1,
      clientId: ids.lumen,
      type: 'stage1',
      state: 'planned',
      startDate: '2026-02-16',
      endDate: '2026-02-16',
      team: [{ personId: expect.any(String), name: 'Margaret Okafor', role: 'lead_auditor' }],
    });
    expect(run.audits[0]?.team).toEqual([]);
  });

  it('filters by client, type and state', () => {
    expect(list('--client', ids.nova ?? '').audits.map((a) => a.id)).toEqual([ids.surveillance]);
    expect(list('--type', 'stage1').audits.map((a) => a.id)).toEqual([ids.stage1, ids.done]);
    expect(list('--state', 'completed').audits.map((a) => a.id)).toEqual([ids.done]);
    expect(
      list('--client', ids.lumen ?? '', '--type', 'stage1', '--state', 'planned').audits.map(
        (a) => a.id,
      ),
    ).toEqual([ids.stage1]);
    expect(list('--client', 'nobody').audits).toEqual([]);
  });

  it('refuses an unknown type with exit 2 naming the option and the valid types', () => {
    const run = runCliProcess(['audit', 'list', '--db', db, '--type', 'stage3']);
    expect(run.status).toBe(2);
    expect(run.json).toMatchObject({
      error: {
        code: 'VALIDATION',
        field: 'type',
        message:
          'Choose an audit type: stage1, stage2, surveillance, recertification, special, transfer.',
      },
    });
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
