import { asc, eq } from 'drizzle-orm';
import { audits, auditTeamMembers, clients } from '../../db/schema';
import type { Checklist, ItemResult, ReadinessMark } from '../../shared/checklists/schema';
import { addCalendarDays, addCalendarMonths } from '../../shared/cycle';
import type { Person } from '../../shared/people/schema';
import type { AuditState, AuditType } from '../../shared/programme/vocabulary';
import { saveChecklistAnswer } from './checklist-answers';
import { addChecklistEvidence } from './checklist-evidence';
import { recordReadinessConclusion, setSurveillanceSelection } from './checklist-planning';
import { prepareChecklist } from './checklists';
import type { ServiceContext } from './context';
import { raiseFinding } from './findings';
import { getPerson } from './people';
import {
  demoEvidence,
  demoFinding,
  demoSoaControls,
  readinessNote,
  resultNote,
} from './seed-checklist-content';
import { saveSoaVersion } from './soa';

/**
 * Demo checklists in every state (issue 6), written through the checklist services as the audit
 * team would have, with each service's clock set to when it happened: the Stage 1 reviews of the
 * applicants (one concluded ready with a concern carried into a Stage 2 on site now, one concluded
 * not ready, one partly done before its visit), a Stage 2 under way with evidence and a finding, a
 * completed Stage 2 fully answered, and two surveillance audits (one with its items chosen, one
 * with only the mandatory ones). The demo clients involved record a Statement of Applicability.
 */

interface DemoAudit {
  id: string;
  clientId: string;
  status: string;
  type: AuditType;
  state: AuditState;
  cycleNumber: number;
  plannedStart: string;
  plannedEnd: string;
  completedOn: string | null;
  lead: string | null;
  auditor: string | null;
}

function demoAudits(ctx: ServiceContext): DemoAudit[] {
  const rows = ctx.db
    .select({ audit: audits, status: clients.status })
    .from(audits)
    .innerJoin(clients, eq(clients.id, audits.clientId))
    .orderBy(asc(clients.reference), asc(audits.plannedStart))
    .all();
  const team = ctx.db.select().from(auditTeamMembers).all();
  const member = (auditId: string, role: string) =>
    team.find((m) => m.auditId === auditId && m.role === role)?.personId ?? null;
  return rows.map(({ audit, status }) => ({
    id: audit.id,
    clientId: audit.clientId,
    status,
    type: audit.type as AuditType,
    state: audit.state as AuditState,
    cycleNumber: audit.cycleNumber,
    plannedStart: audit.plannedStart,
    plannedEnd: audit.plannedEnd,
    completedOn: audit.completedOn,
    lead: member(audit.id, 'lead_auditor'),
    auditor: member(audit.id, 'auditor'),
  }));
}

/** An instant on a calendar day: `minutes` after 08:00 UTC. */
function instant(day: string, minutes: number): string {
  return new Date(Date.parse(`${day}T08:00:00.000Z`) + minutes * 60_000).toISOString();
}

interface Stage1Plan {
  marks?: Record<string, ReadinessMark>;
  conclusion: 'ready' | 'not_ready' | null;
  summary: string;
}

