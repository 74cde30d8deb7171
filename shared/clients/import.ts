import { jsonPath } from '../errors';
import {
  aiRolesCell,
  cellText,
  countryCell,
  numberCell,
  optionalText,
  statusCell,
} from './import-cells';
import {
  clientImportFieldInfo,
  clientImportFields,
  fieldForHeader,
  requiredImportFields,
  type ClientImportField,
} from './import-fields';
import {
  defaultSiteName,
  type ClientImportMapping,
  type ClientImportPreview,
  type DuplicateMatch,
  type ExistingClient,
  type ImportDuplicate,
  type ImportRowError,
  type ImportTable,
} from './import-schema';
import { clientInputSchema, type ClientInput, type ClientValues } from './schema';

export * from './import-fields';
export * from './import-schema';

/**
 * Client import from CSV or XLSX, the pure part: which column feeds which field, one row into a
 * client, every row checked with the client form's own schema, and duplicates by reference or by
 * legal name + country. The main process reads the file and writes; this decides.
 */

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The field each header suggests (see import-fields.ts): each field takes the first column that
 * names it, each column feeds at most one field.
 */
export function suggestMapping(headers: readonly string[]): ClientImportMapping {
  const mapping: ClientImportMapping = {};
  headers.forEach((header, column) => {
    const field = fieldForHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = column;
  });
  return mapping;
}

/** Problems with a mapping, by field: a required field without a column, or a column not in the file. */
export function mappingProblems(
  mapping: ClientImportMapping,
  columnCount: number,
): Partial<Record<ClientImportField, string>> {
  const problems: Partial<Record<ClientImportField, string>> = {};
  for (const field of clientImportFields) {
    const column = mapping[field];
    if (column !== undefined && column >= columnCount) {
      problems[field] =
        `The file has no column ${columnLetter(column)}: choose one of its columns.`;
    }
  }
  for (const field of requiredImportFields) {
    if (mapping[field] === undefined) {
      problems[field] =
        `Choose the column that holds the ${clientImportFieldInfo[field].label.toLowerCase()}: every client needs it.`;
    }
  }
  return problems;
}

interface MappedRow {
  input: ClientInput;
  /** Cells that could not be read (text where a number belongs), by field. */
  unreadable: Partial<Record<ClientImportField, string>>;
  /** Fields filled from another field when their own cell was empty. */
  borrowed: Partial<Record<ClientImportField, ClientImportField>>;
}

/** One row of the file as the input of createClient: one primary contact, one central site. */
export function mapRow(cells: readonly string[], mapping: ClientImportMapping): MappedRow {
  const raw = (field: ClientImportField) => {
    const column = mapping[field];
    return column === undefined ? undefined : cells[column];
  };
  const unreadable: MappedRow['unreadable'] = {};
  const borrowed: MappedRow['borrowed'] = {};
  const number = (field: ClientImportField) => {
    const read = numberCell(raw(field));
    if (read.ok) return read.value;
    unreadable[field] = read.message;
    return undefined;
  };
  const country = countryCell(raw('country'));
  let siteCountry = countryCell(raw('siteCountry'));
  if (siteCountry === undefined) {
    siteCountry = country;
    borrowed.siteCountry = 'country';
  }
  const address = optionalText(raw('address'));
  let siteAddress = optionalText(raw('siteAddress'));
  if (siteAddress === undefined && address !== undefined) {
    siteAddress = address;
    borrowed.siteAddress = 'address';
  }
  const input = {
    reference: optionalText(raw('reference')),
    legalName: cellText(raw('legalName')),
    tradingName: optionalText(raw('tradingName')),
    country,
    address,
    status: statusCell(raw('status')),
    scope: optionalText(raw('scope')),
    aiRoles: aiRolesCell(raw('aiRoles')),
    aiSystemCount: number('aiSystemCount'),
    notes: optionalText(raw('notes')),
    contacts: [
      {
        name: cellText(raw('contactName')),
        role: optionalText(raw('contactRole')),
        email: cellText(raw('contactEmail')),
        phone: optionalText(raw('contactPhone')),
        primary: true,
      },
    ],
    sites: [
      {
        name: optionalText(raw('siteName')) ?? defaultSiteName,
        address: siteAddress,
        country: siteCountry,
        isCentral: true,
        fullTimePersonnel: number('fullTimePersonnel'),
        partTimePersonnel: number('partTimePersonnel'),
        partTimeAverageHours: number('partTimeAverageHours'),
        aiPersonnel: number('aiPersonnel'),
      },
    ],
  };
  // The optional keys are dropped rather than set to undefined, as a form would send them.
  return { input: withoutUndefined(input) as ClientInput, unreadable, borrowed };
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  );
}

