import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { uuidv7 } from 'uuidv7';
import { AppError } from '../../shared/errors';
import { reportDocument } from '../../shared/reports/document';
import {
  reportFileSchema,
  type ReportData,
  type ReportFile,
  type ReportFileInput,
} from '../../shared/reports/schema';
import { validationError } from '../../shared/errors';
import { certificationBodyLogoImage } from './certification-body-logo';
import { requireActor, type ServiceContext } from './context';
import {
  appendPart,
  discardPart,
  hashStoredFile,
  openPart,
  storePart,
  storedPath,
} from './evidence-store';
import { renderReportDocx } from './report-docx';
import { assembleReport, blankReportFields } from './report-data';
import { renderReportPdf, reportDataFromPdf } from './report-pdf';
import {
  latestReportRow,
  reportAudit,
  reportRow,
  revisionOf,
  type ReportRow,
} from './report-revisions';

export const pdfMediaType = 'application/pdf';
export const docxMediaType =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Keeps the issued PDF beside the database, content-addressed like evidence files (the recorded
 * SHA-256 is its address), so the file the lead auditor signed is the file handed out later.
 */
export function storeIssuedPdf(ctx: ServiceContext, bytes: Uint8Array): string {
  const part = openPart(ctx.evidenceDirectory, `report-${uuidv7()}`);
  try {
    appendPart(part, Buffer.from(bytes));
    return storePart(ctx.evidenceDirectory, part);
  } catch (error) {
    discardPart(part);
    throw error;
  }
}

/** The issued PDF as signed; refused when the stored copy is missing or no longer has that hash. */
export function issuedPdfBytes(ctx: ServiceContext, row: ReportRow): Uint8Array {
  const hash = row.pdfSha256;
  if (!hash)
    throw new AppError(
      'INTERNAL',
      `Revision ${row.revision} is issued but records no PDF fingerprint.`,
    );
  const file = storedPath(ctx.evidenceDirectory, hash);
  const actual = hashStoredFile(file);
  if (actual === null) {
    throw new AppError(
      'CONFLICT',
      `The issued PDF of revision ${row.revision} (SHA-256 ${hash}) is missing from ${ctx.evidenceDirectory}. Restore the evidence folder from a backup; the report cannot be re-created, because the signed file is the record.`,
    );
  }
  if (actual !== hash) {
    throw new AppError(
      'CONFLICT',
      `The stored PDF of revision ${row.revision} has changed since it was issued (SHA-256 ${actual}, issued as ${hash}). Restore the evidence folder from a backup.`,
    );
  }
  return new Uint8Array(fs.readFileSync(file));
}

/** What an issued revision said, read back from the signed PDF. */
export async function issuedReportData(ctx: ServiceContext, row: ReportRow): Promise<ReportData> {
  const data = await reportDataFromPdf(issuedPdfBytes(ctx, row));
  if (!data) {
    throw new AppError(
      'CONFLICT',
      `The issued PDF of revision ${row.revision} holds no report data.`,
    );
  }
  return data;
}

/** The report data of a revision: as issued for an issued one, assembled now for a draft. */
export async function revisionData(
  ctx: ServiceContext,
  auditId: string,
  row: ReportRow | undefined,
): Promise<ReportData> {
  if (row?.state === 'issued') return issuedReportData(ctx, row);
  return assembleReport(ctx, auditId, row ? revisionOf(ctx.db, row) : blankReportFields).data;
}

/**
 * The report of one revision (the latest unless named) as a file to save: the signed PDF itself
 * for an issued revision, its DOCX rendered from the data inside that PDF; a draft is rendered
 * from the audit's records now and marked DRAFT.
 */
export async function auditReportFile(
  ctx: ServiceContext,
  raw: ReportFileInput,
  fontsFolder: string,
): Promise<ReportFile> {
  requireActor(ctx);
  const parsed = reportFileSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const input = parsed.data;
  reportAudit(ctx.db, input.auditId);
  const row =
    input.revision === undefined
      ? latestReportRow(ctx.db, input.auditId)
      : reportRow(ctx.db, input.auditId, input.revision);
  if (input.revision !== undefined && !row) {
    throw new AppError(
      'NOT_FOUND',
      `This audit's report has no revision ${input.revision}.`,
      'revision',
    );
  }
  const data = await revisionData(ctx, input.auditId, row);
  const stem = reportDocument(data).fileStem;
  let bytes: Uint8Array;
  if (input.format === 'pdf') {
    bytes =
      row?.state === 'issued'
        ? issuedPdfBytes(ctx, row)
        : await renderReportPdf(data, fontsFolder, ctx.now(), certificationBodyLogoImage(ctx));
  } else {
    bytes = await renderReportDocx(data);
  }
  return {
    fileName: `${stem}.${input.format}`,
    mediaType: input.format === 'pdf' ? pdfMediaType : docxMediaType,
    data: Buffer.from(bytes).toString('base64'),
    revision: data.revision,
    state: data.state,
    sha256: sha256(bytes),
  };
}
