import { describe, expect, it } from 'vitest';
import {
  checkRow,
  clientImportFieldInfo,
  clientImportFields,
  columnLetter,
  fieldForHeader,
  mappingProblems,
  nameKey,
  normalizeHeader,
  planImport,
  previewOf,
  rowsToImport,
  suggestMapping,
  type ClientImportMapping,
  type ImportTable,
} from '../../shared/clients/import';
import { aiRolesCell, countryCell, numberCell } from '../../shared/clients/import-cells';

const headers = ['Company', 'Land', 'Headcount', 'Contact person', 'E-Mail', 'Ref'];
const mapping: ClientImportMapping = {
  legalName: 0,
  country: 1,
  fullTimePersonnel: 2,
  contactName: 3,
  contactEmail: 4,
  reference: 5,
};

function table(...rows: string[][]): ImportTable {
  return { headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

describe('suggesting a column for each field', () => {
  it('recognises headers whatever their case, spacing, punctuation and accents', () => {
    expect(normalizeHeader('  E-Mail Address ')).toBe('emailaddress');
    expect(fieldForHeader('E-MAIL')).toBe('contactEmail');
    expect(fieldForHeader('legal_name')).toBe('legalName');
    expect(fieldForHeader('Légal Name')).toBe('legalName');
    expect(fieldForHeader('No. of employees')).toBe('fullTimePersonnel');
    expect(fieldForHeader('Headcount')).toBe('fullTimePersonnel');
    expect(fieldForHeader('Contact person')).toBe('contactName');
    expect(fieldForHeader('Favourite colour')).toBeNull();
  });

  it('maps each field to the first column naming it and leaves unknown columns out', () => {
    expect(suggestMapping(['Name', 'Country', 'Email', 'email', 'Colour', 'FTE'])).toEqual({
      legalName: 0,
      country: 1,
      contactEmail: 2,
      fullTimePersonnel: 5,
    });
  });

  it('lists no header name under two fields, so a suggestion is never a coin toss', () => {
    const owner = new Map<string, string>();
    for (const field of clientImportFields) {
      const info = clientImportFieldInfo[field];
      for (const name of new Set([field, info.label, ...info.synonyms].map(normalizeHeader))) {
        expect(owner.get(name) ?? field, `"${name}"`).toBe(field);
        owner.set(name, field);
      }
    }
  });

  it('asks for a column for every required field, at that field', () => {
    const problems = mappingProblems({ legalName: 0, country: 9 }, 3);
    expect(Object.keys(problems).sort()).toEqual(
      ['contactEmail', 'contactName', 'country', 'fullTimePersonnel'].sort(),
    );
    expect(problems.contactEmail).toMatch(/contact email/);
    expect(problems.country).toMatch(/no column J/);
    expect(mappingProblems(mapping, headers.length)).toEqual({});
  });

  it('names columns as a spreadsheet does', () => {
    expect([0, 25, 26, 51, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ']);
  });
});

describe('reading cells', () => {
  it('reads numbers with thousands separators and decimal commas, and refuses text', () => {
    expect(numberCell('1,200')).toEqual({ ok: true, value: 1200 });
    expect(numberCell('1.200')).toEqual({ ok: true, value: 1200 });
    expect(numberCell('1 200')).toEqual({ ok: true, value: 1200 });
    expect(numberCell('7,5')).toEqual({ ok: true, value: 7.5 });
    expect(numberCell('1.200,5')).toEqual({ ok: true, value: 1200.5 });
    expect(numberCell('')).toEqual({ ok: true, value: undefined });
    expect(numberCell('many')).toEqual({ ok: false, message: '“many” is not a number.' });
  });

  it('reads a country as its code, three-letter code or English name', () => {
    expect(countryCell('de')).toBe('DE');
    expect(countryCell('DEU')).toBe('DE');
    expect(countryCell('Germany')).toBe('DE');
    expect(countryCell('united kingdom')).toBe('GB');
    expect(countryCell('UK')).toBe('GB');
    expect(countryCell('Deutschland')).toBe('DE');
    expect(countryCell('Royaume-Uni')).toBe('GB');
    expect(countryCell('Atlantis')).toBe('Atlantis');
  });

  it('reads AI roles by key or label, separated by commas or semicolons', () => {
    expect(aiRolesCell('AI developer; provider')).toEqual(['developer', 'provider']);
    expect(aiRolesCell('')).toBeUndefined();
  });
});

describe('checking a row with the client form’s schema', () => {
  it('builds a client with one primary contact and a central site named Head office by default', () => {
    const check = checkRow(
      2,
      ['Lumen GmbH', 'Germany', '1,200', 'Anna', 'anna@lumen.example', 'c-9'],
      mapping,
      headers,
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.values).toMatchObject({
      legalName: 'Lumen GmbH',
      reference: 'C-9',
      country: 'DE',
      status: 'prospect',
      contacts: [{ name: 'Anna', email: 'anna@lumen.example', primary: true }],
      sites: [{ name: 'Head office', country: 'DE', isCentral: true, fullTimePersonnel: 1200 }],
    });
  });

  it('names the row and field of every problem, once per field, with the schema’s message', () => {
    const check = checkRow(
      7,
      ['', 'Atlantis', 'many', 'Anna', 'not-an-address', ''],
      mapping,
      headers,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual([
      {
        row: 7,
        field: 'fullTimePersonnel',
        column: 'Headcount',
        message: '“many” is not a number.',
      },
      { row: 7, field: 'legalName', column: 'Company', message: 'Enter the legal name.' },
      {
        row: 7,
        field: 'country',
        column: 'Land',
        message:
          'Not a country Audit Desk knows: use its name (e.g. Norway, Deutschland) or its ISO 3166 code (NO, DE).',
      },
      {
        row: 7,
        field: 'contactEmail',
        column: 'E-Mail',
        message: 'Enter a valid email address, e.g. name@example.org.',
      },
    ]);
  });
});

describe('duplicates', () => {
  it('compares names without regard to case or spacing, within one country', () => {
    expect(nameKey('  ACME   Ltd ', 'gb')).toBe(nameKey('acme ltd', 'GB'));
    expect(nameKey('ACME Ltd', 'GB')).not.toBe(nameKey('ACME Ltd', 'IE'));
  });

  const existing = [{ id: 'c1', reference: 'C-2026-0001', legalName: 'Acme Ltd', country: 'GB' }];
  const plan = planImport(
    table(
      ['ACME  ltd', 'GB', '5', 'Ann', 'a@acme.example', ''],
      ['Beta AG', 'DE', '5', 'Bo', 'b@beta.example', 'c-2026-0001'],
      ['Gamma SA', 'FR', '5', 'Cy', 'c@gamma.example', 'G-1'],
      ['gamma sa', 'FR', '5', 'Cy', 'c@gamma.example', ''],
      ['Delta BV', 'NL', '5', 'Di', 'd@delta.example', 'G-1'],
      ['Broken', 'XX', '5', 'Ed', 'e@broken.example', ''],
    ),
    mapping,
    existing,
  );

  it('finds them in the database and in the file, by reference or by legal name + country', () => {
    expect(plan.duplicates.map((d) => [d.row, d.matches, d.canImport])).toEqual([
      [
        2,
        [
          {
            source: 'database',
            by: 'name',
            clientId: 'c1',
            reference: 'C-2026-0001',
            legalName: 'Acme Ltd',
          },
        ],
        true,
      ],
      [
        3,
        [
          {
            source: 'database',
            by: 'reference',
            clientId: 'c1',
            reference: 'C-2026-0001',
            legalName: 'Acme Ltd',
          },
        ],
        false,
      ],
      [5, [{ source: 'file', by: 'name', row: 4 }], true],
      [6, [{ source: 'file', by: 'reference', row: 4 }], false],
    ]);
    expect(plan.errorRowCount).toBe(1);
    expect(plan.errors.map((e) => [e.row, e.field])).toEqual([[7, 'country']]);
  });

  it('skips duplicates unless chosen, never one whose reference is taken, references first', () => {
    expect(rowsToImport(plan, []).map((r) => r.row)).toEqual([4]);
    expect(rowsToImport(plan, [2, 3, 5, 6]).map((r) => r.row)).toEqual([4, 2, 5]);
  });

  it('previews counts and the rows that would be new', () => {
    const preview = previewOf(plan);
    expect(preview).toMatchObject({ rowCount: 6, validCount: 5, errorRowCount: 1, newCount: 1 });
    expect(preview.rows.map((r) => r.legalName)).toEqual(['Gamma SA']);
  });
});
