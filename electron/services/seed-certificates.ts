import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  audits,
  certificationCycles,
  certificationDecisions,
  clients,
  findings,
  soaVersions,
} from '../../db/schema';
import { decisionKindLabels } from '../../shared/certificates/decision-rules';
import type { Client, ClientStatus } from '../../shared/clients/schema';
import {
  addCalendarDays,
  addCalendarMonths,
  computeCycle,
  parseCycleInput,
} from '../../shared/cycle';
import { AppError } from '../../shared/errors';
import type { DecisionKind } from '../../shared/findings/decisions';
import type { Person } from '../../shared/people/schema';
import { cycleRequestFor, type CertificationCycle } from '../../shared/programme/programme';
import type { AuditSummary } from '../../shared/programme/audit-schema';
import type { UpdateReportDraftInput } from '../../shared/reports/schema';
import { electronResourcesPath, resourcesFolder } from '../resources-folder';
import { clientAudits, type AuditRow } from './audit-records';
import { logEvent, logFieldChanges } from './change-log';
import { certificationDeciders, takeCertificationDecision } from './certification-decisions';
import { certificationBodyNameKey } from './certification-body';
import { clientCycles } from './certification-cycles';
import { currentCertificate } from './certificates';
import { reviewedReportId } from './certificates-decision-facts';
import { issueCertificate, syncStoredStatuses } from './certificates-issue';
import { saveChecklistAnswer } from './checklist-answers';
import { prepareChecklist } from './checklists';
import { getClient } from './clients';
import type { ServiceContext } from './context';
import type { Db } from '../../db/open';
import { getPerson, listPeople } from './people';
import { issueReport, lintAuditReport, newReportRevision, updateReportDraft } from './reports';
import { demoSoaControls, resultNote } from './seed-checklist-content';
import { readSetting, writeSetting } from './settings';
import { saveSoaVersion } from './soa';

/**
 * The demo's audit reports, certification decisions and certificates (issue 8), consistent with
 * each demo client's cycles, audits, findings and status, taken in date order as the certification
 * body took them, each service's clock set to when it happened:
 * - every certified, suspended and withdrawn client holds the certificate its first cycle's grant
 *   issued; the client recertified before expiry holds the renewed one, which replaced it;
 * - a surveillance with no nonconformity is followed three weeks later by a maintain decision
 *   (none is dated after today, and none follows a surveillance whose findings are still being
 *   dealt with: that decision is pending in the demo);
 * - suspended clients were suspended two weeks after the surveillance they missed was due;
 *   withdrawn ones were suspended and then withdrawn six months later, or withdrawn at their request;
 * - a recent surveillance and the renewed client's recertification have issued reports (the
 *   latter in a second revision with a change note), each audit's checklist answered by its team
 *   first; the recertification racing its expiry has an issued report recommending renewal while
 *   its major is still open; the Stage 2 awaiting its decision has a draft report.
 * Maintain, suspend and withdraw decisions go through takeCertificationDecision, checklists and
 * reports through their services (issued PDFs rendered and kept like any other). Grants and
 * renewals cannot: the demo programme recorded the cycles they started before this runs, and the
 * decision service would start another cycle; nor can the renewed client's maintain decisions of
 * its first cycle (the service counts audits from the latest cycle decision, for them a future
 * one). Those are written here as the service writes them (the decision row, its change log, the
 * certificate through issueCertificate with the configured numbering, the client's status) — and
 * the withdrawn clients' first cycle, which predates every audit the demo keeps, so their grant
 * relies on no recorded audit. The demo certificate past its expiry (still restorable) stays
 * expired, the client certified, as the programme shows it.
 */

export interface CertificationSeedResult {
  /** Checklists prepared and answered for the reports issued here. */
  checklists: number;
  reports: number;
  decisions: number;
  certificates: number;
}

