import path from 'node:path';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeEach, describe, expect, it } from 'vitest';
import { audits, auditTeamMembers, changeLog } from '../../db/schema';
import type { Person } from '../../shared/people/schema';
import { fail, succeed, temporaryFolder } from './helpers';
import { TeamWorld } from './team-setup';

const root = temporaryFolder('team');
let counter = 0;
let w: TeamWorld;

beforeEach(async () => {
  w?.app.runtime.close();
  w = await TeamWorld.start(path.join(root, `db-${++counter}.sqlite`));
});

describe('assigning a team', () => {
  let lena: Person;
  let al: Person;
  let auditId: string;

  beforeEach(async () => {
    lena = await w.addPerson('Lena Lead', ['lead_auditor'], ['aiLifecycle']);
    al = await w.addPerson('Al Auditor', ['auditor'], ['sectorHealth']);
    await w.qualify(lena.id, 'iso42001LeadAuditor');
    await w.qualify(al.id, 'iso42001Auditor');
    auditId = w.insertAudit('2026-06-01', '2026-06-03');
  });

  const team = () => [
    { personId: lena.id, role: 'lead_auditor' as const },
    { personId: al.id, role: 'auditor' as const },
  ];

  it('saves a competent, impartial, available team and shows it', async () => {
    expect(await succeed(w.app, 'checkTeam', { auditId, members: team() })).toEqual([]);
    const saved = await succeed(w.app, 'assignTeam', { auditId, members: team() });
    expect(saved.members.map((m) => [m.name, m.role, m.overriddenChecks])).toEqual([
      ['Lena Lead', 'lead_auditor', []],
      ['Al Auditor', 'auditor', []],
    ]);
    expect(saved.results).toEqual([]);
  });

  it('refuses consultancy within 2 years, even with an override reason, and saves nothing', async () => {
    await succeed(w.app, 'addImpartialityDeclaration', {
      personId: al.id,
      clientId: w.clientId,
      kind: 'consultancy',
      fromDate: '2023-05-01',
      toDate: '2024-09-30',
      notes: 'AI policy project',
    });
    const results = await succeed(w.app, 'checkTeam', { auditId, members: team() });
    expect(results).toEqual([
      expect.objectContaining({
        check: 'consultancyOrEmployment',
        personId: al.id,
        overridable: false,
      }),
    ]);
    const error = await fail(w.app, 'assignTeam', {
      auditId,
      members: team(),
      overrides: [
        { personId: al.id, check: 'consultancyOrEmployment', reason: 'Nobody else is free' },
      ],
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('members');
    expect(error.message).toContain(
      'Al Auditor provided consultancy to Lumen Analytics GmbH until 2024-09-30 (AI policy project)',
    );
    expect(error.message).toContain('They may audit this client from 2026-09-30');
    expect(w.db.select().from(auditTeamMembers).all()).toEqual([]);
  });

  it('detects double-booking across audits and records an override with its reason', async () => {
    const other = w.insertAudit('2026-06-03', '2026-06-04', { type: 'stage1' });
    await succeed(w.app, 'assignTeam', {
      auditId: other,
      members: [
        { personId: lena.id, role: 'lead_auditor' },
        { personId: al.id, role: 'auditor' },
      ],
    });
    const results = await succeed(w.app, 'checkTeam', { auditId, members: team() });
    expect(
      results.filter((r) => r.check === 'doubleBooked').map((r) => [r.personId, r.overridable]),
    ).toEqual([
      [lena.id, true],
      [al.id, true],
    ]);
    expect(results[0]?.message).toBe(
      'Lena Lead is already on the Stage 1 audit of Lumen Analytics GmbH from 2026-06-03 to 2026-06-04 as lead auditor.',
    );
    const refused = await fail(w.app, 'assignTeam', {
      auditId,
      members: team(),
      overrides: [{ personId: lena.id, check: 'doubleBooked', reason: 'Stage 1 ends at noon' }],
    });
    expect(refused.message).toContain('Al Auditor is already on');
    expect(refused.message).not.toContain('Lena Lead is already on');
    const saved = await succeed(w.app, 'assignTeam', {
      auditId,
      members: team(),
      overrides: [
        { personId: lena.id, check: 'doubleBooked', reason: 'Stage 1 ends at noon' },
        { personId: al.id, check: 'doubleBooked', reason: 'Remote that day' },
      ],
    });
    expect(saved.members[0]).toMatchObject({
      overriddenChecks: ['doubleBooked'],
      overrideReason: 'Not booked on another audit: Stage 1 ends at noon',
    });
    // The overridden booking is shown with its reason, not raised again as a new problem.
    expect(saved.results).toEqual([]);
    const logged = w.db.select().from(changeLog).where(eq(changeLog.rootId, auditId)).all();
    expect(
      logged.filter((l) => l.field === 'created' && l.newValue?.includes('Stage 1 ends at noon')),
    ).toHaveLength(1);
    // Cancelling the other audit frees the days.
    w.db.update(audits).set({ state: 'cancelled' }).where(eq(audits.id, other)).run();
    expect(await succeed(w.app, 'checkTeam', { auditId, members: team() })).toEqual([]);
  });

  it('refuses a lead auditor whose qualification expires during the audit', async () => {
    const xavier = await w.addPerson('Xavier Lapse', ['lead_auditor'], ['aiLifecycle']);
    await w.qualify(xavier.id, 'iso42001LeadAuditor', '2026-06-02');
    const error = await fail(w.app, 'assignTeam', {
      auditId,
      members: [
        { personId: xavier.id, role: 'lead_auditor' },
        { personId: al.id, role: 'auditor' },
      ],
    });
    expect(error.message).toContain(
      "Xavier Lapse's ISO/IEC 42001 lead auditor qualification “42001 Lead Auditor” expired on 2026-06-02, before the audit ends on 2026-06-03.",
    );
  });

  it('names the competence area nobody covers, and asks for a lead auditor', async () => {
    const error = await fail(w.app, 'assignTeam', {
      auditId,
      members: [{ personId: al.id, role: 'auditor' }],
    });
    expect(error.message).toContain('The team has no lead auditor: choose exactly one.');
    expect(error.message).toContain(
      'Nobody on the team covers the competence area Lumen Analytics GmbH needs: AI system life cycle.',
    );
  });

  it('warns about lead auditor rotation after the configured number of cycles, without blocking', async () => {
    w.insertAudit('2023-05-01', '2023-05-02', { cycle: 1, type: 'stage2', state: 'completed' });
    const c1 = w.insertAudit('2024-05-01', '2024-05-02', { cycle: 1 });
    const c2 = w.insertAudit('2025-05-01', '2025-05-02', { cycle: 2 });
    w.db
      .insert(auditTeamMembers)
      .values(
        [c1, c2].map((a) => ({
          id: uuidv7(),
          auditId: a,
          personId: lena.id,
          role: 'lead_auditor',
          overriddenChecks: [],
          createdAt: 'x',
          updatedAt: 'x',
        })),
      )
      .run();
    const cycle3 = w.insertAudit('2026-06-01', '2026-06-03', { cycle: 3, type: 'recertification' });
    const saved = await succeed(w.app, 'assignTeam', { auditId: cycle3, members: team() });
    expect(saved.results).toEqual([
      expect.objectContaining({
        check: 'leadAuditorRotation',
        severity: 'warning',
        personId: lena.id,
      }),
    ]);
    expect(saved.results[0]?.message).toContain(
      "would lead Lumen Analytics GmbH's audits for 3 consecutive cycles, more than the CB's limit of 2",
    );
    expect((await succeed(w.app, 'getTeamSettings', {})).leadAuditorRotationLimit).toBe(2);
    await succeed(w.app, 'updateTeamSettings', { leadAuditorRotationLimit: 3 });
    expect((await succeed(w.app, 'auditTeam', { auditId: cycle3 })).results).toEqual([]);
  });

  it('replaces the team, logging who left, and leaves a completed audit alone', async () => {
    await succeed(w.app, 'assignTeam', { auditId, members: team() });
    const bea = await w.addPerson('Bea Backup', ['auditor'], ['sectorHealth']);
    await w.qualify(bea.id, 'iso42001Auditor');
    const saved = await succeed(w.app, 'assignTeam', {
      auditId,
      members: [
        { personId: lena.id, role: 'lead_auditor' },
        { personId: bea.id, role: 'auditor' },
      ],
    });
    expect(saved.members.map((m) => m.name)).toEqual(['Lena Lead', 'Bea Backup']);
    const log = w.db.select().from(changeLog).where(eq(changeLog.rootId, auditId)).all();
    expect(log.filter((l) => l.field === 'deleted' && l.oldValue?.includes(al.id))).toHaveLength(1);
    const held = w.insertAudit('2026-01-01', '2026-01-02', { state: 'completed' });
    expect(await fail(w.app, 'assignTeam', { auditId: held, members: team() })).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('lets only schedulers and admins assign, and refuses a person listed twice', async () => {
    expect(
      await fail(w.app, 'assignTeam', {
        auditId,
        members: [...team(), { personId: al.id, role: 'observer' }],
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'members' });
    await w.actAs(lena);
    expect(await succeed(w.app, 'checkTeam', { auditId, members: team() })).toEqual([]);
    expect(await fail(w.app, 'assignTeam', { auditId, members: team() })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
