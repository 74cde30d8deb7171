import countries from 'i18n-iso-countries';
import { countryOptions, isCountryCode } from '../countries';
import { aiRoles, clientStatuses, type AiRole } from './schema';
import { normalizeHeader } from './import-fields';

/**
 * How the text of one cell becomes a value of the client schema. Whatever cannot be read is
 * passed on as it is, so the client schema itself says what is wrong, or named here when the
 * schema's own message would not say it (text where a number belongs).
 */

/** A cell as the file holds it, trimmed; a leading `'` that a spreadsheet export put before `= + - @` is dropped. */
export function cellText(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

export type NumberCell = { ok: true; value: number | undefined } | { ok: false; message: string };

/**
 * A number as people type it: spaces and apostrophes as thousands separators ("1 200", "1'200"),
 * `,` or `.` before every group of exactly three digits read as thousands separators ("1,200",
 * "1.200"), with both marks the last one as the decimal mark ("1.200,5"), otherwise a `,` as the
 * decimal mark ("7,5"). Empty is undefined (the schema's default applies).
 */
export function numberCell(raw: string | undefined): NumberCell {
  const text = cellText(raw).replace(/[\s\u00a0\u202f'’]/g, '');
  if (text === '') return { ok: true, value: undefined };
  let normalised = text;
  if (/^-?\d{1,3}(,\d{3})+$/.test(text) || /^-?\d{1,3}(\.\d{3})+$/.test(text)) {
    normalised = text.replace(/[.,]/g, '');
  } else if (text.includes(',') && text.includes('.')) {
    // Both marks: the last one is the decimal mark ("1,200.5", "1.200,5").
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    normalised = text.split(grouping).join('').replace(decimal, '.');
  } else if (/^-?\d*,\d+$/.test(text)) {
    normalised = text.replace(',', '.');
  }
  const value = Number(normalised);
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalised) || !Number.isFinite(value)) {
    return { ok: false, message: `“${cellText(raw)}” is not a number.` };
  }
  return { ok: true, value };
}

const countryAliases: Record<string, string> = {
  uk: 'GB',
  greatbritain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  northernireland: 'GB',
  usa: 'US',
  unitedstatesofamerica: 'US',
  holland: 'NL',
  thenetherlands: 'NL',
};

let countryByName: Map<string, string> | undefined;

/** Languages whose country names are recognised (the English name first wins a clash). */
const nameLanguages = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt'];

function countryNames(): Map<string, string> {
  const byName = new Map<string, string>();
  for (const language of nameLanguages) {
    const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    for (const { code } of countryOptions()) {
      const name = names.of(code);
      if (!name) continue;
      const key = normalizeHeader(name);
      if (!byName.has(key)) byName.set(key, code);
    }
  }
  return byName;
}

/**
 * A country as a two-letter ISO 3166 code: the code itself (any case), the three-letter code, or
 * its name in English, German, French, Spanish, Italian, Dutch or Portuguese ("Germany",
 * "Deutschland", "Royaume-Uni"). Anything else is returned as typed, for the schema to refuse.
 */
export function countryCell(raw: string | undefined): string | undefined {
  const text = cellText(raw);
  if (text === '') return undefined;
  const upper = text.toUpperCase();
  if (upper.length === 2 && isCountryCode(upper)) return upper;
  if (upper.length === 3) {
    const code = countries.alpha3ToAlpha2(upper);
    if (code && isCountryCode(code)) return code;
  }
  countryByName ??= countryNames();
  const key = normalizeHeader(text);
  return countryByName.get(key) ?? countryAliases[key] ?? text;
}

/** A status in any case ("Certified"); empty is undefined (the schema's default, prospect). */
export function statusCell(raw: string | undefined): string | undefined {
  const text = cellText(raw).toLowerCase();
  if (text === '') return undefined;
  return (clientStatuses as readonly string[]).includes(text) ? text : cellText(raw);
}

/**
 * AI roles separated by `,` `;` `|` or `/`, each a role's key or label in any case ("AI
 * developer", "provider"). An unknown role is passed on for the schema to refuse.
 */
export function aiRolesCell(raw: string | undefined): string[] | undefined {
  const text = cellText(raw);
  if (text === '') return undefined;
  return text
    .split(/[,;|/]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const key = part.toLowerCase().replace(/^ai[\s-]+/, '');
      return (aiRoles as readonly string[]).includes(key) ? (key as AiRole) : part;
    });
}

/** Optional text: empty is undefined, so the schema's default ('') applies. */
export function optionalText(raw: string | undefined): string | undefined {
  const text = cellText(raw);
  return text === '' ? undefined : text;
}