/** The fonts the report PDFs are set in, from the app's resources folder. */
export function demoFontsFolder(): string {
  const resources = resourcesFolder({
    resourcesPath: electronResourcesPath(),
    cwd: process.cwd(),
    exists: fs.existsSync,
  });
  return path.join(resources, 'fonts');
}

/** An instant on a calendar day: `minutes` after 12:00 UTC. */
function instant(day: string, minutes: number): string {
  return new Date(Date.parse(`${day}T12:00:00.000Z`) + minutes * 60_000).toISOString();
}

const demoCertificationBodyName = 'Northbridge Certification Ltd';

/** What an audit's report says, by audit type. */
const conclusions = {
  surveillance:
    'The AI management system continues to fulfil ISO/IEC 42001. Internal audit, management review and the follow-up of earlier findings work as planned; changes to the AI systems in scope went through the AI risk and impact assessment process.',
  recertification:
    'The whole AI management system remains conforming and effective across the cycle: objectives are measured and reviewed, the AI risk and impact assessments are kept up to date, and the management system has improved since the last recertification.',
  recertificationWithMajor:
    'The AI management system is largely conforming and effective. The Statement of Applicability does not yet cover the generative assistant added to the scope (major nonconformity); the correction is under way.',
  stage2:
    'The AI management system is implemented for most of the scope. Impact assessment is missing for the two candidate-ranking models (major nonconformity), which must be corrected and verified before certification.',
} as const;

interface Event {
  day: string;
  /** Minutes after 12:00 UTC on that day: reports before the decisions that review them. */
  minutes: number;
  run: (at: string) => void | Promise<void>;
}

interface History {
  client: Client;
  cycles: CertificationCycle[];
  audits: AuditSummary[];
}

type ReportFields = Omit<UpdateReportDraftInput, 'auditId' | 'revision'>;