const contactFields: Record<string, ClientImportField> = {
  name: 'contactName',
  role: 'contactRole',
  email: 'contactEmail',
  phone: 'contactPhone',
};
const siteFields: Record<string, ClientImportField> = {
  name: 'siteName',
  address: 'siteAddress',
  country: 'siteCountry',
  fullTimePersonnel: 'fullTimePersonnel',
  partTimePersonnel: 'partTimePersonnel',
  partTimeAverageHours: 'partTimeAverageHours',
  aiPersonnel: 'aiPersonnel',
};

/** The import field behind a path of the client schema (`contacts[0].email` → contactEmail). */
export function fieldOfPath(path: readonly PropertyKey[]): ClientImportField | null {
  const [head, , leaf] = path;
  if (head === 'contacts') return contactFields[String(leaf)] ?? 'contactName';
  if (head === 'sites') return siteFields[String(leaf)] ?? 'fullTimePersonnel';
  const key = String(head);
  return (clientImportFields as readonly string[]).includes(key)
    ? (key as ClientImportField)
    : null;
}

export type RowCheck =
  | { ok: true; row: number; values: ClientValues }
  | { ok: false; row: number; errors: ImportRowError[] };

/** One row through the client form's schema; every problem named by row and field, once per field. */
export function checkRow(
  row: number,
  cells: readonly string[],
  mapping: ClientImportMapping,
  headers: readonly string[],
): RowCheck {
  const { input, unreadable, borrowed } = mapRow(cells, mapping);
  const errors: ImportRowError[] = [];
  const seen = new Set<ClientImportField>();
  const add = (field: ClientImportField, message: string) => {
    const source = borrowed[field] ?? field;
    if (seen.has(source)) return;
    seen.add(source);
    const column = mapping[source];
    errors.push({
      row,
      field: source,
      column: column === undefined ? null : (headers[column] ?? columnLetter(column)),
      message,
    });
  };
  for (const [field, message] of Object.entries(unreadable)) {
    add(field as ClientImportField, message);
  }
  const parsed = clientInputSchema.safeParse(input);
  if (parsed.success && errors.length === 0) return { ok: true, row, values: parsed.data };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path);
      // The form asks for a code; a file may also name the country.
      if (field === 'country' || field === 'siteCountry') {
        add(
          field,
          issue.code === 'invalid_type'
            ? 'Give the country: its name (e.g. Norway) or its ISO 3166 code (NO).'
            : 'Not a country Audit Desk knows: use its name (e.g. Norway, Deutschland) or its ISO 3166 code (NO, DE).',
        );
      } else if (field) add(field, issue.message);
      else add('legalName', `${jsonPath(issue.path)}: ${issue.message}`);
    }
  }
  return { ok: false, row, errors };
}

/** Case- and whitespace-insensitive: "ACME  Ltd" and "acme ltd" are the same name. */
export function nameKey(legalName: string, country: string): string {
  const name = legalName.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return `${name}|${country.trim().toUpperCase()}`;
}

export function referenceKey(reference: string): string {
  return reference.trim().toUpperCase();
}

export interface ImportPlan {
  rowCount: number;
  errors: ImportRowError[];
  errorRowCount: number;
  /** Rows that pass every check, in file order. */
  valid: { row: number; values: ClientValues }[];
  duplicates: ImportDuplicate[];
}

/**
 * Every row checked, and every valid row compared, by reference and by legal name + country,
 * with the clients already stored and with the valid rows above it in the file. Matching either
 * makes it a duplicate (an Audit Desk rule), which is skipped unless the user says otherwise.
 */
