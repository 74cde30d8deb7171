/** Languages offered when recording who audits in what (ISO 639-1 codes, named in English). */
const codes = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt',
  'pl',
  'sv',
  'da',
  'fi',
  'nb',
  'cs',
  'sk',
  'hu',
  'ro',
  'bg',
  'el',
  'hr',
  'sl',
  'et',
  'lv',
  'lt',
  'ga',
  'mt',
  'tr',
  'ar',
  'he',
  'ru',
  'uk',
  'zh',
  'ja',
  'ko',
  'hi',
  'id',
  'ms',
  'th',
  'vi',
];

const names = new Intl.DisplayNames(['en'], { type: 'language' });

export const languageName = (code: string) => names.of(code) ?? code;

export const languageOptions = codes
  .map((code) => ({ value: code, label: `${languageName(code)} (${code})` }))
  .sort((a, b) => a.label.localeCompare(b.label));