class CertificationSeeder {
  private readonly people = new Map<string, Person>();
  private readonly deciders: string[];
  private readonly soaRecorded = new Set<string>();
  /** Clients whose SoA the checklist seed recorded recently: their past audits are left alone. */
  private readonly soaBefore: ReadonlySet<string>;
  private readonly events: Event[] = [];
  checklists = 0;
  reports = 0;
  decisions = 0;
  certificates = 0;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly today: string,
    private readonly fontsFolder: string,
  ) {
    this.deciders = listPeople(ctx.db)
      .filter((p) => p.active && p.roles.some((r) => certificationDeciders.includes(r)))
      .map((p) => p.id);
    for (const row of ctx.db.select({ clientId: soaVersions.clientId }).from(soaVersions).all()) {
      this.soaRecorded.add(row.clientId);
    }
    this.soaBefore = new Set(this.soaRecorded);
  }

  hasSoa(clientId: string): boolean {
    return this.soaBefore.has(clientId);
  }

  /** The context of a person acting at an instant. */
  as(personId: string, at: string): ServiceContext {
    let person = this.people.get(personId);
    if (!person) {
      person = getPerson(this.ctx.db, personId);
      this.people.set(personId, person);
    }
    return { ...this.ctx, actor: { kind: 'person', person }, now: () => new Date(at) };
  }

  at(day: string, minutes: number, run: Event['run']): void {
    if (day > this.today) return;
    this.events.push({ day, minutes, run });
  }

  /** Everything planned, in date order. */
  async run(): Promise<void> {
    const ordered = this.events
      .map((event, i) => ({ event, i }))
      .sort(
        (a, b) =>
          a.event.day.localeCompare(b.event.day) || a.event.minutes - b.event.minutes || a.i - b.i,
      );
    for (const { event } of ordered) await event.run(instant(event.day, event.minutes));
  }

  /** A decision maker who was on none of these audits' teams, in turn. */
  decider(relied: readonly { team: readonly { personId: string }[] }[]): string {
    const free = this.deciders.filter(
      (id) => !relied.some((a) => a.team.some((m) => m.personId === id)),
    );
    const id = free[this.decisions % Math.max(free.length, 1)];
    if (id === undefined) throw new AppError('INTERNAL', 'The demo has no free decision maker.');
    return id;
  }

  // ---- Certification decisions --------------------------------------------------------------

  /**
   * A decision through takeCertificationDecision, by a decision maker on none of its audits.
   * A maintain decision dated before a cycle the demo programme already recorded (the renewed
   * client's first cycle) is written as the service writes it instead: the service counts audits
   * from the client's latest cycle decision, which for that history lies in its future.
   */
  decide(
    history: History,
    kind: DecisionKind,
    day: string,
    reasons: string,
    reliedOn: (day: string) => AuditRow[],
  ): void {
    this.at(day, 240, (at) => {
      const laterCycle = history.cycles.some(
        (c) => c.decisionDate > day || (c.recertificationDecisionDate ?? '') > day,
      );
      if (laterCycle && kind === 'maintain') {
        const relied = reliedOn(day);
        const ctx = this.as(this.decider(this.summaries(history, relied)), at);
        ctx.db.transaction((tx) => {
          this.insertDecision(ctx, tx, history.client.id, kind, day, reasons, relied, null, at);
          syncStoredStatuses(ctx, tx, history.client.id, day, at);
        });
      } else {
        const relied = history.audits.filter(
          (a) => a.state === 'completed' && a.completedOn !== null && a.completedOn <= day,
        );
        takeCertificationDecision(this.as(this.decider(relied), at), {
          clientId: history.client.id,
          kind,
          decisionDate: day,
          reasons,
        });
      }
      this.decisions++;
    });
  }

  private summaries(history: History, relied: readonly AuditRow[]): AuditSummary[] {
    return history.audits.filter((a) => relied.some((r) => r.id === a.id));
  }

  /** The decision row and its change-log entry, as takeCertificationDecision writes them. */
  private insertDecision(
    ctx: ServiceContext,
    tx: Db,
    clientId: string,
    kind: DecisionKind,
    day: string,
    reasons: string,
    relied: readonly AuditRow[],
    scopeText: string | null,
    at: string,
  ): string {
    const row = {
      id: uuidv7(),
      clientId,
      kind,
      decisionDate: day,
      decidedBy: ctx.actor?.kind === 'person' ? ctx.actor.person.id : null,
      reasons,
      conditions: '',
      auditIds: relied.map((a) => a.id),
      reportId: reviewedReportId(tx, relied),
      scopeText,
      createdAt: at,
      updatedAt: at,
    };
    tx.insert(certificationDecisions).values(row).run();
    const { id: _id, createdAt: _c, updatedAt: _u, ...snapshot } = row;
    logEvent(
      ctx,
      tx,
      { entity: 'certification_decision', entityId: row.id, rootId: clientId },
      'created',
      { name: `${decisionKindLabels[kind]} on ${day}`, ...snapshot },
      at,
    );
    return row.id;
  }

  private setStatus(ctx: ServiceContext, clientId: string, status: ClientStatus, at: string) {
    const row = ctx.db
      .select({ status: clients.status })
      .from(clients)
      .where(eq(clients.id, clientId))
      .get();
    if (!row || row.status === status) return;
    ctx.db.update(clients).set({ status, updatedAt: at }).where(eq(clients.id, clientId)).run();
    const target = { entity: 'client', entityId: clientId, rootId: clientId };
    logFieldChanges(ctx, ctx.db, target, { status: row.status }, { status }, at);
  }

  /**
   * A grant or renewal whose cycle the demo programme already recorded, written as the decision
   * service writes it: the decision, the certificate it issues (replacing the current one for a
   * renewal), the client's status, each with its change log.
   */
  recordIssuing(
    history: History,
    kind: 'grant' | 'renew',
    cycle: CertificationCycle,
    reasons: string,
    reliedOn: (day: string) => AuditRow[],
  ): void {
    const day = cycle.decisionDate;
    this.at(day, 240, (at) => {
      const { client } = history;
      const relied = reliedOn(day);
      const ctx = this.as(this.decider(this.summaries(history, relied)), at);
      const expiryDate = cycleExpiry(ctx, client.id, cycle, this.today);
      ctx.db.transaction((tx) => {
        const previous = kind === 'renew' ? currentCertificate(tx, client.id, day) : null;
        const scopeText = previous?.scopeText ?? client.scope.trim();
        const decisionId = this.insertDecision(
          ctx,
          tx,
          client.id,
          kind,
          day,
          reasons,
          relied,
          scopeText,
          at,
        );
        issueCertificate(
          ctx,
          tx,
          {
            clientId: client.id,
            decisionId,
            issueDate: day,
            expiryDate,
            scopeText,
            siteIds: client.sites.map((s) => s.id),
            replacesId: previous?.id ?? null,
          },
          at,
        );
        this.setStatus({ ...ctx, db: tx }, client.id, 'certified', at);
        syncStoredStatuses(ctx, tx, client.id, day, at);
      });
      this.decisions++;
      this.certificates++;
    });
  }

  /** A first cycle recorded for a withdrawn client, as the decision service records one. */
  recordCycle(clientId: string, decisionDate: string): CertificationCycle {
    const at = instant(decisionDate, 239);
    const values = {
      clientId,
      cycleNumber: 1,
      decisionDate,
      previousExpiryDate: null,
      previousAuditDate: null,
      notes: `${decisionKindLabels.grant}: decision of ${decisionDate}.`,
    };
    const row = {
      id: uuidv7(),
      ...values,
      recertificationDecisionDate: null,
      createdAt: at,
      updatedAt: at,
    };
    this.ctx.db.insert(certificationCycles).values(row).run();
    logEvent(
      this.ctx,
      this.ctx.db,
      { entity: 'certification_cycle', entityId: row.id, rootId: clientId },
      'created',
      { name: `Cycle 1 from the certification decision of ${decisionDate}`, ...values },
      at,
    );
    return row;
  }

  // ---- Checklists and reports ---------------------------------------------------------------

  private recordSoa(clientId: string, day: string): void {
    if (this.soaRecorded.has(clientId)) return;
    this.soaRecorded.add(clientId);
    saveSoaVersion(
      { ...this.ctx, now: () => new Date(instant(day, -180)) },
      {
        clientId,
        documentReference: 'AIMS-SOA-01 v1',
        basedOnVersionId: null,
        controls: demoSoaControls(),
      },
    );
  }

  /** The audit's checklist prepared on its first day and every selected item answered over its days. */
  private answerChecklist(audit: AuditSummary, lead: string, auditor: string | null): void {
    this.recordSoa(audit.clientId, addCalendarDays(audit.startDate, -14));
    const checklist = prepareChecklist(this.as(lead, instant(audit.startDate, -240)), {
      auditId: audit.id,
    });
    this.checklists++;
    const items = checklist.items.filter((i) => i.selected);
    const lastDay = audit.completedOn ?? audit.endDate;
    const days = Math.round((Date.parse(lastDay) - Date.parse(audit.startDate)) / 86_400_000) + 1;
    const perDay = Math.ceil(items.length / Math.max(days, 1));
    items.forEach((item, i) => {
      const who = i % 3 === 1 && auditor ? auditor : lead;
      const day = addCalendarDays(audit.startDate, Math.floor(i / perDay));
      saveChecklistAnswer(this.as(who, instant(day, -210 + (i % perDay) * 4)), {
        checklistItemId: item.id,
        result: item.scale === 'readiness' ? 'ready' : 'conforming',
        notes: resultNote('conforming', i),
      });
    });
  }

  /** The lead auditor writes the draft, acknowledges the lint's warnings, and signs it. */
  private async writeAndIssue(
    auditId: string,
    lead: string,
    at: string,
    fields: ReportFields,
    revision: number,
  ): Promise<void> {
    const ctx = this.as(lead, at);
    updateReportDraft(ctx, { auditId, revision, ...fields });
    const problems = lintAuditReport(ctx, auditId);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      throw new AppError(
        'INTERNAL',
        `The demo report cannot be issued: ${errors.map((e) => e.message).join(' ')}`,
      );
    }
    const warnings = problems.filter((p) => p.severity === 'warning').map((p) => p.code);
    if (warnings.length > 0) {
      updateReportDraft(ctx, { auditId, revision, acknowledgedWarnings: warnings });
    }
    await issueReport(ctx, { auditId, revision }, this.fontsFolder);
    this.reports++;
  }

  /**
   * An audit's report issued `afterDays` after its last day (its checklist answered during the
   * audit), and with `revision2`, a second revision issued a few days later with its change note.
   */
  issuedReport(
    history: History,
    audit: AuditSummary,
    afterDays: number,
    fields: ReportFields,
    revision2?: { afterDays: number; changeNote: string; fields: ReportFields },
  ): void {
    const lead = audit.team.find((m) => m.role === 'lead_auditor')?.personId;
    if (!lead || audit.completedOn === null) return;
    const auditor = audit.team.find((m) => m.role === 'auditor')?.personId ?? null;
    const lastDay = audit.completedOn;
    const withSampling =
      history.client.sites.length > 1
        ? {
            samplingBasis:
              audit.type === 'surveillance'
                ? `The central function is visited at every audit; the other ${history.client.sites.length - 1} site(s) in rotation over the cycle (IAF MD 1).`
                : `Every site visited: a recertification audit covers the whole management system at all ${history.client.sites.length} sites.`,
          }
        : {};
    const days = { daysSpent: audit.onsiteDays + audit.remoteDays, daysSpentReason: '' };
    this.at(audit.startDate, -241, () => this.answerChecklist(audit, lead, auditor));
    this.at(addCalendarDays(lastDay, afterDays), 60, (at) =>
      this.writeAndIssue(audit.id, lead, at, { ...days, ...withSampling, ...fields }, 1),
    );
    if (revision2) {
      this.at(addCalendarDays(lastDay, revision2.afterDays), 60, async (at) => {
        newReportRevision(this.as(lead, at), {
          auditId: audit.id,
          changeNote: revision2.changeNote,
        });
        const later = new Date(Date.parse(at) + 45 * 60_000).toISOString();
        await this.writeAndIssue(audit.id, lead, later, revision2.fields, 2);
      });
    }
  }

  /** A draft report the lead auditor has started `afterDays` after the audit. */
  draftReport(audit: AuditSummary, afterDays: number, fields: ReportFields): void {
    const lead = audit.team.find((m) => m.role === 'lead_auditor')?.personId;
    if (!lead || audit.completedOn === null) return;
    const day = addCalendarDays(audit.completedOn, afterDays);
    this.at(day > this.today ? this.today : day, 60, (at) => {
      updateReportDraft(this.as(lead, at), { auditId: audit.id, ...fields });
      this.reports++;
    });
  }

  /** Brings every certificate's stored status up to today (expired, replaced, suspended…). */
  syncAll(clientIds: readonly string[]): void {
    const at = instant(this.today, -720);
    for (const clientId of clientIds)
      syncStoredStatuses(this.ctx, this.ctx.db, clientId, this.today, at);
  }
}

