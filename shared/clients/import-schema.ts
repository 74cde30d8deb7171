import { z } from 'zod';
import { clientImportFields, type ClientImportField } from './import-fields';
import { clientListQuerySchema } from './schema';

/** The client import's limits, contract inputs and results (the rules are in import.ts). */

/**
 * Audit Desk limits: a file of at most 10 MB and 2,000 clients per import (each is created through
 * createClient in one transaction, a few milliseconds a client, so an import stays within seconds).
 */
export const clientImportMaxBytes = 10 * 1024 * 1024;
export const clientImportMaxRows = 2000;
/** The central site's name when no column gives one (an Audit Desk rule). */
export const defaultSiteName = 'Head office';

/** The message for a file over the limit, with its size when known. */
export const clientImportTooLarge = (bytes?: number) =>
  `${bytes === undefined ? 'The file is larger than 10 MB' : `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB`}; Audit Desk imports files of at most 10 MB. Split it into smaller files.`;

/** Which column (0-based) feeds each field; an absent field is not imported. */
export const clientImportMappingSchema = z.partialRecord(
  z.enum(clientImportFields, { message: 'That is not a client field.' }),
  z
    .number({ message: 'Choose a column.' })
    .int({ message: 'Choose a column.' })
    .min(0, { message: 'Choose a column.' }),
);
export type ClientImportMapping = z.infer<typeof clientImportMappingSchema>;

const fileFields = {
  fileName: z.string().trim().min(1, { message: 'Choose a file.' }).max(255),
  /** The file's bytes, base64. */
  data: z
    .string({ message: 'Choose a file.' })
    .min(1, { message: 'The file is empty.' })
    .max(Math.ceil(clientImportMaxBytes / 3) * 4, {
      message: clientImportTooLarge(),
    }),
};

export const readClientImportFileSchema = z.object(fileFields);
export const previewClientImportSchema = z.object({
  ...fileFields,
  mapping: clientImportMappingSchema,
});
export const importClientsSchema = previewClientImportSchema.extend({
  /** Rows (file row numbers) found to be duplicates that the user chose to import all the same. */
  importDuplicates: z.array(z.number().int().min(1)).default([]),
  /** Report what would be imported and write nothing (the command line's --dry-run). */
  dryRun: z.boolean().default(false),
});
export const exportClientsSchema = clientListQuerySchema.extend({
  format: z.enum(['csv', 'xlsx'] as const, { message: 'Choose CSV or XLSX.' }),
});

/** The rows of a file below its header row, each with its row number as the file shows it. */
export interface ImportTable {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** What reading a file found, before any mapping. */
export interface ClientImportFile {
  fileName: string;
  format: 'csv' | 'xlsx';
  /** CSV: the delimiter found (`,` `;` or tab). */
  delimiter: string | null;
  /** XLSX: the worksheet read (the first). */
  sheetName: string | null;
  /** The header row's number in the file (1 unless blank rows come first). */
  headerRow: number;
  /** Column names; a blank header is named by its column ("Column C"). */
  headers: string[];
  /** The first rows' cells, to recognise a column by its contents. */
  samples: string[][];
  rowCount: number;
  suggestedMapping: ClientImportMapping;
}

export interface ImportRowError {
  /** The row as numbered in the file (the header row is row 1). */
  row: number;
  field: ClientImportField;
  /** The header of the column the value came from, or null when it came from a default. */
  column: string | null;
  message: string;
}

export interface ExistingClient {
  id: string;
  reference: string;
  legalName: string;
  country: string;
}

export type DuplicateMatch =
  | {
      source: 'database';
      by: 'reference' | 'name';
      clientId: string;
      reference: string;
      legalName: string;
    }
  | { source: 'file'; by: 'reference' | 'name'; row: number };

export interface ImportDuplicate {
  row: number;
  reference: string | null;
  legalName: string;
  country: string;
  matches: DuplicateMatch[];
  /** False when its reference is taken: a reference is unique, so the row can only be skipped. */
  canImport: boolean;
}

export interface ImportRowSummary {
  row: number;
  reference: string | null;
  legalName: string;
  country: string;
  contactName: string;
  contactEmail: string;
  fullTimePersonnel: number;
}

export interface ClientImportPreview {
  rowCount: number;
  /** Rows that pass every check (duplicates included). */
  validCount: number;
  errorRowCount: number;
  errors: ImportRowError[];
  duplicates: ImportDuplicate[];
  /** The first valid rows that are not duplicates, as they would be imported. */
  rows: ImportRowSummary[];
  /** Valid rows that are not duplicates (all of them, `rows` shows the first). */
  newCount: number;
}

export interface ClientImportResult {
  imported: number;
  /** Duplicates not imported (skipped, the default). */
  skipped: number;
  /** Rows with errors, never imported. */
  errorRowCount: number;
  errors: ImportRowError[];
  duplicates: (ImportDuplicate & { imported: boolean })[];
  clients: { id: string; reference: string; legalName: string; row: number }[];
  dryRun: boolean;
}
