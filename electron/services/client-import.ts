import type { z } from 'zod';
import { clients } from '../../db/schema';
import type { Db } from '../../db/open';
import {
  importClientsSchema,
  mappingProblems,
  planImport,
  previewClientImportSchema,
  previewOf,
  readClientImportFileSchema,
  rowsToImport,
  suggestMapping,
  type ClientImportFile,
  type ClientImportMapping,
  type ClientImportPreview,
  type ClientImportResult,
  type ExistingClient,
} from '../../shared/clients/import';
import { AppError, validationError } from '../../shared/errors';
import { decodeImportFile, readImportTable, type ReadTable } from './client-import-file';
import { createClient, managers } from './clients';
import { requireRole, type ServiceContext } from './context';

/**
 * Client import (issue 9): a CSV or XLSX file is read here, its rows are checked and compared with
 * the stored clients by the rules of shared/clients/import.ts, and nothing is written until
 * importClients, which creates every row in one transaction through createClient itself.
 */

type FileInput = z.input<typeof readClientImportFileSchema>;
type PreviewInput = z.input<typeof previewClientImportSchema>;
type ImportInput = z.input<typeof importClientsSchema>;

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

async function readFile(fileName: string, data: string): Promise<ReadTable> {
  return readImportTable(fileName, decodeImportFile(data));
}

function checkMapping(mapping: ClientImportMapping, read: ReadTable): void {
  const problems = mappingProblems(mapping, read.table.headers.length);
  const first = Object.entries(problems)[0];
  if (first) throw new AppError('VALIDATION', first[1], `mapping.${first[0]}`);
}

function existingClients(db: Db): ExistingClient[] {
  return db
    .select({
      id: clients.id,
      reference: clients.reference,
      legalName: clients.legalName,
      country: clients.country,
    })
    .from(clients)
    .all();
}

/** Reads the file and suggests a column for each field; nothing is stored. */
export async function readClientImportFile(
  ctx: ServiceContext,
  raw: FileInput,
): Promise<ClientImportFile> {
  requireRole(ctx, managers, 'import clients');
  const input = parse(readClientImportFileSchema, raw);
  const read = await readFile(input.fileName, input.data);
  return {
    fileName: input.fileName,
    format: read.format,
    delimiter: read.delimiter,
    sheetName: read.sheetName,
    headerRow: read.headerRow,
    headers: read.table.headers,
    samples: read.table.rows.slice(0, 3).map((r) => r.cells),
    rowCount: read.table.rows.length,
    suggestedMapping: suggestMapping(read.table.headers),
  };
}

/** Every row checked and compared with the stored clients; nothing is stored. */
export async function previewClientImport(
  ctx: ServiceContext,
  raw: PreviewInput,
): Promise<ClientImportPreview> {
  requireRole(ctx, managers, 'import clients');
  const input = parse(previewClientImportSchema, raw);
  const read = await readFile(input.fileName, input.data);
  checkMapping(input.mapping, read);
  return previewOf(planImport(read.table, input.mapping, existingClients(ctx.db)));
}

/**
 * Creates the valid rows that are not duplicates (and the duplicates the user chose), all in one
 * transaction: if one fails, none is stored. Rows with errors are never imported. `dryRun` reports
 * what would happen and writes nothing.
 */
export async function importClients(
  ctx: ServiceContext,
  raw: ImportInput,
): Promise<ClientImportResult> {
  requireRole(ctx, managers, 'import clients');
  const input = parse(importClientsSchema, raw);
  const read = await readFile(input.fileName, input.data);
  checkMapping(input.mapping, read);
  const { dryRun } = input;
  // The file is read before the transaction: inside it everything is synchronous, so the check
  // against the stored clients and the writes see the same database.
  return ctx.db.transaction(() => {
    const plan = planImport(read.table, input.mapping, existingClients(ctx.db));
    const rows = rowsToImport(plan, input.importDuplicates);
    const importedRows = new Set(rows.map((r) => r.row));
    const created: ClientImportResult['clients'] = [];
    if (!dryRun) {
      for (const { row, values } of rows) {
        try {
          const client = createClient(ctx, values);
          created.push({
            id: client.id,
            reference: client.reference,
            legalName: client.legalName,
            row,
          });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          throw new AppError(
            error.code,
            `Row ${row}: ${error.message} Nothing was imported.`,
            error.field,
          );
        }
      }
    }
    const duplicates = plan.duplicates.map((d) => ({ ...d, imported: importedRows.has(d.row) }));
    return {
      imported: rows.length,
      skipped: duplicates.filter((d) => !d.imported).length,
      errorRowCount: plan.errorRowCount,
      errors: plan.errors,
      duplicates,
      clients: created.sort((a, b) => a.row - b.row),
      dryRun,
    };
  });
}