class ChecklistSeeder {
  private readonly people = new Map<string, Person>();
  private readonly soaRecorded = new Set<string>();
  prepared = 0;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly today: string,
  ) {}

  /** The context of a team member acting at a given instant. */
  private as(personId: string, at: string): ServiceContext {
    let person = this.people.get(personId);
    if (!person) {
      person = getPerson(this.ctx.db, personId);
      this.people.set(personId, person);
    }
    return { ...this.ctx, actor: { kind: 'person', person }, now: () => new Date(at) };
  }

  private prepare(audit: DemoAudit, who: string, at: string): Checklist {
    this.prepared++;
    return prepareChecklist(this.as(who, at), { auditId: audit.id });
  }

  soa(clientId: string, at: string): void {
    if (this.soaRecorded.has(clientId)) return;
    this.soaRecorded.add(clientId);
    saveSoaVersion(
      { ...this.ctx, now: () => new Date(at) },
      {
        clientId,
        documentReference: 'AIMS-SOA-01 v2',
        basedOnVersionId: null,
        controls: demoSoaControls(),
      },
    );
  }

  /** A Stage 1 readiness review, every topic marked by lead and auditor in turn. */
  stage1(audit: DemoAudit, plan: Stage1Plan): void {
    const lead = audit.lead;
    if (!lead) return;
    const day = audit.plannedStart;
    this.soa(audit.clientId, instant(addCalendarDays(day, -14), 0));
    const checklist = this.prepare(audit, lead, instant(addCalendarDays(day, -3), 60));
    checklist.items.forEach((item, i) => {
      const who = i % 2 === 1 && audit.auditor ? audit.auditor : lead;
      const mark = plan.marks?.[item.itemKey] ?? 'ready';
      saveChecklistAnswer(this.as(who, instant(day, 60 + i * 20)), {
        checklistItemId: item.id,
        result: mark,
        notes: readinessNote(item.itemKey, mark),
      });
      if (i % 4 === 2) {
        addChecklistEvidence(this.as(who, instant(day, 65 + i * 20)), {
          checklistItemId: item.id,
          ...demoEvidence(i),
        });
      }
    });
    if (plan.conclusion) {
      recordReadinessConclusion(this.as(lead, instant(audit.plannedEnd, 480)), {
        auditId: audit.id,
        conclusion: plan.conclusion,
        summary: plan.summary,
      });
    }
  }

  /** A Stage 1 still to be held: prepared, a few documents already reviewed. */
  stage1Started(audit: DemoAudit): void {
    const lead = audit.lead;
    if (!lead) return;
    const day = addCalendarDays(this.today, -3);
    this.soa(audit.clientId, instant(addCalendarDays(day, -7), 0));
    const checklist = this.prepare(audit, lead, instant(day, 30));
    checklist.items.slice(0, 4).forEach((item, i) => {
      saveChecklistAnswer(this.as(lead, instant(day, 60 + i * 25)), {
        checklistItemId: item.id,
        result: 'ready',
        notes: `${readinessNote(item.itemKey, 'ready')} (document review before the visit)`,
      });
    });
    const impact = checklist.items.find((i) => i.itemKey === 'S1.IMPACT');
    if (impact) {
      saveChecklistAnswer(this.as(lead, instant(day, 200)), {
        checklistItemId: impact.id,
        notes: 'Asked for the impact assessments of the five AI systems before the visit.',
      });
    }
  }

  /**
   * A Stage 2 answered in item order over its days, up to `share` of the items. 6.1.4 is a
   * nonconformity the lead auditor raises as a minor finding (or, under way, the carried Stage 1
   * concern on impact assessment is not resolved yet).
   */
  stage2(audit: DemoAudit, share: number): void {
    const lead = audit.lead;
    if (!lead) return;
    const checklist = this.prepare(audit, lead, instant(audit.plannedStart, 0));
    const items = checklist.items.slice(0, Math.ceil(checklist.items.length * share));
    // An audit under way has been worked only up to today: no answer is dated in the future.
    const lastDay = audit.plannedEnd < this.today ? audit.plannedEnd : this.today;
    const days = Math.max(
      1,
      Math.round((Date.parse(lastDay) - Date.parse(audit.plannedStart)) / 86_400_000) + 1,
    );
    const perDay = Math.ceil(items.length / days);
    items.forEach((item, i) => {
      const who = i % 3 === 1 && audit.auditor ? audit.auditor : lead;
      const day = addCalendarDays(audit.plannedStart, Math.floor(i / perDay));
      const at = (extra: number) => this.as(who, instant(day, 30 + (i % perDay) * 6 + extra));
      const concern = item.section === 'concern';
      if (item.itemKey === '6.1.4' && checklist.items.some((x) => x.section === 'concern')) {
        saveChecklistAnswer(at(0), {
          checklistItemId: item.id,
          notes:
            'Same gap as the Stage 1 concern on impact assessment; see the finding raised there.',
        });
        return;
      }
      const result: ItemResult =
        item.itemKey === '6.1.4' || concern
          ? 'nonconformity'
          : item.itemKey === '7.4' || item.itemKey === 'A.6.2.6'
            ? 'opportunity'
            : 'conforming';
      saveChecklistAnswer(at(0), {
        checklistItemId: item.id,
        result,
        notes: concern ? `Not resolved since Stage 1. ${item.carriedNote}` : resultNote(result, i),
      });
      if (i % 5 === 0 || result !== 'conforming') {
        addChecklistEvidence(at(2), { checklistItemId: item.id, ...demoEvidence(i) });
      }
      if (result === 'nonconformity') {
        raiseFinding(this.as(lead, instant(day, 30 + (i % perDay) * 6 + 4)), {
          auditId: audit.id,
          checklistItemId: item.id,
          requirementRef: 'ISO/IEC 42001:2023 6.1.4',
          grade: 'minor',
          gradeRationale: 'Impact assessment is done for some systems: a gap, not a breakdown.',
          statement: demoFinding.statement,
          objectiveEvidence: demoFinding.objectiveEvidence,
        });
      }
    });
  }

  /** A surveillance prepared today; with `choose`, the lead auditor adds clause 8 and A.6. */
  surveillance(audit: DemoAudit, choose: boolean): void {
    const lead = audit.lead;
    if (!lead) return;
    this.soa(audit.clientId, instant(addCalendarDays(this.today, -30), 0));
    const checklist = this.prepare(audit, lead, instant(this.today, 60));
    if (!choose) return;
    const chosen = checklist.items.filter((i) => i.groupKey === '8' || i.groupKey === 'A.6');
    setSurveillanceSelection(this.as(lead, instant(this.today, 75)), {
      auditId: audit.id,
      itemIds: chosen.map((i) => i.id),
    });
  }
}

