import { validationError } from '../../shared/errors';
import { findingStateLabels } from '../../shared/findings/lifecycle';
import {
  exportFindingsSchema,
  findingGradeLabels,
  type ExportedFile,
  type FindingRow,
} from '../../shared/findings/schema';
import { auditTypeLabels, type AuditType } from '../../shared/programme/vocabulary';
import type { z } from 'zod';
import { requireActor, type ServiceContext } from './context';
import { iterateRegister, registerToday, type RegisterFilters } from './finding-register';
import { exportTable, tableCsv, type TableColumn } from './table-export';

type ExportInput = z.input<typeof exportFindingsSchema>;

/** The register's columns in the files, with their widths in the spreadsheet (characters). */
const columns: TableColumn<FindingRow>[] = [
  { header: 'Client reference', width: 16, value: (r) => r.clientReference },
  { header: 'Client', width: 32, value: (r) => r.clientName },
  {
    header: 'Audit',
    width: 16,
    value: (r) => auditTypeLabels[r.auditType as AuditType] ?? r.auditType,
  },
  { header: 'Requirement', width: 28, value: (r) => r.requirementRef },
  {
    header: 'Grade',
    width: 28,
    value: (r) => (r.grade ? findingGradeLabels[r.grade] : 'Not graded'),
  },
  { header: 'State', width: 20, value: (r) => findingStateLabels[r.state] },
  { header: 'Statement', width: 60, value: (r) => r.statement },
  { header: 'Raised on', width: 12, value: (r) => r.raisedOn },
  { header: 'Raised by', width: 22, value: (r) => r.raisedByName ?? '' },
  { header: 'Response due', width: 14, value: (r) => r.responseDue ?? '' },
  { header: 'Verification due', width: 16, value: (r) => r.verificationDue ?? '' },
  { header: 'Next due', width: 12, value: (r) => r.nextDue ?? '' },
  { header: 'Overdue', width: 9, value: (r) => (r.overdue ? 'yes' : 'no') },
  { header: 'Finding id', width: 38, value: (r) => r.id },
];

/** The register as CSV (the dialect and formula guard of tableCsv), without a byte-order mark. */
export function findingsCsv(rows: Iterable<FindingRow>): string {
  return tableCsv(columns, rows);
}

/** The register with the same filters as the list, all rows, as CSV or XLSX. */
export async function exportFindings(ctx: ServiceContext, raw: ExportInput): Promise<ExportedFile> {
  requireActor(ctx);
  const parsed = exportFindingsSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { format, ...filters } = parsed.data;
  const today = registerToday(ctx, filters.today);
  const rows = iterateRegister(ctx.sqlite, filters as RegisterFilters, today);
  return exportTable(format, {
    columns,
    rows,
    baseName: `nonconformity-register-${today}`,
    sheetName: 'Nonconformities',
    today,
  });
}