/** The expiry of a cycle by the cycle rules, as its certificate states it. */
function cycleExpiry(
  ctx: ServiceContext,
  clientId: string,
  cycle: CertificationCycle,
  today: string,
): string {
  const day = today < cycle.decisionDate ? cycle.decisionDate : today;
  const parsed = parseCycleInput(cycleRequestFor(cycle, clientAudits(ctx.db, { clientId }), day));
  if (!parsed.ok) {
    throw new AppError(
      'INTERNAL',
      `Demo cycle ${cycle.cycleNumber} cannot be computed: ${parsed.error.message}`,
    );
  }
  return computeCycle(parsed.value).expiryDate;
}

/** The client's audit rows completed after `since` up to `until`, oldest first. */
function heldBetween(
  ctx: ServiceContext,
  clientId: string,
  since: string | null,
  until: string,
): AuditRow[] {
  return ctx.db
    .select()
    .from(audits)
    .where(and(eq(audits.clientId, clientId), eq(audits.state, 'completed')))
    .orderBy(asc(audits.completedOn))
    .all()
    .filter(
      (a) =>
        a.completedOn !== null &&
        a.completedOn <= until &&
        (since === null || a.completedOn > since),
    );
}

/** Audits whose nonconformities (majors and minors not cancelled) are still part of the story. */
function auditsWithNonconformities(ctx: ServiceContext): Set<string> {
  return new Set(
    ctx.db
      .select({ auditId: findings.auditId })
      .from(findings)
      .where(and(inArray(findings.grade, ['major', 'minor']), ne(findings.state, 'cancelled')))
      .all()
      .map((f) => f.auditId),
  );
}

