import {
  exportCertificatesSchema,
  type CertificateRow,
  type ExportCertificatesInput,
} from '../../shared/certificates/schema';
import { issuedCertificateStatusLabels } from '../../shared/certificates/status';
import { validationError } from '../../shared/errors';
import type { ExportedFile } from '../../shared/findings/schema';
import { requireActor, type ServiceContext } from './context';
import { queryCertificates, serviceToday } from './certificates';
import { exportTable, type TableColumn } from './table-export';

/** One site as a public register lists it: name, address and country; the central function marked. */
export function siteText(site: CertificateRow['sites'][number]): string {
  const where = [site.address, site.country].filter((part) => part.trim() !== '').join(', ');
  return `${site.name}${site.isCentral ? ' (central function)' : ''}${where ? `: ${where}` : ''}`;
}

/**
 * The columns of a public register of accredited certifications (the shape of IAF CertSearch-style
 * uploads), in this order; documented in the README.
 */
export const certificateColumns: TableColumn<CertificateRow>[] = [
  { header: 'Certificate number', width: 22, value: (r) => r.number },
  { header: 'Organisation', width: 36, value: (r) => r.organisation },
  { header: 'Country', width: 9, value: (r) => r.country },
  { header: 'Scope', width: 60, value: (r) => r.scopeText },
  { header: 'Standard', width: 20, value: (r) => r.standard },
  { header: 'Issue date', width: 12, value: (r) => r.issueDate },
  { header: 'Expiry date', width: 12, value: (r) => r.expiryDate },
  { header: 'Status', width: 11, value: (r) => issuedCertificateStatusLabels[r.status] },
  { header: 'Sites', width: 60, value: (r) => r.sites.map(siteText).join('; ') },
];

export interface CertificateExport {
  file: ExportedFile;
  rows: number;
}

/** The register with the list's filters, as CSV or XLSX. */
export async function exportCertificateRegister(
  ctx: ServiceContext,
  raw: ExportCertificatesInput,
): Promise<CertificateExport> {
  requireActor(ctx);
  const parsed = exportCertificatesSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { format, ...query } = parsed.data;
  const today = serviceToday(ctx, query.today);
  const rows = queryCertificates(ctx.db, query, today);
  const file = await exportTable(format, {
    columns: certificateColumns,
    rows,
    baseName: `certificate-register-${today}`,
    sheetName: 'Certificates',
    today,
  });
  return { file, rows: rows.length };
}

export async function exportCertificates(
  ctx: ServiceContext,
  raw: ExportCertificatesInput,
): Promise<ExportedFile> {
  return (await exportCertificateRegister(ctx, raw)).file;
}
