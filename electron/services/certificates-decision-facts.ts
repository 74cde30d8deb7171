/**
 * What a certification decision rests on, gathered from the database: the client's certificate and
 * cycle, the audits it relies on with their reports and findings. Both the decision screen and the
 * decision itself read these, so what the screen shows is what the service checks.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { auditReports, findings, people } from '../../db/schema';
import type { Db } from '../../db/open';
import type { DecisionFacts } from '../../shared/certificates/decision-rules';
import type {
  CertificateRow,
  DecisionAudit,
  DecisionFinding,
  DecisionReportSummary,
} from '../../shared/certificates/schema';
import type { Client } from '../../shared/clients/schema';
import { addCalendarDays, computeCycle, expiryFor, parseCycleInput } from '../../shared/cycle';
import type { FindingGrade, FindingState } from '../../shared/findings/schema';
import { cycleRequestFor } from '../../shared/programme/programme';
import { auditTypeLabels, type AuditType } from '../../shared/programme/vocabulary';
import { clientAudits, type AuditRow } from './audit-records';
import { clientCycles } from './certification-cycles';
import { currentCertificate } from './certificates';
import { decisionRecords } from './certificates-detail';
import { decisionForNextCycle, reliedOnAudits } from './decision-gates';

export interface GatheredFacts {
  facts: DecisionFacts;
  relied: AuditRow[];
  certificate: CertificateRow | null;
  /** The expiry a renewal or restoration on that date gives the next cycle (cycle rules B3 step 7). */
  nextCycleExpiry: string | null;
}

function cycleFacts(db: Db, clientId: string, decisionDate: string, today: string) {
  const latest = clientCycles(db, clientId).at(-1);
  if (latest === undefined)
    return { cycle: null, cycleDecision: 'grant' as const, nextCycleExpiry: null };
  const audits = clientAudits(db, { clientId });
  const before = parseCycleInput(cycleRequestFor(latest, audits, decisionDate));
  const cycle = before.ok
    ? (() => {
        const output = computeCycle(before.value);
        return {
          number: latest.cycleNumber,
          expiryDate: output.expiryDate,
          standing: output.certificateStatus,
        };
      })()
    : {
        number: latest.cycleNumber,
        expiryDate: expiryFor(
          latest.previousExpiryDate
            ? addCalendarDays(latest.previousExpiryDate, 1)
            : latest.decisionDate,
        ),
        standing: 'active' as const,
      };
  const day = today < decisionDate ? decisionDate : today;
  const request = {
    ...cycleRequestFor(latest, audits, day),
    recertificationDecisionDate: decisionDate,
  };
  const recertificationAudit = request.recertificationAuditDate ?? null;
  if (recertificationAudit === null || recertificationAudit > decisionDate) {
    return { cycle, cycleDecision: 'grant' as const, nextCycleExpiry: null };
  }
  const parsed = parseCycleInput(request);
  if (!parsed.ok) return { cycle, cycleDecision: 'renew' as const, nextCycleExpiry: null };
  const output = computeCycle(parsed.value);
  const decision = decisionForNextCycle(output.nextCycle?.type);
  return {
    cycle,
    cycleDecision:
      decision === 'restore'
        ? ('restore' as const)
        : decision === 'grant'
          ? ('grant' as const)
          : ('renew' as const),
    nextCycleExpiry: output.nextCycle?.expiryDate ?? null,
  };
}

export function gatherFacts(
  db: Db,
  client: Client,
  decisionDate: string,
  today: string,
): GatheredFacts {
  // An audit a recorded decision already rested on (e.g. the surveillance behind a maintain
  // decision) is not relied on again: each audit leads to one decision.
  const concluded = new Set(decisionRecords(db, client.id).flatMap((d) => d.auditIds));
  const relied = reliedOnAudits(db, client.id, decisionDate).filter((a) => !concluded.has(a.id));
  const certificate = currentCertificate(db, client.id, decisionDate);
  const { cycle, cycleDecision, nextCycleExpiry } = cycleFacts(db, client.id, decisionDate, today);
  return {
    facts: {
      clientName: client.legalName,
      clientStatus: client.status,
      certificate: certificate && {
        number: certificate.number,
        status: certificate.status,
        expiryDate: certificate.expiryDate,
        scopeText: certificate.scopeText,
      },
      cycle,
      cycleDecision,
      reliedOnAuditTypes: relied.map((a) => a.type as AuditType),
    },
    relied,
    certificate,
    nextCycleExpiry,
  };
}

