import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Checklist, ChecklistItem } from '../../shared/checklists/schema';
import type { Person } from '../../shared/people/schema';
import { seedDemo } from '../../electron/services/seed';
import { blankSoaControls } from '../../shared/soa/schema';
import { auditTestBed } from './audit-fixtures';
import { addToTeam, concludeStage1Ready } from './checklist-fixtures';
import { fail, startApp, succeed, tickingClock } from './helpers';

const { bed, central, plan, person } = auditTestBed('checklists');

const signIn = (who: Person) => succeed(bed.app, 'signIn', { personId: who.id });

async function saveSoa(excluded: string[] = ['A.10.4']) {
  await signIn(bed.admin);
  return succeed(bed.app, 'saveSoaVersion', {
    clientId: bed.client.id,
    documentReference: 'AIMS-SOA-01 v1',
    basedOnVersionId: null,
    controls: blankSoaControls().map((c) =>
      excluded.includes(c.controlId)
        ? { ...c, applicable: false, justification: 'We have no customers for AI products.' }
        : c,
    ),
  });
}

/** An audit of the test client with a lead auditor and an auditor on its team. */
async function auditWithTeam(type: 'stage1' | 'stage2' | 'surveillance', startDate: string) {
  const lead = await person(`Lena Lead ${type}`, ['lead_auditor']);
  const auditor = await person(`Abe Auditor ${type}`, ['auditor']);
  const audit = await succeed(
    bed.app,
    'createAudit',
    plan({ type, startDate, endDate: startDate, onsiteDays: 1, siteIds: [central()] }),
  );
  addToTeam(bed.app, audit.id, lead.id, 'lead_auditor');
  addToTeam(bed.app, audit.id, auditor.id, 'auditor');
  return { audit, lead, auditor };
}

const itemOf = (checklist: Checklist, key: string): ChecklistItem => {
  const item = checklist.items.find((i) => i.itemKey === key);
  if (!item) throw new Error(`no item ${key}`);
  return item;
};

async function markAll(checklist: Checklist, mark: 'ready' | 'concern' | 'not_ready') {
  for (const item of checklist.items) {
    await succeed(bed.app, 'saveChecklistAnswer', { checklistItemId: item.id, result: mark });
  }
}

describe('preparing a checklist', () => {
  it('prepares a Stage 1 readiness review without an SoA, once', async () => {
    const { audit, auditor } = await auditWithTeam('stage1', '2026-01-12');
    await signIn(auditor);
    expect(await succeed(bed.app, 'getChecklist', { auditId: audit.id })).toBeNull();
    const checklist = await succeed(bed.app, 'prepareChecklist', { auditId: audit.id });
    expect(checklist).toMatchObject({
      kind: 'readiness',
      soaVersionId: null,
      catalogueVersion: 'audit-desk-42001-2023.1',
      canAnswer: true,
      canPlan: false,
      progress: { answered: 0, total: 10 },
      readinessConclusion: null,
    });
    expect(checklist.groups).toEqual([
      { key: 'S1', title: 'Readiness review', answered: 0, total: 10 },
    ]);
    const again = await fail(bed.app, 'prepareChecklist', { auditId: audit.id });
    expect(again).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already prepared'),
    });
  });

  it('audits the client’s newest SoA and records it as the audited version', async () => {
    const soa = await saveSoa();
    const { audit, lead } = await auditWithTeam('stage1', '2026-01-12');
    await signIn(lead);
    const checklist = await succeed(bed.app, 'prepareChecklist', { auditId: audit.id });
    expect(checklist).toMatchObject({ soaVersionId: soa.id, soaVersionNumber: 1, canPlan: true });
    expect(itemOf(checklist, 'EXCL.A.10.4').prompt).toContain(
      'We have no customers for AI products.',
    );
    const audited = await succeed(bed.app, 'auditedSoaVersion', { auditId: audit.id });
    expect(audited?.soaVersion.id).toBe(soa.id);
  });

  it('refuses people outside the team, a cancelled audit, and an SoA of another client', async () => {
    const { audit } = await auditWithTeam('stage1', '2026-01-12');
    const outsider = await person('Otto Outsider', ['auditor']);
    await signIn(outsider);
    const refused = await fail(bed.app, 'prepareChecklist', { auditId: audit.id });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('Otto Outsider is not on the team of this audit');
    await signIn(bed.admin);
    expect(
      await fail(bed.app, 'prepareChecklist', { auditId: audit.id, soaVersionId: 'nope' }),
    ).toMatchObject({ code: 'VALIDATION', field: 'soaVersionId' });
    await succeed(bed.app, 'changeAuditState', {
      id: audit.id,
      to: 'cancelled',
      reason: 'Postponed.',
    });
    expect(await fail(bed.app, 'prepareChecklist', { auditId: audit.id })).toMatchObject({
      code: 'CONFLICT',
      message: 'This audit is cancelled; its checklist cannot be prepared.',
    });
  });
});

