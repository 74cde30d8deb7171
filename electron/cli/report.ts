import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { reportFormats, type ReportFormat } from '../../shared/reports/schema';
import { requiredOption, userPath } from './args';
import type { CliCommand } from './command';
import { invoke, opened } from './invoke';

function format(value: string): ReportFormat {
  if ((reportFormats as readonly string[]).includes(value)) return value as ReportFormat;
  throw new AppError(
    'VALIDATION',
    `Choose --format pdf or --format docx, not "${value}".`,
    'format',
  );
}

export const reportCommands: CliCommand[] = [
  {
    name: 'report',
    summary:
      "report --audit ID --format pdf|docx --out FILE: writes the audit report of the audit's latest revision (the signed PDF itself once issued; a draft is marked DRAFT) and prints {file, sha256, revision, state}.",
    needsDatabase: true,
    run: async (args, _io, runtime) => {
      const auditId = requiredOption(args, 'audit', 'AUDIT_ID');
      const chosen = format(requiredOption(args, 'format', 'pdf'));
      const out = userPath(requiredOption(args, 'out', 'report.pdf'));
      const file = await invoke(opened(runtime), 'auditReportFile', { auditId, format: chosen });
      const bytes = Buffer.from(file.data, 'base64');
      try {
        fs.writeFileSync(out, bytes);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new AppError('VALIDATION', `Cannot write the report to ${out}: ${reason}`, 'out');
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return { file: out, sha256, revision: file.revision, state: file.state };
    },
  },
  {
    name: 'report-lint',
    summary:
      "report-lint --audit ID: what still stands between the audit's draft report and its issue, as a JSON list of problems (severity error|warning, code, message, ref: where to fix it).",
    needsDatabase: true,
    run: (args, _io, runtime) =>
      invoke(opened(runtime), 'auditReportLint', {
        auditId: requiredOption(args, 'audit', 'AUDIT_ID'),
      }),
  },
];
