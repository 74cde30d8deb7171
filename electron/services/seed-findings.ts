import { asc, eq } from 'drizzle-orm';
import { audits, auditTeamMembers, certificationCycles, clients } from '../../db/schema';
import { addCalendarDays } from '../../shared/cycle';
import type { FindingGrade, FindingTransitionInput } from '../../shared/findings/schema';
import type { Person } from '../../shared/people/schema';
import { hasAnyRole } from '../../shared/people/schema';
import type { AuditRow } from './audit-records';
import type { ServiceContext } from './context';
import { createFindingRecord, findingTransition } from './finding-lifecycle';
import { getPerson, listPeople } from './people';

/**
 * Demo findings in every state of the life cycle (issue 7), on the demo programme's completed
 * audits and dated relative to `today`: a Stage 2 awaiting its decision with an open major (the
 * decision gate blocks it), a recertification racing the certificate's expiry, surveillance
 * findings responded to, rejected, accepted, verified, overdue and cancelled, a minor escalated to
 * a major at the next surveillance, and closed findings from Stage 2 audits whose decisions
 * followed. Every step goes through the life-cycle service as the audit team took it, with the
 * service's clock set to when it happened, so the timeline and the change log read as real.
 */

interface DemoAudit {
  row: AuditRow;
  lastDay: string;
  lead: string;
  auditor: string | null;
  hasDecision: boolean;
  decidedAfter: boolean;
}

/** An instant on a calendar day, `minutes` after 10:00 UTC. */
function instant(day: string, minutes: number): string {
  return new Date(Date.parse(`${day}T10:00:00.000Z`) + minutes * 60_000).toISOString();
}

interface Text {
  requirementRef: string;
  statement: string;
  objectiveEvidence: string;
  gradeRationale?: string;
}

const texts = {
  impact: {
    requirementRef: 'ISO/IEC 42001:2023 6.1.4',
    statement:
      'No AI system impact assessment was performed for the two candidate-ranking models in scope.',
    objectiveEvidence:
      'AI system register v4 (2 in-scope systems, no impact assessment records); interview with the AI governance lead.',
    gradeRationale:
      'A required AIMS element is absent for in-scope systems: the capability to achieve the intended results is affected.',
  },
  risk: {
    requirementRef: 'ISO/IEC 42001:2023 8.2',
    statement:
      'AI risk assessments were not performed for the three model releases of the last six months.',
    objectiveEvidence:
      'Release log RL-2026 (3 releases); risk register last updated before them; interview with the ML platform lead.',
    gradeRationale:
      'Changes to in-scope systems go unassessed: there is significant doubt that effective control is in place.',
  },
  internalAudit: {
    requirementRef: 'ISO/IEC 42001:2023 9.2',
    statement: 'No internal audit of the AI management system was carried out this year.',
    objectiveEvidence:
      'Internal audit programme 2026 (no audit held); minutes of the AI steering group, March and June.',
    gradeRationale: 'The AIMS is not checked by the organisation itself: a systemic gap.',
  },
  soa: {
    requirementRef: 'ISO/IEC 42001:2023 6.1.3',
    statement:
      'The Statement of Applicability does not cover the new generative assistant added to the scope.',
    objectiveEvidence:
      'SoA AIMS-SOA-01 v2 (dated before the assistant went live); scope statement v3.',
    gradeRationale:
      'Controls for an in-scope system were never determined: the capability to achieve the intended results is affected.',
  },
  competence: {
    requirementRef: 'ISO/IEC 42001:2023 7.2',
    statement:
      'Competence records are incomplete for 2 of the 5 data scientists working on in-scope systems.',
    objectiveEvidence: 'Training matrix TM-07; personnel files of two data scientists sampled.',
  },
  objectives: {
    requirementRef: 'ISO/IEC 42001:2023 6.2',
    statement: 'The AI objectives lack measures for how their achievement is evaluated.',
    objectiveEvidence:
      'AI objectives 2026 (4 objectives, none with a measure); management review minutes.',
  },
  documents: {
    requirementRef: 'ISO/IEC 42001:2023 7.5.3',
    statement: 'Two procedures in use on the data science floor are not the approved versions.',
    objectiveEvidence:
      'Printed procedures DS-02 v1 and DS-05 v2 seen at the desks; document register shows v3 of each.',
  },
  logging: {
    requirementRef: 'ISO/IEC 42001:2023 Annex A A.6.2.8',
    statement:
      'Event logs of the claims chatbot are kept for 30 days, shorter than the AI policy requires.',
    objectiveEvidence:
      'Log retention setting of the chatbot platform; AI policy section 5 (12 months).',
  },
  monitoring: {
    requirementRef: 'ISO/IEC 42001:2023 9.1',
    statement: 'Drift monitoring could be extended to the second recommendation model.',
    objectiveEvidence: 'Monitoring dashboard; interview with the MLOps engineer.',
  },
  userInfo: {
    requirementRef: 'ISO/IEC 42001:2023 Annex A A.8.2',
    statement:
      'The information telling users they interact with an AI system could be easier to find.',
    objectiveEvidence: 'Customer app, help pages; interview with the product owner.',
  },
} satisfies Record<string, Text>;