/**
 * Why this person may not decide on these audits (ISO/IEC 17021-1 9.5.1, gate G5): they were on
 * the team of one of them, observers included. Null when they were on none.
 */
export function teamMembershipRefusal(
  db: Db,
  relied: readonly AuditRow[],
  person: { id: string; name: string },
): string | null {
  if (relied.length === 0) return null;
  const summaries = clientAudits(db, { clientId: relied[0]?.clientId ?? '' });
  const onTeam = relied.flatMap((audit) => {
    const summary = summaries.find((s) => s.id === audit.id);
    return summary?.team.some((m) => m.personId === person.id) ? [summary] : [];
  });
  if (onTeam.length === 0) return null;
  const which = onTeam
    .map((a) => `the ${auditTypeLabels[a.type]} audit of ${a.startDate} to ${a.endDate}`)
    .join(' and ');
  return `${person.name} was on the audit team of ${which}, which this decision relies on: someone who was not on the team must take the certification decision (ISO/IEC 17021-1 9.5.1, gate G5).`;
}

/** The latest issued revision of each audit's report (else its latest draft), by audit id. */
export function reportSummaries(
  db: Db,
  auditIds: readonly string[],
): Map<string, DecisionReportSummary> {
  const out = new Map<string, DecisionReportSummary>();
  if (auditIds.length === 0) return out;
  const rows = db
    .select({ report: auditReports, issuedByName: people.name })
    .from(auditReports)
    .leftJoin(people, eq(people.id, auditReports.issuedBy))
    .where(inArray(auditReports.auditId, [...auditIds]))
    .orderBy(desc(auditReports.revision))
    .all();
  for (const auditId of auditIds) {
    const own = rows.filter((r) => r.report.auditId === auditId);
    const chosen = own.find((r) => r.report.state === 'issued') ?? own[0];
    if (!chosen) continue;
    const { report } = chosen;
    out.set(auditId, {
      reportId: report.id,
      revision: report.revision,
      state: report.state,
      issuedAt: report.issuedAt,
      issuedByName: report.state === 'issued' ? chosen.issuedByName : null,
      recommendation: report.recommendation,
      recommendationNotes: report.recommendationNotes,
      effectivenessConclusion: report.effectivenessConclusion,
    });
  }
  return out;
}

/** The issued report the decision reviews: that of the latest relied-on audit with one issued. */
export function reviewedReportId(db: Db, relied: readonly AuditRow[]): string | null {
  const reports = reportSummaries(
    db,
    relied.map((a) => a.id),
  );
  for (const audit of [...relied].reverse()) {
    const report = reports.get(audit.id);
    if (report?.state === 'issued') return report.reportId;
  }
  return null;
}

export function decisionAudits(db: Db, relied: readonly AuditRow[]): DecisionAudit[] {
  if (relied.length === 0) return [];
  const summaries = clientAudits(db, { clientId: relied[0]?.clientId ?? '' });
  const reports = reportSummaries(
    db,
    relied.map((a) => a.id),
  );
  return relied.map((audit) => {
    const summary = summaries.find((s) => s.id === audit.id);
    return {
      id: audit.id,
      type: audit.type as AuditType,
      cycleNumber: audit.cycleNumber,
      startDate: audit.plannedStart,
      endDate: audit.plannedEnd,
      completedOn: audit.completedOn,
      team: summary?.team ?? [],
      report: reports.get(audit.id) ?? null,
    };
  });
}

/** Every finding of the relied-on audits, open and finished, graded majors first. */
export function decisionFindings(db: Db, auditIds: readonly string[]): DecisionFinding[] {
  if (auditIds.length === 0) return [];
  const rank = (grade: string | null) => ['major', 'minor', 'ofi'].indexOf(grade ?? '') + 1 || 4;
  return db
    .select({
      id: findings.id,
      auditId: findings.auditId,
      grade: findings.grade,
      state: findings.state,
      requirementRef: findings.requirementRef,
      statement: findings.statement,
      verifiedOn: findings.verifiedOn,
      closedOn: findings.closedOn,
    })
    .from(findings)
    .where(and(inArray(findings.auditId, [...auditIds])))
    .all()
    .map((f) => ({ ...f, grade: f.grade as FindingGrade | null, state: f.state as FindingState }))
    .sort(
      (a, b) => rank(a.grade) - rank(b.grade) || a.requirementRef.localeCompare(b.requirementRef),
    );
}