export function planImport(
  table: ImportTable,
  mapping: ClientImportMapping,
  existing: readonly ExistingClient[],
): ImportPlan {
  const byReference = new Map<string, ExistingClient>();
  const byName = new Map<string, ExistingClient[]>();
  for (const client of existing) {
    byReference.set(referenceKey(client.reference), client);
    const key = nameKey(client.legalName, client.country);
    byName.set(key, [...(byName.get(key) ?? []), client]);
  }
  const fileReferences = new Map<string, number>();
  const fileNames = new Map<string, number>();
  const errors: ImportRowError[] = [];
  const valid: ImportPlan['valid'] = [];
  const duplicates: ImportDuplicate[] = [];
  let errorRowCount = 0;

  for (const { row, cells } of table.rows) {
    const check = checkRow(row, cells, mapping, table.headers);
    if (!check.ok) {
      errorRowCount++;
      errors.push(...check.errors);
      continue;
    }
    const { values } = check;
    valid.push({ row, values });
    const matches: DuplicateMatch[] = [];
    const reference = values.reference === undefined ? null : referenceKey(values.reference);
    const name = nameKey(values.legalName, values.country);
    if (reference !== null) {
      const stored = byReference.get(reference);
      if (stored) matches.push(databaseMatch('reference', stored));
      const earlier = fileReferences.get(reference);
      if (earlier !== undefined) matches.push({ source: 'file', by: 'reference', row: earlier });
      else fileReferences.set(reference, row);
    }
    for (const stored of byName.get(name) ?? []) {
      if (!matches.some((m) => m.source === 'database' && m.clientId === stored.id)) {
        matches.push(databaseMatch('name', stored));
      }
    }
    const earlierName = fileNames.get(name);
    if (earlierName !== undefined) {
      if (!matches.some((m) => m.source === 'file' && m.row === earlierName)) {
        matches.push({ source: 'file', by: 'name', row: earlierName });
      }
    } else {
      fileNames.set(name, row);
    }
    if (matches.length > 0) {
      duplicates.push({
        row,
        reference,
        legalName: values.legalName,
        country: values.country,
        matches,
        canImport: !matches.some((m) => m.by === 'reference'),
      });
    }
  }
  return { rowCount: table.rows.length, errors, errorRowCount, valid, duplicates };
}

function databaseMatch(by: 'reference' | 'name', client: ExistingClient): DuplicateMatch {
  return {
    source: 'database',
    by,
    clientId: client.id,
    reference: client.reference,
    legalName: client.legalName,
  };
}

/** What the preview shows of a plan: counts, every error and duplicate, the first new rows. */
export function previewOf(plan: ImportPlan, shown = 100): ClientImportPreview {
  const duplicateRows = new Set(plan.duplicates.map((d) => d.row));
  const fresh = plan.valid.filter((v) => !duplicateRows.has(v.row));
  return {
    rowCount: plan.rowCount,
    validCount: plan.valid.length,
    errorRowCount: plan.errorRowCount,
    errors: plan.errors,
    duplicates: plan.duplicates,
    newCount: fresh.length,
    rows: fresh.slice(0, shown).map(({ row, values }) => ({
      row,
      reference: values.reference ?? null,
      legalName: values.legalName,
      country: values.country,
      contactName: values.contacts[0]?.name ?? '',
      contactEmail: values.contacts[0]?.email ?? '',
      fullTimePersonnel: values.sites[0]?.fullTimePersonnel ?? 0,
    })),
  };
}

/**
 * The rows to create: every valid row that is not a duplicate, and the duplicates the user chose
 * to import that may be (never one whose reference is taken). Rows with a reference come first,
 * so a reference generated for a row without one never takes a reference the file gives later.
 */
export function rowsToImport(
  plan: ImportPlan,
  importDuplicates: readonly number[],
): { row: number; values: ClientValues }[] {
  const chosen = new Set(importDuplicates);
  const duplicateByRow = new Map(plan.duplicates.map((d) => [d.row, d]));
  const rows = plan.valid.filter((v) => {
    const duplicate = duplicateByRow.get(v.row);
    return duplicate === undefined || (duplicate.canImport && chosen.has(v.row));
  });
  return [
    ...rows.filter((r) => r.values.reference !== undefined),
    ...rows.filter((r) => r.values.reference === undefined),
  ];
}
