import { and, desc, eq } from 'drizzle-orm';
import { auditReports, people } from '../../db/schema';
import type { Db } from '../../db/open';
import { AppError } from '../../shared/errors';
import type { ReportRevision, ReportState } from '../../shared/reports/schema';
import type { DecisionKind } from '../../shared/findings/decisions';
import { findAuditRow, type AuditRow } from './audit-records';
import { teamRoleOf } from './checklist-access';
import { requireActor, type ServiceContext } from './context';

export type ReportRow = typeof auditReports.$inferSelect;

/** Report revisions sit under the client, like its audits, so the client's history shows them. */
export const reportEntity = (row: Pick<ReportRow, 'id'>, clientId: string) => ({
  entity: 'auditReport',
  entityId: row.id,
  rootId: clientId,
});

function toRevision(row: ReportRow, issuedByName: string | null): ReportRevision {
  return {
    id: row.id,
    auditId: row.auditId,
    revision: row.revision,
    state: row.state as ReportState,
    changeNote: row.changeNote,
    effectivenessConclusion: row.effectivenessConclusion,
    recommendation: row.recommendation as DecisionKind | null,
    recommendationNotes: row.recommendationNotes,
    divergingOpinions: row.divergingOpinions,
    samplingBasis: row.samplingBasis,
    daysSpent: row.daysSpent,
    daysSpentReason: row.daysSpentReason,
    acknowledgedWarnings: row.acknowledgedWarnings,
    issuedById: row.issuedBy,
    issuedByName,
    issuedAt: row.issuedAt,
    pdfSha256: row.pdfSha256,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Every revision of an audit's report, newest first. */
export function reportRevisions(db: Db, auditId: string): ReportRevision[] {
  return db
    .select({ report: auditReports, issuedByName: people.name })
    .from(auditReports)
    .leftJoin(people, eq(people.id, auditReports.issuedBy))
    .where(eq(auditReports.auditId, auditId))
    .orderBy(desc(auditReports.revision))
    .all()
    .map((r) => toRevision(r.report, r.issuedByName));
}

export function latestReportRow(db: Db, auditId: string): ReportRow | undefined {
  return db
    .select()
    .from(auditReports)
    .where(eq(auditReports.auditId, auditId))
    .orderBy(desc(auditReports.revision))
    .get();
}

export function reportRow(db: Db, auditId: string, revision: number): ReportRow | undefined {
  return db
    .select()
    .from(auditReports)
    .where(and(eq(auditReports.auditId, auditId), eq(auditReports.revision, revision)))
    .get();
}

export function revisionOf(db: Db, row: ReportRow): ReportRevision {
  const name = row.issuedBy
    ? (db.select({ name: people.name }).from(people).where(eq(people.id, row.issuedBy)).get()
        ?.name ?? null)
    : null;
  return toRevision(row, name);
}

/** The audit a report belongs to; an unknown id is NOT_FOUND at `auditId`. */
export function reportAudit(db: Db, auditId: string): AuditRow {
  try {
    return findAuditRow(db, auditId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('NOT_FOUND', 'That audit does not exist.', 'auditId');
    }
    throw error;
  }
}

/**
 * Why the signed-in person may not write or issue this audit's report, or null when they may:
 * the report is the audit team's, signed by its lead auditor (ISO/IEC 17021-1 9.4.8.1: the audit
 * team leader is responsible for the report's content). An Audit Desk rule: nobody else edits it.
 */
export function whyNotLeadAuditor(ctx: ServiceContext, auditId: string): string | null {
  const actor = requireActor(ctx);
  reportAudit(ctx.db, auditId);
  if (actor.kind === 'system') {
    return 'Choose who is working: only the lead auditor of the audit writes and issues its report.';
  }
  const role = teamRoleOf(ctx.db, auditId, actor.person.id);
  if (role === 'lead_auditor') return null;
  return `${actor.person.name} is not the lead auditor of this audit; only its lead auditor writes and issues the report.`;
}

export function requireLeadAuditor(ctx: ServiceContext, auditId: string): string {
  const why = whyNotLeadAuditor(ctx, auditId);
  if (why !== null) throw new AppError('FORBIDDEN', why);
  const actor = requireActor(ctx);
  if (actor.kind !== 'person') throw new AppError('FORBIDDEN', 'Choose who is working first.');
  return actor.person.id;
}

/** An issued revision never changes: a change makes a new revision with a change note. */
export function refuseIssued(row: ReportRow, doing: string): void {
  if (row.state !== 'issued') return;
  throw new AppError(
    'CONFLICT',
    `Revision ${row.revision} of this report was issued on ${row.issuedAt?.slice(0, 10) ?? '—'} and cannot change, so it cannot ${doing}. Start a new revision, with a note of what changes and why.`,
  );
}
