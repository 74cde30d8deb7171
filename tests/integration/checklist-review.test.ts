import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeEvidenceFromPath } from '../../electron/services/evidence-uploads';
import type { Checklist, ChecklistItem } from '../../shared/checklists/schema';
import type { Person } from '../../shared/people/schema';
import { blankSoaControls } from '../../shared/soa/schema';
import { auditTestBed } from './audit-fixtures';
import { addToTeam } from './checklist-fixtures';
import { fail, succeed, temporaryFolder } from './helpers';

const { bed, central, plan, person } = auditTestBed('checklist-review');
const files = temporaryFolder('checklist-review-files');

const signIn = (who: Person) => succeed(bed.app, 'signIn', { personId: who.id });

const itemOf = (checklist: Checklist, key: string): ChecklistItem => {
  const item = checklist.items.find((i) => i.itemKey === key);
  if (!item) throw new Error(`no item ${key}`);
  return item;
};

async function saveSoa() {
  await signIn(bed.admin);
  await succeed(bed.app, 'saveSoaVersion', {
    clientId: bed.client.id,
    documentReference: 'AIMS-SOA-01 v1',
    basedOnVersionId: null,
    controls: blankSoaControls(),
  });
}

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

describe('two auditors on one item (per-auditor answers)', () => {
  it('a colleague’s notes without a result never undo a mark: progress, conclusion and concerns', async () => {
    await saveSoa();
    const stage1 = await auditWithTeam('stage1', '2026-01-12');
    await signIn(stage1.lead);
    const s1 = await succeed(bed.app, 'prepareChecklist', { auditId: stage1.audit.id });
    for (const item of s1.items) {
      await succeed(bed.app, 'saveChecklistAnswer', {
        checklistItemId: item.id,
        result: item.itemKey === 'S1.RISK' ? 'concern' : 'ready',
        notes: item.itemKey === 'S1.RISK' ? 'Risk acceptance criteria still in draft.' : '',
      });
    }
    // The second auditor adds notes to two items the lead already marked, without a result.
    await signIn(stage1.auditor);
    for (const key of ['S1.RISK', 'S1.SCOPE']) {
      await succeed(bed.app, 'saveChecklistAnswer', {
        checklistItemId: itemOf(s1, key).id,
        notes: 'Interviewed the CISO about it.',
      });
    }
    await signIn(stage1.lead);
    const read = await succeed(bed.app, 'getChecklist', { auditId: stage1.audit.id });
    if (!read) throw new Error('no checklist');
    expect(read.progress).toEqual({ answered: s1.items.length, total: s1.items.length });
    const risk = itemOf(read, 'S1.RISK');
    expect(risk.answers.map((a) => [a.auditorName, a.result])).toEqual([
      [stage1.lead.name, 'concern'],
      [stage1.auditor.name, null],
    ]);
    await succeed(bed.app, 'recordReadinessConclusion', {
      auditId: stage1.audit.id,
      conclusion: 'ready',
      summary: 'Ready, one concern on risk criteria.',
    });

    const stage2 = await auditWithTeam('stage2', '2026-02-16');
    await signIn(stage2.lead);
    const s2 = await succeed(bed.app, 'prepareChecklist', { auditId: stage2.audit.id });
    expect(s2.items[0]).toMatchObject({
      itemKey: 'CONCERN.S1.RISK',
      carriedNote: 'Risk acceptance criteria still in draft.',
    });
  });
});

describe('an item a surveillance has not selected, and its files and findings', () => {
  async function preparedSurveillance() {
    await saveSoa();
    const s = await auditWithTeam('surveillance', '2026-02-16');
    await signIn(s.lead);
    const checklist = await succeed(bed.app, 'prepareChecklist', { auditId: s.audit.id });
    return { ...s, checklist };
  }

  function evidenceFile(name: string): string {
    const file = path.join(files, name);
    fs.writeFileSync(file, `Evidence ${name}\n`);
    return file;
  }

  it('takes no file and no finding on an item that is not selected', async () => {
    const { audit, auditor, checklist } = await preparedSurveillance();
    const a22 = itemOf(checklist, 'A.2.2');
    await signIn(auditor);
    expect(() =>
      storeEvidenceFromPath(bed.app.runtime.context(), {
        auditId: audit.id,
        checklistItemId: a22.id,
        filePath: evidenceFile('policy.txt'),
      }),
    ).toThrow(/A\.2\.2 AI policy is not selected for this audit/);
    const raised = await fail(bed.app, 'raiseFinding', {
      auditId: audit.id,
      checklistItemId: a22.id,
      requirementRef: 'ISO/IEC 42001:2023 Annex A A.2.2',
      statement: 'The AI policy does not cover AI use.',
      objectiveEvidence: 'AI policy v2.',
    });
    expect(raised).toMatchObject({ code: 'CONFLICT', field: 'checklistItemId' });
    expect(raised.message).toContain('the lead auditor adds it to the selection first');
  });

  it('keeps an item selected while it has an attached file or a finding raised from it', async () => {
    const { audit, lead, auditor, checklist } = await preparedSurveillance();
    const a22 = itemOf(checklist, 'A.2.2');
    const a32 = itemOf(checklist, 'A.3.2');
    await succeed(bed.app, 'setSurveillanceSelection', {
      auditId: audit.id,
      itemIds: [a22.id, a32.id],
    });
    await signIn(auditor);
    storeEvidenceFromPath(bed.app.runtime.context(), {
      auditId: audit.id,
      checklistItemId: a22.id,
      filePath: evidenceFile('policy.txt'),
    });
    await succeed(bed.app, 'raiseFinding', {
      auditId: audit.id,
      checklistItemId: a32.id,
      requirementRef: 'ISO/IEC 42001:2023 Annex A A.3.2',
      statement: 'No one is assigned the AI impact assessment.',
      objectiveEvidence: 'Roles matrix v4.',
    });
    await signIn(lead);
    const dropping = await fail(bed.app, 'setSurveillanceSelection', {
      auditId: audit.id,
      itemIds: [],
    });
    expect(dropping).toMatchObject({ code: 'CONFLICT', field: 'itemIds' });
    expect(dropping.message).toContain('A.2.2 AI policy');
    expect(dropping.message).toContain('A.3.2 AI roles and responsibilities');
    const read = await succeed(bed.app, 'getChecklist', { auditId: audit.id });
    expect(read && [itemOf(read, 'A.2.2').selected, itemOf(read, 'A.3.2').selected]).toEqual([
      true,
      true,
    ]);
  });
});