const response = {
  correction: 'The missing records were completed and the affected items put right.',
  rootCause:
    'Nobody owned the activity once the AI systems went live; the AIMS procedure named no role.',
  correctiveAction:
    'The AI governance lead now owns it; the release checklist blocks a release until it is done.',
};

class FindingSeeder {
  private readonly people = new Map<string, Person>();
  count = 0;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly today: string,
    private readonly reviewer: string | null,
  ) {}

  /** A day `days` after `from`, never after today. */
  day(from: string, days: number): string {
    const d = addCalendarDays(from, days);
    return d > this.today ? this.today : d;
  }

  private as(personId: string, at: string): ServiceContext {
    let person = this.people.get(personId);
    if (!person) {
      person = getPerson(this.ctx.db, personId);
      this.people.set(personId, person);
    }
    return { ...this.ctx, actor: { kind: 'person', person }, now: () => new Date(at) };
  }

  raise(audit: DemoAudit, text: Text, grade: FindingGrade, by: 'lead' | 'auditor' = 'lead') {
    const raiser = by === 'auditor' && audit.auditor ? audit.auditor : audit.lead;
    const at = instant(audit.lastDay, 30 + this.count);
    const ctx = this.as(raiser, at);
    this.count++;
    return ctx.db.transaction((tx) =>
      createFindingRecord(
        ctx,
        tx,
        {
          auditId: audit.row.id,
          checklistItemId: null,
          siteId: null,
          requirementRef: text.requirementRef,
          grade,
          gradeRationale: grade === 'major' ? (text.gradeRationale ?? '') : '',
          statement: text.statement,
          objectiveEvidence: text.objectiveEvidence,
          raisedBy: raiser,
          raisedOn: audit.lastDay,
        },
        this.today,
        at,
      ),
    ).id;
  }

  step(personId: string, input: FindingTransitionInput, minutes = 0): string | null {
    const detail = findingTransition(this.as(personId, instant(input.onDate, 60 + minutes)), input);
    return detail.escalatedToId;
  }

  respond(audit: DemoAudit, id: string, onDate: string): void {
    this.step(audit.lead, {
      id,
      event: 'submitResponse',
      onDate,
      ...response,
      plannedCompletion: this.day(onDate, 30),
    });
  }

  accept(audit: DemoAudit, id: string, onDate: string): void {
    this.step(audit.lead, {
      id,
      event: 'accept',
      onDate,
      reason: 'Correction, cause and action address the finding.',
    });
  }

  verify(audit: DemoAudit, id: string, onDate: string, evidence: string): void {
    this.step(audit.lead, {
      id,
      event: 'verify',
      onDate,
      method: 'documentReview',
      effective: true,
      evidence,
    });
  }

  close(audit: DemoAudit, id: string, onDate: string): void {
    this.step(audit.lead, { id, event: 'close', onDate });
  }

  cancel(id: string, onDate: string, reason: string): void {
    if (this.reviewer) this.step(this.reviewer, { id, event: 'cancel', onDate, reason });
  }
}

