import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { auditReports } from '../../db/schema';
import type { Db } from '../../db/open';
import { AppError, validationError } from '../../shared/errors';
import { issueReadiness, lintReport } from '../../shared/reports/lint';
import {
  issueReportSchema,
  newReportRevisionSchema,
  reportDraftFieldNames,
  updateReportDraftSchema,
  type AuditReportView,
  type IssueReportInput,
  type NewReportRevisionInput,
  type ReportProblem,
  type ReportRevision,
  type UpdateReportDraftInput,
} from '../../shared/reports/schema';
import { certificationBodyLogoImage } from './certification-body-logo';
import { logEvent, logFieldChanges } from './change-log';
import { nowIso, requireActor, type ServiceContext } from './context';
import { assembleReport, blankReportFields } from './report-data';
import { revisionData, sha256, storeIssuedPdf } from './report-files';
import { renderReportPdf } from './report-pdf';
import {
  latestReportRow,
  refuseIssued,
  reportAudit,
  reportEntity,
  reportRevisions,
  revisionOf,
  requireLeadAuditor,
  whyNotLeadAuditor,
  type ReportRow,
} from './report-revisions';

/** The lint of the latest draft (or of the unsaved revision 1); nothing for an issued revision. */
export function lintAuditReport(ctx: ServiceContext, auditId: string): ReportProblem[] {
  requireActor(ctx);
  reportAudit(ctx.db, auditId);
  const row = latestReportRow(ctx.db, auditId);
  if (row?.state === 'issued') return [];
  return lintReport(
    assembleReport(ctx, auditId, row ? revisionOf(ctx.db, row) : blankReportFields).lint,
  );
}

/** An audit's report as the report screen shows it: revisions, what the documents say, the lint. */
export async function auditReportView(
  ctx: ServiceContext,
  auditId: string,
): Promise<AuditReportView> {
  requireActor(ctx);
  const audit = reportAudit(ctx.db, auditId);
  const row = latestReportRow(ctx.db, auditId);
  const revisions = reportRevisions(ctx.db, auditId);
  const issued = row?.state === 'issued';
  // A draft is assembled once for both what it shows and its lint; an issued one is read back.
  const draft = issued ? null : assembleReport(ctx, auditId, revisions[0] ?? blankReportFields);
  const data = draft ? draft.data : await revisionData(ctx, auditId, row);
  const notLead = whyNotLeadAuditor(ctx, auditId);
  return {
    auditId,
    auditType: data.audit.type,
    revisions,
    latest: revisions[0] ?? null,
    data,
    problems: draft ? lintReport(draft.lint) : [],
    isLeadAuditor: notLead === null,
    cannotEdit:
      notLead ??
      (issued
        ? `Revision ${row.revision} is issued and cannot change. Start a new revision to change the report.`
        : audit.state === 'cancelled'
          ? 'This audit was cancelled.'
          : null),
  };
}

function insertRevision(tx: Db, values: Omit<typeof auditReports.$inferInsert, 'id'>): ReportRow {
  const row = { id: uuidv7(), ...values };
  tx.insert(auditReports).values(row).run();
  const stored = tx.select().from(auditReports).where(eq(auditReports.id, row.id)).get();
  if (!stored) throw new AppError('INTERNAL', 'The report revision was not stored.');
  return stored;
}

/**
 * Saves the parts of the draft the lead auditor writes (only the fields sent, so an autosave sends
 * what changed). The first save creates revision 1. An issued revision is refused.
 */
export function updateReportDraft(
  ctx: ServiceContext,
  raw: UpdateReportDraftInput,
): ReportRevision {
  const parsed = updateReportDraftSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  requireLeadAuditor(ctx, input.auditId);
  const audit = reportAudit(ctx.db, input.auditId);
  const at = nowIso(ctx);
  const saved = ctx.db.transaction((tx) => {
    let row = latestReportRow(tx, input.auditId);
    if (row && input.revision !== undefined && input.revision !== row.revision) {
      throw new AppError(
        'CONFLICT',
        `This change was made to revision ${input.revision}, but the report is at revision ${row.revision} now. Reload the report; your text is kept on this computer.`,
        'revision',
      );
    }
    if (row) refuseIssued(row, 'be edited');
    if (!row) {
      row = insertRevision(tx, {
        auditId: input.auditId,
        revision: 1,
        state: 'draft',
        acknowledgedWarnings: [],
        createdAt: at,
        updatedAt: at,
      });
      logEvent(ctx, tx, reportEntity(row, audit.clientId), 'created', revisionOf(tx, row), at);
    }
    const patch: Partial<ReportRow> = {};
    for (const name of reportDraftFieldNames) {
      const value = input[name];
      if (value !== undefined) Object.assign(patch, { [name]: value });
    }
    if (patch.acknowledgedWarnings)
      patch.acknowledgedWarnings = [...new Set(patch.acknowledgedWarnings)].sort();
    const before = Object.fromEntries(
      Object.keys(patch).map((k) => [k, row[k as keyof ReportRow]]),
    );
    const changed = logFieldChanges(ctx, tx, reportEntity(row, audit.clientId), before, patch, at);
    if (changed > 0) {
      tx.update(auditReports)
        .set({ ...patch, updatedAt: at })
        .where(eq(auditReports.id, row.id))
        .run();
    }
    return tx.select().from(auditReports).where(eq(auditReports.id, row.id)).get() ?? row;
  });
  return revisionOf(ctx.db, saved);
}

