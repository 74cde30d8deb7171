import fs from 'node:fs';
import {
  calculateAuditTime,
  defaultAuditTimeTable,
  parseAuditTimeInput,
  validateAuditTimeTable,
  type AuditTimeTable,
} from '../../shared/audit-time';
import { AppError } from '../../shared/errors';
import { currentAuditTimeTable } from '../services/audit-time-tables';
import { optionValue, userPath } from './args';
import type { CliCommand } from './command';

/** A CB-edited table from `--table FILE`; its errors are reported as `table.bands[2].max` etc. */
function readTable(file: string): AuditTimeTable {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(userPath(file), 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('VALIDATION', `Cannot read the table file ${file}: ${reason}`, 'table');
  }
  const checked = validateAuditTimeTable(raw);
  if (checked.ok) return checked.value;
  const [first] = checked.errors;
  const field = first?.field === undefined ? 'table' : `table.${first.field}`;
  throw new AppError('VALIDATION', first?.message ?? 'The table is not valid.', field);
}

export const auditTimeCommand: CliCommand = {
  name: 'audit-time',
  summary:
    'audit-time [FILE] [--table TABLE.json] [--db PATH]: auditor-days for an AIMS audit (Stage 1, Stage 2, surveillance, recertification) with a step-by-step justification; the table is --table, else the current version in --db, else the shipped default.',
  needsDatabase: 'whenGiven',
  run: async (args, io, runtime) => {
    const tableFile = optionValue(args, 'table', 'cb-table.json');
    const table =
      tableFile !== undefined
        ? readTable(tableFile)
        : runtime
          ? currentAuditTimeTable(runtime.context()).table
          : defaultAuditTimeTable;
    const parsed = parseAuditTimeInput(await io.readInput(), table);
    if (!parsed.ok) {
      throw new AppError('VALIDATION', parsed.error.message, parsed.error.field);
    }
    return calculateAuditTime(parsed.value, table);
  },
};
