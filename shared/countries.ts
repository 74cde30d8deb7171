import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en);

const alpha2 = new Set(Object.keys(countries.getAlpha2Codes()));

/** ISO 3166-1 alpha-2 codes, upper case. */
export function isCountryCode(code: string): boolean {
  return alpha2.has(code);
}

export function countryName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}

/** `[{ code, name }]` sorted by name, for pickers. */
export function countryOptions(): { code: string; name: string }[] {
  return [...alpha2]
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
