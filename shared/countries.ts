import countries from 'i18n-iso-countries';

const alpha2 = new Set(Object.keys(countries.getAlpha2Codes()));
// Intl.DisplayNames is plain ECMAScript (no Node or DOM API), available in Node and every browser.
const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** ISO 3166-1 alpha-2 codes, upper case. */
export function isCountryCode(code: string): boolean {
  return alpha2.has(code);
}

export function countryName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

let options: { code: string; name: string }[] | undefined;

/** `[{ code, name }]` sorted by name, for pickers. */
export function countryOptions(): { code: string; name: string }[] {
  options ??= [...alpha2]
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return options;
}
