import { describe, expect, it } from 'vitest';
import type { RaiseFindingInput } from '../../shared/findings/schema';
import type { Person } from '../../shared/people/schema';
import { blankSoaControls } from '../../shared/soa/schema';
import { auditTestBed } from './audit-fixtures';
import { addToTeam, concludeStage1Ready } from './checklist-fixtures';
import { fail, succeed } from './helpers';

const { bed, central, plan, person } = auditTestBed('findings');

const signIn = (who: Person) => succeed(bed.app, 'signIn', { personId: who.id });

/** A Stage 2 (after a Stage 1 concluded ready) with its checklist prepared. */
async function stage2WithChecklist() {
  await succeed(bed.app, 'saveSoaVersion', {
    clientId: bed.client.id,
    documentReference: 'AIMS-SOA-01 v1',
    basedOnVersionId: null,
    controls: blankSoaControls(),
  });
  const day = (startDate: string) => ({ startDate, endDate: startDate, siteIds: [central()] });
  const stage1 = await succeed(
    bed.app,
    'createAudit',
    plan({ type: 'stage1', ...day('2026-01-12') }),
  );
  concludeStage1Ready(bed.app, stage1.id);
  const audit = await succeed(
    bed.app,
    'createAudit',
    plan({ type: 'stage2', ...day('2026-02-16') }),
  );
  const lead = await person('Lena Lead', ['lead_auditor']);
  const auditor = await person('Abe Auditor', ['auditor']);
  addToTeam(bed.app, audit.id, lead.id, 'lead_auditor');
  addToTeam(bed.app, audit.id, auditor.id, 'auditor');
  addToTeam(bed.app, stage1.id, lead.id, 'lead_auditor');
  await signIn(lead);
  const checklist = await succeed(bed.app, 'prepareChecklist', { auditId: audit.id });
  const impact = checklist.items.find((i) => i.itemKey === '6.1.4');
  if (!impact) throw new Error('6.1.4 missing');
  return { stage1, audit, lead, auditor, impact };
}

function finding(auditId: string, overrides: Partial<RaiseFindingInput> = {}): RaiseFindingInput {
  return {
    auditId,
    requirementRef: 'ISO/IEC 42001:2023 6.1.4',
    statement: 'No impact assessment has been done for the credit-scoring model.',
    objectiveEvidence: 'Impact assessment register IA-01 v2 has no entry for model CS-3.',
    ...overrides,
  };
}

describe('raising findings', () => {
  it('raises an ungraded finding from a checklist item, dated today, and lists it', async () => {
    const { audit, auditor, impact } = await stage2WithChecklist();
    await signIn(auditor);
    const raised = await succeed(
      bed.app,
      'raiseFinding',
      finding(audit.id, { checklistItemId: impact.id, siteId: central() }),
    );
    expect(raised).toMatchObject({
      itemKey: '6.1.4',
      grade: null,
      state: 'open',
      raisedOn: '2026-03-02',
      raisedByName: 'Abe Auditor',
      siteId: central(),
    });
    expect(await succeed(bed.app, 'listAuditFindings', { auditId: audit.id })).toEqual([raised]);
    const checklist = await succeed(bed.app, 'getChecklist', { auditId: audit.id });
    expect(checklist?.items.find((i) => i.id === impact.id)?.findingIds).toEqual([raised.id]);
    const events = bed.app.runtime.database.sqlite
      .prepare('SELECT event, to_state FROM finding_events WHERE finding_id = ?')
      .all(raised.id);
    expect(events).toEqual([{ event: 'raise', to_state: 'open' }]);
  });

  it('lets only the lead auditor grade, and a major needs a rationale', async () => {
    const { audit, lead, auditor } = await stage2WithChecklist();
    await signIn(auditor);
    const graded = await fail(bed.app, 'raiseFinding', finding(audit.id, { grade: 'minor' }));
    expect(graded).toMatchObject({ code: 'VALIDATION', field: 'grade' });
    expect(graded.message).toContain('lead auditor');
    await signIn(lead);
    expect(
      await fail(bed.app, 'raiseFinding', finding(audit.id, { grade: 'major' })),
    ).toMatchObject({ code: 'VALIDATION', field: 'gradeRationale' });
    const major = await succeed(
      bed.app,
      'raiseFinding',
      finding(audit.id, { grade: 'major', gradeRationale: 'No impact assessment at all.' }),
    );
    expect(major).toMatchObject({ grade: 'major', raisedByName: 'Lena Lead' });
  });

  it('refuses an item of another audit, an empty requirement, outsiders, and a Stage 1', async () => {
    const { stage1, audit, lead, auditor } = await stage2WithChecklist();
    await signIn(lead);
    const s1 = await succeed(bed.app, 'prepareChecklist', { auditId: stage1.id });
    const s1Item = s1.items[0]?.id ?? '';
    await signIn(auditor);
    expect(
      await fail(bed.app, 'raiseFinding', finding(audit.id, { checklistItemId: s1Item })),
    ).toMatchObject({ code: 'VALIDATION', field: 'checklistItemId' });
    expect(
      await fail(bed.app, 'raiseFinding', finding(audit.id, { requirementRef: ' ' })),
    ).toMatchObject({ code: 'VALIDATION', field: 'requirementRef' });
    await signIn(bed.admin);
    expect((await fail(bed.app, 'raiseFinding', finding(audit.id))).code).toBe('FORBIDDEN');
    await signIn(lead);
    const stage1Finding = await fail(bed.app, 'raiseFinding', finding(stage1.id));
    expect(stage1Finding.code).toBe('CONFLICT');
    expect(stage1Finding.message).toContain('areas of concern');
  });
});
