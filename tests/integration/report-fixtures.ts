import { eq } from 'drizzle-orm';
import { audits } from '../../db/schema';
import type { Checklist, ChecklistItem } from '../../shared/checklists/schema';
import type { Person } from '../../shared/people/schema';
import { blankSoaControls } from '../../shared/soa/schema';
import { auditTestBed } from './audit-fixtures';
import { addToTeam } from './checklist-fixtures';
import { succeed } from './helpers';

export const cbName = 'Nordic AI Certification AB';
export const majorStatement =
  'No AI system impact assessment exists for the credit-scoring model CS-3.';
export const majorEvidence = 'Impact assessment register IA-01 v2 has no entry for model CS-3.';
export const ofiStatement = 'The AI policy could name who reviews it each year.';

/**
 * A fresh database per test with the Lumen client (two sites, scope "Credit-scoring models for
 * retail lending."), the CB's name set, an SoA excluding A.10.4, and a Stage 2 (after a Stage 1
 * concluded ready) held on 16-17 February 2026 at both sites, led by a qualified lead auditor
 * (Lena) with a qualified auditor (Abe). `heldStage2` prepares its checklist, answers every item
 * conforming except 6.1.4 (nonconformity, with a graded major) and A.2.2 (opportunity, with an
 * OFI), and completes the audit.
 */
export function reportTestBed(name: string) {
  const audit = auditTestBed(name);
  const { bed, central, lab, plan, person } = audit;

  const signIn = (who: Person) => succeed(bed.app, 'signIn', { personId: who.id });

  async function qualifiedPerson(name: string, kind: 'iso42001LeadAuditor' | 'iso42001Auditor') {
    const who = await person(
      name,
      kind === 'iso42001LeadAuditor' ? ['lead_auditor', 'auditor'] : ['auditor'],
    );
    await succeed(bed.app, 'addQualification', {
      personId: who.id,
      kind,
      title: kind === 'iso42001LeadAuditor' ? '42001 Lead Auditor' : '42001 Auditor',
      issuer: 'Exemplar Global',
      validFrom: '2024-01-01',
      validUntil: null,
    });
    return who;
  }

  const itemOf = (checklist: Checklist, key: string): ChecklistItem => {
    const item = checklist.items.find((i) => i.itemKey === key);
    if (!item) throw new Error(`no checklist item ${key}`);
    return item;
  };

  /** The Stage 2 with its team, the checklist prepared; nothing answered. */
  async function stage2() {
    await signIn(bed.admin);
    await succeed(bed.app, 'updateCertificationBody', { name: cbName });
    await succeed(bed.app, 'saveSoaVersion', {
      clientId: bed.client.id,
      documentReference: 'LUMEN-SOA-01 v1',
      basedOnVersionId: null,
      controls: blankSoaControls().map((c) =>
        c.controlId === 'A.10.4'
          ? {
              ...c,
              applicable: false,
              justification: 'Lumen supplies no AI products to customers.',
            }
          : c,
      ),
    });
    // A Stage 1 held and concluded ready, so the Stage 2 may be prepared, started and completed.
    await audit.completed(
      {
        type: 'stage1',
        startDate: '2026-01-12',
        endDate: '2026-01-12',
        onsiteDays: 1,
        siteIds: [central()],
      },
      '2026-01-12',
    );
    const stage2 = await succeed(
      bed.app,
      'createAudit',
      plan({
        type: 'stage2',
        startDate: '2026-02-16',
        endDate: '2026-02-17',
        onsiteDays: 3,
        siteIds: [central(), lab()],
        objectives: 'Evaluate the implementation and effectiveness of the AI management system.',
        scope: 'Credit-scoring models for retail lending.',
      }),
    );
    const lead = await qualifiedPerson('Lena Lead', 'iso42001LeadAuditor');
    const auditor = await qualifiedPerson('Abe Auditor', 'iso42001Auditor');
    addToTeam(bed.app, stage2.id, lead.id, 'lead_auditor');
    addToTeam(bed.app, stage2.id, auditor.id, 'auditor');
    await signIn(lead);
    const checklist = await succeed(bed.app, 'prepareChecklist', { auditId: stage2.id });
    return { auditId: stage2.id, lead, auditor, checklist };
  }

  /** Answers every selected item (conforming unless `results` says otherwise, null = leave open). */
  async function answer(checklist: Checklist, results: Record<string, string | null> = {}) {
    for (const item of checklist.items) {
      if (!item.selected) continue;
      const result = item.itemKey in results ? results[item.itemKey] : 'conforming';
      if (result === null || result === undefined) continue;
      await succeed(bed.app, 'saveChecklistAnswer', {
        checklistItemId: item.id,
        result: result as 'conforming',
      });
    }
  }

  async function complete(auditId: string) {
    await signIn(bed.admin);
    await succeed(bed.app, 'changeAuditState', { id: auditId, to: 'confirmed' });
    await succeed(bed.app, 'changeAuditState', { id: auditId, to: 'in_progress' });
    await succeed(bed.app, 'changeAuditState', {
      id: auditId,
      to: 'completed',
      completedOn: '2026-02-17',
    });
  }

  /** The held Stage 2 described above, signed in as its lead auditor. */
  async function heldStage2(options: { leaveOpen?: string[] } = {}) {
    const s = await stage2();
    const open = Object.fromEntries((options.leaveOpen ?? []).map((k) => [k, null]));
    await answer(s.checklist, { '6.1.4': 'nonconformity', 'A.2.2': 'opportunity', ...open });
    const major = await succeed(bed.app, 'raiseFinding', {
      auditId: s.auditId,
      checklistItemId: itemOf(s.checklist, '6.1.4').id,
      siteId: lab(),
      requirementRef: 'ISO/IEC 42001:2023 6.1.4',
      grade: 'major',
      gradeRationale: 'A required process is missing for an in-scope AI system.',
      statement: majorStatement,
      objectiveEvidence: majorEvidence,
    });
    const ofi = await succeed(bed.app, 'raiseFinding', {
      auditId: s.auditId,
      checklistItemId: itemOf(s.checklist, 'A.2.2').id,
      requirementRef: 'ISO/IEC 42001:2023 Annex A A.2.2',
      grade: 'ofi',
      statement: ofiStatement,
      objectiveEvidence: 'AI policy POL-AI-01 v3, section 7.',
    });
    await complete(s.auditId);
    await signIn(s.lead);
    return { ...s, major, ofi };
  }

  /** Sets the audit's calculated days straight in the database (the audit-time link is tested elsewhere). */
  function setCalculatedDays(auditId: string, days: number) {
    bed.app.runtime.database.db
      .update(audits)
      .set({ calculatedDays: days, daysDeviationReason: 'Lab visit shortened by agreement.' })
      .where(eq(audits.id, auditId))
      .run();
  }

  /** The draft fields that clear every lint error of the held Stage 2. */
  const completeDraft = {
    effectivenessConclusion:
      'The AI management system is effective except for impact assessment (NC-01).',
    recommendation: 'grant' as const,
    recommendationNotes: 'Subject to acceptance of the corrective action plan for NC-01.',
    samplingBasis: 'Both sites were visited: the lab develops the in-scope models.',
    daysSpent: 3,
  };

  return {
    ...audit,
    signIn,
    qualifiedPerson,
    itemOf,
    stage2,
    answer,
    complete,
    heldStage2,
    setCalculatedDays,
    completeDraft,
  };
}