/**
 * Starts revision n+1 of an issued report as a draft copy of it, with the required change note;
 * the warnings are acknowledged again for the new revision.
 */
export function newReportRevision(
  ctx: ServiceContext,
  raw: NewReportRevisionInput,
): ReportRevision {
  const parsed = newReportRevisionSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  requireLeadAuditor(ctx, input.auditId);
  const audit = reportAudit(ctx.db, input.auditId);
  const at = nowIso(ctx);
  const row = ctx.db.transaction((tx) => {
    const latest = latestReportRow(tx, input.auditId);
    if (!latest || latest.state !== 'issued') {
      throw new AppError(
        'CONFLICT',
        latest
          ? `Revision ${latest.revision} is still a draft: change it directly, no new revision is needed.`
          : 'No revision of this report has been issued yet: write and issue the draft first.',
      );
    }
    const created = insertRevision(tx, {
      auditId: input.auditId,
      revision: latest.revision + 1,
      state: 'draft',
      changeNote: input.changeNote,
      effectivenessConclusion: latest.effectivenessConclusion,
      recommendation: latest.recommendation,
      recommendationNotes: latest.recommendationNotes,
      divergingOpinions: latest.divergingOpinions,
      samplingBasis: latest.samplingBasis,
      daysSpent: latest.daysSpent,
      daysSpentReason: latest.daysSpentReason,
      acknowledgedWarnings: [],
      createdAt: at,
      updatedAt: at,
    });
    logEvent(
      ctx,
      tx,
      reportEntity(created, audit.clientId),
      'created',
      revisionOf(tx, created),
      at,
    );
    return created;
  });
  return revisionOf(ctx.db, row);
}

function refusal(problems: readonly ReportProblem[], what: string): string {
  const first = problems.slice(0, 3).map((p) => p.message);
  const more = problems.length > 3 ? ` …and ${problems.length - 3} more.` : '';
  return `${what}: ${first.join(' ')}${more}`;
}

/**
 * The lead auditor signs and issues the draft: the lint must show no errors and every warning
 * must be acknowledged. The PDF is rendered once, its SHA-256 recorded with the signer and the
 * time, and the file kept; the revision never changes after that.
 */
export async function issueReport(
  ctx: ServiceContext,
  raw: IssueReportInput,
  fontsFolder: string,
): Promise<ReportRevision> {
  const parsed = issueReportSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  const signerId = requireLeadAuditor(ctx, input.auditId);
  const audit = reportAudit(ctx.db, input.auditId);
  const row = latestReportRow(ctx.db, input.auditId);
  if (!row) {
    throw new AppError('CONFLICT', 'Nothing to issue yet: write the report first.', 'revision');
  }
  if (row.revision !== input.revision) {
    throw new AppError(
      'CONFLICT',
      `The report is at revision ${row.revision}, not ${input.revision}. Reload it.`,
      'revision',
    );
  }
  refuseIssued(row, 'be issued again');
  const fields = revisionOf(ctx.db, row);
  const assembled = assembleReport(ctx, input.auditId, fields);
  const readiness = issueReadiness(lintReport(assembled.lint), fields.acknowledgedWarnings);
  if (readiness.errors.length > 0) {
    throw new AppError(
      'CONFLICT',
      refusal(
        readiness.errors,
        `The report cannot be issued while ${readiness.errors.length} ${readiness.errors.length === 1 ? 'error remains' : 'errors remain'}`,
      ),
    );
  }
  if (readiness.unacknowledged.length > 0) {
    throw new AppError(
      'CONFLICT',
      refusal(readiness.unacknowledged, 'Acknowledge each warning before issuing'),
      'acknowledgedWarnings',
    );
  }
  const issuedAt = nowIso(ctx);
  const signer = ctx.actor?.kind === 'person' ? ctx.actor.person.name : null;
  const data = {
    ...assembled.data,
    state: 'issued' as const,
    issuedAt,
    issuedByName: signer,
    preparedAt: issuedAt,
  };
  const pdf = await renderReportPdf(
    data,
    fontsFolder,
    new Date(issuedAt),
    certificationBodyLogoImage(ctx),
  );
  const hash = sha256(pdf);
  storeIssuedPdf(ctx, pdf);
  const issued = ctx.db.transaction((tx) => {
    const now = tx
      .select()
      .from(auditReports)
      .where(and(eq(auditReports.id, row.id)))
      .get();
    if (!now || now.state !== 'draft' || now.updatedAt !== row.updatedAt) {
      throw new AppError(
        'CONFLICT',
        'The draft changed while it was being issued. Review it and issue again.',
      );
    }
    const after = { state: 'issued', issuedBy: signerId, issuedAt, pdfSha256: hash };
    logFieldChanges(
      ctx,
      tx,
      reportEntity(row, audit.clientId),
      { state: now.state, issuedBy: null, issuedAt: null, pdfSha256: null },
      after,
      issuedAt,
    );
    tx.update(auditReports)
      .set({ ...after, updatedAt: issuedAt })
      .where(eq(auditReports.id, row.id))
      .run();
    return tx.select().from(auditReports).where(eq(auditReports.id, row.id)).get() ?? now;
  });
  return revisionOf(ctx.db, issued);
}