describe('answering (autosave)', () => {
  it('keeps a saved answer when the database is closed and opened again', async () => {
    const { audit, auditor } = await auditWithTeam('stage1', '2026-01-12');
    await signIn(auditor);
    const checklist = await succeed(bed.app, 'prepareChecklist', { auditId: audit.id });
    const scope = itemOf(checklist, 'S1.SCOPE');
    const saved = await succeed(bed.app, 'saveChecklistAnswer', {
      checklistItemId: scope.id,
      notes: 'Scope statement AIMS-01 v2 excludes the Lisbon office',
    });
    expect(saved.answer).toMatchObject({ result: null, auditorName: auditor.name });
    const databasePath = bed.app.runtime.database.path;
    bed.app.runtime.close();
    bed.app = await startApp(databasePath, { now: tickingClock('2026-03-03T09:00:00.000Z') });
    await signIn(auditor);
    const reopened = await succeed(bed.app, 'getChecklist', { auditId: audit.id });
    expect(reopened && itemOf(reopened, 'S1.SCOPE').answers).toEqual([saved.answer]);
  });

  it('keeps each auditor’s answer separately, newest first, and updates one’s own in place', async () => {
    const { audit, lead, auditor } = await auditWithTeam('stage1', '2026-01-12');
    await signIn(lead);
    const checklist = await succeed(bed.app, 'prepareChecklist', { auditId: audit.id });
    const policy = itemOf(checklist, 'S1.POLICY');
    await succeed(bed.app, 'saveChecklistAnswer', { checklistItemId: policy.id, result: 'ready' });
    await signIn(auditor);
    await succeed(bed.app, 'saveChecklistAnswer', {
      checklistItemId: policy.id,
      result: 'concern',
      notes: 'Policy not yet signed',
    });
    await succeed(bed.app, 'saveChecklistAnswer', {
      checklistItemId: policy.id,
      notes: 'Policy not yet signed by the CEO',
    });
    const read = await succeed(bed.app, 'getChecklist', { auditId: audit.id });
    const answers = read ? itemOf(read, 'S1.POLICY').answers : [];
    expect(answers.map((a) => [a.auditorName, a.result, a.notes])).toEqual([
      [auditor.name, 'concern', 'Policy not yet signed by the CEO'],
      [lead.name, 'ready', ''],
    ]);
    expect(read?.progress).toEqual({ answered: 1, total: 10 });
    const history = bed.app.runtime.database.sqlite
      .prepare(
        "SELECT field, new_value FROM change_log WHERE entity = 'checklist_answer' ORDER BY at",
      )
      .all();
    expect(history).toContainEqual({
      field: 'notes',
      new_value: 'Policy not yet signed by the CEO',
    });
  });

  it('accepts only results of the item’s scale, and only from the audit team', async () => {
    const { audit, auditor } = await auditWithTeam('stage1', '2026-01-12');
    await signIn(auditor);
    const checklist = await succeed(bed.app, 'prepareChecklist', { auditId: audit.id });
    const scope = itemOf(checklist, 'S1.SCOPE');
    const wrong = await fail(bed.app, 'saveChecklistAnswer', {
      checklistItemId: scope.id,
      result: 'conforming',
    });
    expect(wrong).toMatchObject({ code: 'VALIDATION', field: 'result' });
    expect(wrong.message).toContain('ready, concern, not_ready');
    const observer = await person('Olga Observer', ['auditor']);
    addToTeam(bed.app, audit.id, observer.id, 'observer');
    await signIn(observer);
    const watching = await fail(bed.app, 'saveChecklistAnswer', {
      checklistItemId: scope.id,
      result: 'ready',
    });
    expect(watching.code).toBe('FORBIDDEN');
    expect(watching.message).toContain('observer');
    await signIn(bed.admin);
    expect(
      (await fail(bed.app, 'saveChecklistAnswer', { checklistItemId: scope.id, result: 'ready' }))
        .code,
    ).toBe('FORBIDDEN');
  });

  it('records evidence entries that only their auditor or the lead auditor changes or removes', async () => {
    const { audit, lead, auditor } = await auditWithTeam('stage1', '2026-01-12');
    await signIn(auditor);
    const checklist = await succeed(bed.app, 'prepareChecklist', { auditId: audit.id });
    const risk = itemOf(checklist, 'S1.RISK');
    const entry = await succeed(bed.app, 'addChecklistEvidence', {
      checklistItemId: risk.id,
      kind: 'document',
      description: 'AI risk assessment procedure',
      detail: 'PR-07 v3',
    });
    expect(entry).toMatchObject({ auditorName: auditor.name, detail: 'PR-07 v3' });
    expect(
      await fail(bed.app, 'addChecklistEvidence', {
        checklistItemId: risk.id,
        kind: 'interview',
        description: ' ',
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'description' });
    const colleague = await person('Cleo Colleague', ['auditor']);
    addToTeam(bed.app, audit.id, colleague.id, 'auditor');
    await signIn(colleague);
    const change = { id: entry.id, kind: 'document' as const, description: 'Changed', detail: '' };
    expect((await fail(bed.app, 'updateChecklistEvidence', change)).code).toBe('FORBIDDEN');
    await signIn(lead);
    const corrected = await succeed(bed.app, 'updateChecklistEvidence', change);
    expect(corrected).toMatchObject({ description: 'Changed', auditorName: auditor.name });
    await succeed(bed.app, 'removeChecklistEvidence', { id: entry.id });
    const read = await succeed(bed.app, 'getChecklist', { auditId: audit.id });
    expect(read && itemOf(read, 'S1.RISK').evidence).toEqual([]);
    expect((await fail(bed.app, 'removeChecklistEvidence', { id: entry.id })).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('the Stage 1 readiness conclusion and the Stage 2 gate', () => {
  it('needs every item marked, refuses "ready" while an item is not ready, and replaces an earlier conclusion', async () => {
    const { audit, lead, auditor } = await auditWithTeam('stage1', '2026-01-12');
    await signIn(lead);
    const checklist = await succeed(bed.app, 'prepareChecklist', { auditId: audit.id });
    const conclude = (conclusion: 'ready' | 'not_ready') =>
      ({ auditId: audit.id, conclusion, summary: 'Reviewed on 12 January.' }) as const;
    const unmarked = await fail(bed.app, 'recordReadinessConclusion', conclude('ready'));
    expect(unmarked).toMatchObject({ code: 'CONFLICT', field: 'conclusion' });
    expect(unmarked.message).toContain('still unmarked: Scope and boundaries of the AIMS;');
    // Internal keys (S1.SCOPE) cite no requirement: the message names the topics.
    expect(unmarked.message).not.toContain('S1.');
    await markAll(checklist, 'ready');
    await succeed(bed.app, 'saveChecklistAnswer', {
      checklistItemId: itemOf(checklist, 'S1.IMPACT').id,
      result: 'not_ready',
      notes: 'No impact assessment done yet.',
    });
    const notReady = await fail(bed.app, 'recordReadinessConclusion', conclude('ready'));
    expect(notReady).toMatchObject({ code: 'CONFLICT', field: 'conclusion' });
    expect(notReady.message).toContain(
      'items are not ready: AI system impact assessment: method and results.',
    );
    await signIn(auditor);
    expect((await fail(bed.app, 'recordReadinessConclusion', conclude('not_ready'))).code).toBe(
      'FORBIDDEN',
    );
    await signIn(lead);
    expect(
      await succeed(bed.app, 'recordReadinessConclusion', conclude('not_ready')),
    ).toMatchObject({
      conclusion: 'not_ready',
      concludedByName: lead.name,
    });
    await succeed(bed.app, 'saveChecklistAnswer', {
      checklistItemId: itemOf(checklist, 'S1.IMPACT').id,
      result: 'concern',
    });
    await succeed(bed.app, 'recordReadinessConclusion', conclude('ready'));
    const read = await succeed(bed.app, 'getChecklist', { auditId: audit.id });
    expect(read?.readinessConclusion?.conclusion).toBe('ready');
    const log = bed.app.runtime.database.sqlite
      .prepare(
        "SELECT old_value, new_value FROM change_log WHERE entity = 'readiness_conclusion' AND field = 'conclusion'",
      )
      .all();
    expect(log).toEqual([{ old_value: 'not_ready', new_value: 'ready' }]);
  });

  it('holds Stage 2 back until a Stage 1 concluded ready, then carries its concerns', async () => {
    await saveSoa();
    const stage2 = await auditWithTeam('stage2', '2026-02-16');
    await signIn(bed.admin);
    await succeed(bed.app, 'changeAuditState', { id: stage2.audit.id, to: 'confirmed' });
    const noStage1 = await fail(bed.app, 'changeAuditState', {
      id: stage2.audit.id,
      to: 'in_progress',
    });
    expect(noStage1).toMatchObject({ code: 'CONFLICT', field: 'to' });
    expect(noStage1.message).toContain('the client has no Stage 1 audit in certification cycle 1');

    const stage1 = await auditWithTeam('stage1', '2026-01-12');
    await signIn(stage1.lead);
    const s1 = await succeed(bed.app, 'prepareChecklist', { auditId: stage1.audit.id });
    await signIn(stage2.lead);
    const unconcluded = await fail(bed.app, 'prepareChecklist', { auditId: stage2.audit.id });
    expect(unconcluded.code).toBe('CONFLICT');
    expect(unconcluded.message).toContain('The Stage 2 checklist cannot be prepared yet');
    expect(unconcluded.message).toContain('has no readiness conclusion');

    await signIn(stage1.lead);
    await markAll(s1, 'ready');
    await succeed(bed.app, 'saveChecklistAnswer', {
      checklistItemId: itemOf(s1, 'S1.RISK').id,
      result: 'concern',
      notes: 'Risk acceptance criteria still in draft.',
    });
    await succeed(bed.app, 'recordReadinessConclusion', {
      auditId: stage1.audit.id,
      conclusion: 'ready',
      summary: 'Ready, one concern on risk criteria.',
    });
    await signIn(bed.admin);
    await succeed(bed.app, 'changeAuditState', { id: stage2.audit.id, to: 'in_progress' });
    await signIn(stage2.auditor);
    const s2 = await succeed(bed.app, 'prepareChecklist', { auditId: stage2.audit.id });
    expect(s2.kind).toBe('full');
    expect(s2.items[0]).toMatchObject({
      itemKey: 'CONCERN.S1.RISK',
      carriedFromItemId: itemOf(s1, 'S1.RISK').id,
      carriedNote: 'Risk acceptance criteria still in draft.',
    });
    expect(s2.items.filter((i) => i.section === 'control')).toHaveLength(37);
    expect(s2.groups[0]).toMatchObject({ key: 'CONCERNS', title: 'Concerns from Stage 1' });
    expect(s2.groups.map((g) => g.key)).toContain('A.10');
    expect(s2.groups.find((g) => g.key === '4')?.title).toBe('4 Context of the organization');
    const wrongScale = await fail(bed.app, 'saveChecklistAnswer', {
      checklistItemId: itemOf(s2, '4.1').id,
      result: 'ready',
    });
    expect(wrongScale.message).toContain(
      'conforming, nonconformity, opportunity, not_audited, not_applicable',
    );
  });

  it('refuses a Stage 2 checklist while the client has no SoA', async () => {
    const stage1 = await auditWithTeam('stage1', '2026-01-12');
    concludeStage1Ready(bed.app, stage1.audit.id);
    const stage2 = await auditWithTeam('stage2', '2026-02-16');
    await signIn(stage2.lead);
    const error = await fail(bed.app, 'prepareChecklist', { auditId: stage2.audit.id });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'soaVersionId' });
    expect(error.message).toContain("Record the client's Statement of Applicability first");
  });
});

describe('surveillance selection and cycle coverage', () => {
  async function preparedSurveillance(startDate: string) {
    const s = await auditWithTeam('surveillance', startDate);
    await signIn(s.lead);
    const checklist = await succeed(bed.app, 'prepareChecklist', { auditId: s.audit.id });
    return { ...s, checklist };
  }

  it('keeps the mandatory items, adds the chosen ones, and refuses dropping answered ones', async () => {
    await saveSoa();
    const { audit, lead, auditor, checklist } = await preparedSurveillance('2026-02-16');
    expect(checklist.kind).toBe('selection');
    expect(checklist.items.filter((i) => i.selected).map((i) => i.itemKey)).toEqual([
      'SURV.NC-FOLLOW-UP',
      'SURV.CHANGES',
      'SURV.COMPLAINTS',
      'SURV.MARKS',
      '6.3',
      '9.2.1',
      '9.2.2',
      '9.3.1',
      '9.3.2',
      '9.3.3',
      '10.2',
    ]);
    const a22 = itemOf(checklist, 'A.2.2');
    await signIn(auditor);
    expect(
      await fail(bed.app, 'saveChecklistAnswer', { checklistItemId: a22.id, result: 'conforming' }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(
      (await fail(bed.app, 'setSurveillanceSelection', { auditId: audit.id, itemIds: [a22.id] }))
        .code,
    ).toBe('FORBIDDEN');
    await signIn(lead);
    // Nothing mandatory is sent: it stays selected anyway.
    const chosen = await succeed(bed.app, 'setSurveillanceSelection', {
      auditId: audit.id,
      itemIds: [a22.id],
    });
    expect(chosen.items.filter((i) => i.selected)).toHaveLength(12);
    expect(chosen.progress.total).toBe(12);
    expect(
      await fail(bed.app, 'setSurveillanceSelection', { auditId: audit.id, itemIds: ['nope'] }),
    ).toMatchObject({ code: 'VALIDATION', field: 'itemIds' });
    await signIn(auditor);
    await succeed(bed.app, 'saveChecklistAnswer', {
      checklistItemId: a22.id,
      result: 'conforming',
    });
    await signIn(lead);
    const dropping = await fail(bed.app, 'setSurveillanceSelection', {
      auditId: audit.id,
      itemIds: [],
    });
    expect(dropping).toMatchObject({ code: 'CONFLICT', field: 'itemIds' });
    expect(dropping.message).toContain('A.2.2 AI policy');
  });

  it('shows which items each surveillance of the cycle covers and warns what the plan leaves out', async () => {
    await saveSoa();
    const first = await preparedSurveillance('2026-02-16');
    const second = await preparedSurveillance('2027-02-15');
    await signIn(first.lead);
    const all = first.checklist.items
      .filter((i) => i.section === 'clause' || i.section === 'control')
      .filter((i) => i.itemKey !== 'A.10.3');
    await succeed(bed.app, 'setSurveillanceSelection', {
      auditId: first.audit.id,
      itemIds: all.map((i) => i.id),
    });
    const coverage = await succeed(bed.app, 'cycleCoverage', { auditId: second.audit.id });
    expect(coverage.audits.map((a) => a.label)).toEqual([
      'Surveillance 1, 2026-02-16',
      'Surveillance 2, 2027-02-15',
    ]);
    expect(coverage.uncovered).toEqual(['A.10.3']);
    expect(coverage.warning).toContain('A.10.3');
    const row = coverage.rows.find((r) => r.itemKey === '9.2.1');
    expect(row?.cells).toEqual({ [first.audit.id]: 'planned', [second.audit.id]: 'planned' });
  });

  it('refuses a selection on a checklist that includes everything', async () => {
    const { audit, lead } = await auditWithTeam('stage1', '2026-01-12');
    await signIn(lead);
    await succeed(bed.app, 'prepareChecklist', { auditId: audit.id });
    expect(
      await fail(bed.app, 'setSurveillanceSelection', { auditId: audit.id, itemIds: [] }),
    ).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('the demo checklists', () => {
  it('seeds checklists in every state, through the checklist rules', async () => {
    const app = await startApp(path.join(bed.app.runtime.database.path, '..', 'demo.sqlite'), {
      now: tickingClock(),
    });
    app.runtime.actAs(null, true);
    expect(await seedDemo(app.runtime.context(), { today: '2026-03-31' })).toMatchObject({
      checklists: 13,
    });
    const rows = app.runtime.database.sqlite
      .prepare(
        `SELECT a.type, a.state, c.kind, r.conclusion,
           (SELECT COUNT(*) FROM checklist_items i WHERE i.checklist_id = c.id AND i.selected) AS selected,
           (SELECT COUNT(DISTINCT i.id) FROM checklist_items i JOIN checklist_answers x ON x.checklist_item_id = i.id
             WHERE i.checklist_id = c.id AND x.result IS NOT NULL) AS answered,
           (SELECT COUNT(*) FROM checklist_items i JOIN checklist_evidence e ON e.checklist_item_id = i.id
             WHERE i.checklist_id = c.id) AS evidence,
           (SELECT COUNT(*) FROM findings f WHERE f.audit_id = a.id) AS findings
         FROM checklists c JOIN audits a ON a.id = c.audit_id
         LEFT JOIN readiness_conclusions r ON r.audit_id = a.id`,
      )
      .all() as {
      type: string;
      state: string;
      kind: string;
      conclusion: string | null;
      selected: number;
      answered: number;
      evidence: number;
      findings: number;
    }[];
    const find = (type: string, state: string) =>
      rows.filter((r) => r.type === type && r.state === state);
    expect(
      find('stage1', 'completed')
        .map((r) => r.conclusion)
        .sort(),
    ).toEqual(['not_ready', 'ready', 'ready', 'ready', 'ready']);
    const upcoming = find('stage1', 'confirmed')[0];
    expect(upcoming && upcoming.answered > 0 && upcoming.answered < upcoming.selected).toBe(true);
    const underWay = find('stage2', 'in_progress')[0];
    expect(underWay?.answered).toBeGreaterThan(0);
    expect(underWay?.answered).toBeLessThan(underWay?.selected ?? 0);
    expect(underWay?.evidence).toBeGreaterThan(0);
    expect(underWay?.findings).toBe(1);
    const completed = find('stage2', 'completed')[0];
    expect(completed && completed.answered === completed.selected).toBe(true);
    expect(
      find('surveillance', 'confirmed')
        .map((r) => r.selected)
        .sort(),
    ).toEqual([11, 24]);
    const concern = app.runtime.database.sqlite
      .prepare("SELECT carried_note FROM checklist_items WHERE item_key = 'CONCERN.S1.IMPACT'")
      .all();
    expect(concern).toHaveLength(1);
    app.runtime.close();
  });
});