function demoAudits(ctx: ServiceContext): DemoAudit[] {
  const rows = ctx.db
    .select({ audit: audits, reference: clients.reference })
    .from(audits)
    .innerJoin(clients, eq(clients.id, audits.clientId))
    .where(eq(audits.state, 'completed'))
    .orderBy(asc(clients.reference), asc(audits.plannedStart))
    .all();
  const team = ctx.db.select().from(auditTeamMembers).all();
  const cycles = ctx.db.select().from(certificationCycles).all();
  return rows.flatMap(({ audit }) => {
    const lead = team.find((m) => m.auditId === audit.id && m.role === 'lead_auditor');
    if (!lead || audit.type === 'stage1' || audit.completedOn === null) return [];
    const lastDay = audit.completedOn;
    const decisions = cycles
      .filter((c) => c.clientId === audit.clientId)
      .flatMap((c) => [c.decisionDate, c.recertificationDecisionDate])
      .filter((d): d is string => d !== null);
    return [
      {
        row: audit,
        lastDay,
        lead: lead.personId,
        auditor: team.find((m) => m.auditId === audit.id && m.role === 'auditor')?.personId ?? null,
        hasDecision: decisions.length > 0,
        decidedAfter: decisions.some((d) => d > lastDay),
      },
    ];
  });
}

/** The client's latest completed audit (nothing of it has been followed up by a later one). */
function latestOfClient(all: readonly DemoAudit[], audit: DemoAudit): boolean {
  return !all.some((a) => a.row.clientId === audit.row.clientId && a.lastDay > audit.lastDay);
}