function histories(ctx: ServiceContext): History[] {
  const rows = ctx.db
    .select({ id: clients.id })
    .from(clients)
    .orderBy(asc(clients.reference))
    .all();
  return rows.map(({ id }) => ({
    client: getClient(ctx.db, id),
    cycles: clientCycles(ctx.db, id),
    audits: clientAudits(ctx.db, { clientId: id }).sort((a, b) =>
      a.startDate.localeCompare(b.startDate),
    ),
  }));
}

const surveillanceNumber = (history: History, audit: AuditSummary) =>
  history.audits.filter(
    (a) =>
      a.type === 'surveillance' &&
      a.cycleNumber === audit.cycleNumber &&
      a.state === 'completed' &&
      a.startDate <= audit.startDate,
  ).length;

/** The demo withdrawn clients' stories: months ago granted, and how it ended. */
const withdrawnStories = [
  { grantedMonthsAgo: 32, end: 'afterSuspension' },
  { grantedMonthsAgo: 18, end: 'onRequest' },
  { grantedMonthsAgo: 27, end: 'afterSuspension' },
  { grantedMonthsAgo: 15, end: 'onRequest' },
] as const;

export async function seedDemoCertification(
  ctx: ServiceContext,
  today: string,
  fontsFolder: string,
): Promise<CertificationSeedResult> {
  if ((readSetting(ctx.db, certificationBodyNameKey) ?? '').trim() === '') {
    writeSetting(
      ctx,
      ctx.db,
      certificationBodyNameKey,
      demoCertificationBodyName,
      ctx.now().toISOString(),
    );
  }
  const s = new CertificationSeeder(ctx, today, fontsFolder);
  const all = histories(ctx);
  const withNonconformities = auditsWithNonconformities(ctx);
  /** Dates of each client's decisions as planned, for what a renewal relies on. */
  const planned = new Map<string, string[]>();
  const plan = (clientId: string, day: string) => {
    if (day <= today) planned.set(clientId, [...(planned.get(clientId) ?? []), day]);
  };
  const reliedOn = (history: History) => (day: string) => {
    const before = (planned.get(history.client.id) ?? []).filter((d) => d < day).sort();
    return heldBetween(ctx, history.client.id, before.at(-1) ?? null, day);
  };

  const maintained: { history: History; audit: AuditSummary }[] = [];
  for (const history of all.filter((h) => h.cycles.length > 0)) {
    const { client, cycles } = history;
    const completed = history.audits.filter(
      (a) => a.state === 'completed' && a.completedOn !== null,
    );
    for (const cycle of cycles) {
      plan(client.id, cycle.decisionDate);
      if (cycle.cycleNumber === 1) {
        const stage2 = completed.filter((a) => a.type === 'stage2' && a.cycleNumber === 1).at(-1);
        s.recordIssuing(
          history,
          'grant',
          cycle,
          stage2?.completedOn
            ? `Stage 2 audit of ${stage2.completedOn}: the AI management system is implemented and effective for the scope applied for, with no nonconformity left open. Certification granted (ISO/IEC 17021-1 9.5).`
            : 'Initial certification after Stage 1 and Stage 2 (ISO/IEC 17021-1 9.5).',
          reliedOn(history),
        );
      } else {
        const recertification = completed
          .filter((a) => a.type === 'recertification' && a.cycleNumber === cycle.cycleNumber - 1)
          .at(-1);
        s.recordIssuing(
          history,
          'renew',
          cycle,
          `Recertification audit of ${recertification?.completedOn ?? cycle.previousAuditDate ?? cycle.decisionDate}: the whole AI management system remains conforming and effective. Certification renewed for a further cycle (ISO/IEC 17021-1 9.6.3).`,
          reliedOn(history),
        );
      }
    }
    // Maintain after each surveillance with no nonconformity, three weeks after it.
    for (const audit of completed.filter((a) => a.type === 'surveillance')) {
      const day = addCalendarDays(audit.completedOn ?? audit.endDate, 21);
      if (withNonconformities.has(audit.id) || day >= today) continue;
      plan(client.id, day);
      maintained.push({ history, audit });
      s.decide(
        history,
        'maintain',
        day,
        `Surveillance audit ${surveillanceNumber(history, audit)} of ${audit.completedOn}: the AI management system continues to fulfil ISO/IEC 42001, with no nonconformity. Certification maintained (ISO/IEC 17021-1 9.6.2).`,
        reliedOn(history),
      );
    }
    // A suspended client missed a surveillance: suspended two weeks after it was due.
    if (client.status === 'suspended') {
      const latest = cycles.at(-1);
      if (latest) {
        const output = computeCycle(
          parseOrThrow(cycleRequestFor(latest, history.audits, today), latest.cycleNumber),
        );
        const surveillances = [output.surveillance1, output.surveillance2];
        const overdue = surveillances.findIndex((a) => a.status === 'overdue');
        const missed =
          overdue >= 0
            ? overdue
            : Math.max(
                surveillances.findIndex((a) => a.status !== 'done'),
                0,
              );
        const due = missed === 0 ? output.surveillance1.dueDate : output.surveillance2.dueDate;
        const twoWeeks = addCalendarDays(due, 14);
        const day = twoWeeks < today ? twoWeeks : addCalendarDays(today, -1);
        plan(client.id, day);
        s.decide(
          history,
          'suspend',
          day,
          `Surveillance audit ${missed + 1} was not held by its due date ${due}: the client did not allow the audit at the required frequency. Certification suspended until it is held (ISO/IEC 17021-1 9.6.5.2).`,
          reliedOn(history),
        );
      }
    }
  }

  // Withdrawn clients: a cycle and certificate from before the demo's audits, then the ending.
  all
    .filter((h) => h.client.status === 'withdrawn')
    .forEach((history, turn) => {
      const story = withdrawnStories[turn % withdrawnStories.length];
      if (!story) return;
      const shift = -7 * Math.floor(turn / withdrawnStories.length);
      const granted = addCalendarDays(addCalendarMonths(today, -story.grantedMonthsAgo), shift);
      const cycle = s.recordCycle(history.client.id, granted);
      history.cycles.push(cycle);
      plan(history.client.id, granted);
      s.recordIssuing(
        history,
        'grant',
        cycle,
        'Initial certification after the Stage 2 audit, recorded when the client’s file was brought into Audit Desk (ISO/IEC 17021-1 9.5).',
        () => [],
      );
      if (story.end === 'onRequest') {
        const day = addCalendarMonths(granted, 10);
        s.decide(
          history,
          'withdraw',
          day,
          'The client asked to end its certification: it has stopped developing and providing the AI systems in scope. Certification withdrawn at the client’s request (ISO/IEC 17021-1 9.6.5).',
          reliedOn(history),
        );
        return;
      }
      const due = addCalendarMonths(granted, 12);
      const suspended = addCalendarDays(due, 14);
      s.decide(
        history,
        'suspend',
        suspended,
        `Surveillance audit 1 was not held by its due date ${due}: the client did not allow the audit at the required frequency. Certification suspended until it is held (ISO/IEC 17021-1 9.6.5.2).`,
        reliedOn(history),
      );
      s.decide(
        history,
        'withdraw',
        addCalendarMonths(suspended, 6),
        `The suspension of ${suspended} was not resolved within 6 months (the certification body’s limit for a missed audit, an Audit Desk default): the surveillance audit was never held. Certification withdrawn (ISO/IEC 17021-1 9.6.5).`,
        reliedOn(history),
      );
    });

  // Issued reports: the latest surveillance maintained, the renewed client's recertification
  // (revision 2 corrects the conclusion), and the recertification whose decision waits on a major.
  const reportable = maintained
    .filter(({ history }) => !s.hasSoa(history.client.id))
    .sort((a, b) => (b.audit.completedOn ?? '').localeCompare(a.audit.completedOn ?? ''));
  for (const { history, audit } of reportable.slice(0, 1)) {
    s.issuedReport(history, audit, 3, {
      effectivenessConclusion: conclusions.surveillance,
      recommendation: 'maintain',
      recommendationNotes: 'No nonconformity raised; next surveillance as planned.',
    });
  }
  for (const history of all) {
    const recertification = history.audits.find(
      (a) => a.type === 'recertification' && a.state === 'completed' && a.completedOn !== null,
    );
    if (!recertification?.completedOn || s.hasSoa(history.client.id)) continue;
    const renewed = history.cycles.some((c) => c.cycleNumber === recertification.cycleNumber + 1);
    if (renewed) {
      s.issuedReport(
        history,
        recertification,
        4,
        {
          effectivenessConclusion: conclusions.recertification,
          recommendation: 'renew',
          recommendationNotes: 'No nonconformity raised at the recertification audit.',
        },
        {
          afterDays: 9,
          changeNote:
            'The effectiveness conclusion now names the records sampled (internal audit programme and the last two management reviews); revision 1 left them out. The recommendation is unchanged.',
          fields: {
            effectivenessConclusion: `${conclusions.recertification} Records sampled: internal audit programme IA-2025/26 and the minutes of the last two management reviews.`,
          },
        },
      );
    } else if (withNonconformities.has(recertification.id)) {
      // Its major's response is accepted 20 days after the audit, its minor's 25: issued after both.
      s.issuedReport(history, recertification, 26, {
        effectivenessConclusion: conclusions.recertificationWithMajor,
        recommendation: 'renew',
        recommendationNotes:
          'Renewal recommended once the major nonconformity on the Statement of Applicability is verified as corrected, before the certificate expires.',
      });
    }
  }

  // The Stage 2 awaiting its first decision: the lead auditor's draft, days spent still to enter.
  for (const history of all.filter((h) => h.client.status === 'applicant')) {
    const stage2 = history.audits.find((a) => a.type === 'stage2' && a.state === 'completed');
    if (!stage2) continue;
    s.draftReport(stage2, 2, {
      effectivenessConclusion: conclusions.stage2,
      recommendation: 'grant',
      recommendationNotes:
        'Grant once the major nonconformity on impact assessment (6.1.4) is verified as corrected.',
    });
    break;
  }

  await s.run();
  s.syncAll(all.filter((h) => h.cycles.length > 0).map((h) => h.client.id));
  return {
    checklists: s.checklists,
    reports: s.reports,
    decisions: s.decisions,
    certificates: s.certificates,
  };
}

function parseOrThrow(request: Parameters<typeof parseCycleInput>[0], cycleNumber: number) {
  const parsed = parseCycleInput(request);
  if (!parsed.ok) {
    throw new AppError(
      'INTERNAL',
      `Demo cycle ${cycleNumber} cannot be computed: ${parsed.error.message}`,
    );
  }
  return parsed.value;
}