type ApplicantStep =
  'stage2InProgress' | 'stage2Planned' | 'decided' | 'stage1Upcoming' | 'toPlan' | 'lapsing';

function applicantStep(list: readonly DemoAudit[], today: string): ApplicantStep | null {
  const stage1 = list.find((a) => a.type === 'stage1');
  const stage2 = list.find((a) => a.type === 'stage2');
  if (stage2?.state === 'in_progress') return 'stage2InProgress';
  if (stage2?.state === 'confirmed') return 'stage2Planned';
  if (stage2?.state === 'completed') return 'decided';
  if (stage1?.state === 'confirmed') return 'stage1Upcoming';
  if (stage1?.state === 'completed' && stage1.completedOn) {
    return stage1.completedOn < addCalendarMonths(today, -6) ? 'lapsing' : 'toPlan';
  }
  return null;
}

/** Seeds the demo checklists; returns how many were prepared. */
export function seedDemoChecklists(ctx: ServiceContext, today: string): number {
  const all = demoAudits(ctx);
  const seeder = new ChecklistSeeder(ctx, today);
  const byClient = new Map<string, DemoAudit[]>();
  for (const a of all) byClient.set(a.clientId, [...(byClient.get(a.clientId) ?? []), a]);
  const done = new Set<string>();
  const once = (key: string, run: () => void) => {
    if (done.has(key)) return;
    done.add(key);
    run();
  };

  for (const list of byClient.values()) {
    const first = list[0];
    if (!first) continue;
    const stage1 = list.find((a) => a.type === 'stage1');
    const stage2 = list.find((a) => a.type === 'stage2');
    if (first.status === 'applicant' && stage1) {
      const step = applicantStep(list, today);
      if (!step) continue;
      once(step, () => {
        switch (step) {
          case 'stage2InProgress':
            seeder.stage1(stage1, {
              marks: { 'S1.IMPACT': 'concern' },
              conclusion: 'ready',
              summary:
                'Ready for Stage 2. Area of concern: impact assessments are missing for three of the five AI systems in scope.',
            });
            if (stage2) seeder.stage2(stage2, 0.3);
            break;
          case 'stage2Planned':
            seeder.stage1(stage1, {
              marks: { 'S1.RISK': 'concern' },
              conclusion: 'ready',
              summary:
                'Ready for Stage 2. Area of concern: the risk acceptance criteria are still a draft.',
            });
            break;
          case 'decided':
            seeder.stage1(stage1, {
              conclusion: 'ready',
              summary: 'Ready for Stage 2; no areas of concern.',
            });
            if (stage2) seeder.stage2(stage2, 1);
            break;
          case 'stage1Upcoming':
            seeder.stage1Started(stage1);
            break;
          case 'toPlan':
            seeder.stage1(stage1, {
              conclusion: 'ready',
              summary: 'Ready for Stage 2; no areas of concern.',
            });
            break;
          case 'lapsing':
            seeder.stage1(stage1, {
              marks: { 'S1.INTERNAL-AUDIT': 'not_ready', 'S1.MANAGEMENT-REVIEW': 'not_ready' },
              conclusion: 'not_ready',
              summary:
                'Not ready: no internal audit and no management review of the AIMS yet. A new Stage 1 is needed once both are done.',
            });
            break;
        }
      });
    }
    const confirmed = list.find((a) => a.type === 'surveillance' && a.state === 'confirmed');
    if (first.status === 'certified' && confirmed) {
      const heldBefore = list.filter(
        (a) =>
          a.type === 'surveillance' &&
          a.state === 'completed' &&
          a.cycleNumber === confirmed.cycleNumber,
      ).length;
      once(`surveillance${heldBefore}`, () => seeder.surveillance(confirmed, heldBefore === 0));
    }
  }
  return seeder.prepared;
}