export function seedDemoFindings(ctx: ServiceContext, today: string): number {
  const all = demoAudits(ctx);
  const reviewer =
    listPeople(ctx.db).find((p) => p.active && hasAnyRole(p, ['decision_maker']))?.id ?? null;
  const s = new FindingSeeder(ctx, today, reviewer);
  const used = new Set<string>();
  const take = (pick: (a: DemoAudit) => boolean, order: 'newest' | 'oldest' = 'newest') => {
    const candidates = all.filter((a) => !used.has(a.row.id) && pick(a));
    candidates.sort((a, b) => (a.lastDay < b.lastDay ? 1 : a.lastDay > b.lastDay ? -1 : 0));
    const found = order === 'newest' ? candidates[0] : candidates.at(-1);
    if (found) used.add(found.row.id);
    return found;
  };

  // A Stage 2 awaiting its first decision: an open major blocks the grant (gate G1); an OFI never does.
  const awaiting = take((a) => a.row.type === 'stage2' && !a.hasDecision);
  if (awaiting) {
    s.raise(awaiting, texts.impact, 'major');
    s.raise(awaiting, texts.userInfo, 'ofi', 'auditor');
  }

  // A recertification before the decision: the major must be verified by the expiry (hard limit).
  const recert = take((a) => a.row.type === 'recertification' && !a.decidedAfter);
  if (recert) {
    const major = s.raise(recert, texts.soa, 'major');
    s.respond(recert, major, s.day(recert.lastDay, 12));
    s.accept(recert, major, s.day(recert.lastDay, 20));
    const minor = s.raise(recert, texts.documents, 'minor', 'auditor');
    s.respond(recert, minor, s.day(recert.lastDay, 25));
  }

  const surveillance = (a: DemoAudit) => a.row.type === 'surveillance' && latestOfClient(all, a);

  // The latest surveillance: nothing answered, both responses overdue.
  const silent = take(surveillance);
  if (silent) {
    s.raise(silent, texts.risk, 'major');
    s.raise(silent, texts.competence, 'minor', 'auditor');
  }

  // A response rejected (the deadline did not restart) and resubmitted; an OFI closed.
  const rejected = take(surveillance);
  if (rejected) {
    const major = s.raise(rejected, texts.internalAudit, 'major');
    s.respond(rejected, major, s.day(rejected.lastDay, 10));
    s.step(rejected.lead, {
      id: major,
      event: 'reject',
      onDate: s.day(rejected.lastDay, 13),
      reason: 'The root cause only restates the finding; say why no internal audit was planned.',
    });
    s.respond(rejected, major, s.day(rejected.lastDay, 24));
    const ofi = s.raise(rejected, texts.monitoring, 'ofi', 'auditor');
    s.close(rejected, ofi, s.day(rejected.lastDay, 2));
  }

  // A major verified (closure pending), a minor's plan accepted, a minor cancelled on appeal.
  const progressing = take(surveillance);
  if (progressing) {
    const major = s.raise(progressing, texts.logging, 'major');
    s.respond(progressing, major, s.day(progressing.lastDay, 14));
    s.accept(progressing, major, s.day(progressing.lastDay, 18));
    s.verify(
      progressing,
      major,
      s.day(progressing.lastDay, 60),
      'Platform retention set to 12 months (screenshot of 2 May); sample of logs from 90 days back.',
    );
    const minor = s.raise(progressing, texts.objectives, 'minor', 'auditor');
    s.respond(progressing, minor, s.day(progressing.lastDay, 20));
    s.accept(progressing, minor, s.day(progressing.lastDay, 22));
    const appealed = s.raise(progressing, texts.competence, 'minor');
    s.cancel(
      appealed,
      s.day(progressing.lastDay, 40),
      'Appeal upheld: the two data scientists were contractors outside the AIMS scope.',
    );
  }

  // A minor accepted at one surveillance, found not implemented at the next: escalated to a major.
  const later = take(
    (a) =>
      surveillance(a) &&
      all.some(
        (b) =>
          b.row.clientId === a.row.clientId &&
          b.row.type === 'surveillance' &&
          b.lastDay < a.lastDay &&
          !used.has(b.row.id),
      ),
  );
  const earlier =
    later &&
    take(
      (b) =>
        b.row.clientId === later.row.clientId &&
        b.row.type === 'surveillance' &&
        b.lastDay < later.lastDay,
    );
  if (later && earlier) {
    const minor = s.raise(earlier, texts.objectives, 'minor');
    s.respond(earlier, minor, s.day(earlier.lastDay, 15));
    s.accept(earlier, minor, s.day(earlier.lastDay, 21));
    const majorId = s.step(later.lead, {
      id: minor,
      event: 'verify',
      onDate: later.lastDay,
      method: 'nextAudit',
      effective: false,
      evidence:
        'None of the four AI objectives has a measure yet; the plan accepted last year was not carried out.',
    });
    if (majorId) {
      s.respond(later, majorId, s.day(later.lastDay, 14));
      s.accept(later, majorId, s.day(later.lastDay, 20));
      s.verify(
        later,
        majorId,
        s.day(later.lastDay, 45),
        'AI objectives 2026 v2 with a measure and an owner each; first quarterly results.',
      );
    }
  }

  // Stage 2 audits whose certification followed: their findings were closed before the decision.
  for (const closedStage2 of [
    take((a) => a.row.type === 'stage2' && a.decidedAfter),
    take((a) => a.row.type === 'stage2' && a.decidedAfter),
  ]) {
    if (!closedStage2) continue;
    const d0 = closedStage2.lastDay;
    const major = s.raise(closedStage2, texts.risk, 'major');
    s.respond(closedStage2, major, s.day(d0, 5));
    s.accept(closedStage2, major, s.day(d0, 7));
    s.verify(closedStage2, major, s.day(d0, 14), 'Risk assessments RA-11 to RA-13, approved.');
    s.close(closedStage2, major, s.day(d0, 15));
    const minor = s.raise(closedStage2, texts.documents, 'minor', 'auditor');
    s.respond(closedStage2, minor, s.day(d0, 6));
    s.accept(closedStage2, minor, s.day(d0, 8));
    s.verify(closedStage2, minor, s.day(d0, 16), 'Document register and desk copies checked.');
    s.close(closedStage2, minor, s.day(d0, 17));
  }
  return s.count;
}
