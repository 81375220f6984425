import countries from 'i18n-iso-countries'
import en from 'i18n-iso-countries/langs/en.json'
import es from 'i18n-iso-countries/langs/es.json'
import zh from 'i18n-iso-countries/langs/zh.json'

// Locales are registered from static JSON imports (not the package's Node entry that reads files)
// so the same code runs in a Vite client bundle. They are registered on first use, not as the
// module loads: a module that runs nothing as it loads is one the browser's bundle leaves out
// where only an import the bundle does not use reaches it (the engagement profile's server-side
// import of its forms, README decision 97).
let registered = false
function withLocales(): typeof countries {
  if (!registered) {
    countries.registerLocale(en)
    countries.registerLocale(es)
    countries.registerLocale(zh)
    registered = true
  }
  return countries
}

export type CountryLocale = 'en' | 'es' | 'zh'
export const COUNTRY_LOCALES: readonly CountryLocale[] = ['en', 'es', 'zh']

const ALPHA2 = /^[A-Z]{2}$/

/** True for an upper-case ISO 3166-1 alpha-2 code (the package alone also accepts lower case and alpha-3). */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && ALPHA2.test(value) && withLocales().isValid(value)
}

export function countryName(code: string, locale: CountryLocale = 'en'): string {
  return withLocales().getName(code, locale, { select: 'official' }) ?? code
}

/** Every ISO 3166-1 alpha-2 code with its name, sorted by name in the given locale. */
export function listCountries(locale: CountryLocale = 'en'): { code: string; name: string }[] {
  const names = withLocales().getNames(locale, { select: 'official' })
  return Object.entries(names)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
}

/**
 * Names people use that the ISO tables lack (they already hold "USA", "UK", "Russia", "Ivory
 * Coast", "Czechia" …): Spanish abbreviations ("EE. UU."), older and informal names, and the
 * nations of the United Kingdom. Searched like names, never shown.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  AE: ['EAU', 'Emirates', 'Emiratos', 'Dubai', 'Abu Dhabi'],
  BA: ['Bosnia'],
  BO: ['Bolivia'],
  CD: ['DRC', 'RDC', 'Congo-Kinshasa', 'Zaire'],
  CG: ['Congo-Brazzaville'],
  CN: ['PRC', 'Mainland China', 'China continental', '中国大陆'],
  CV: ['Cape Verde'],
  CZ: ['Chequia'],
  DO: ['Dominicana'],
  GB: ['Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'Gran Bretaña', 'Inglaterra', 'Escocia'],
  IR: ['Persia'],
  KP: ['DPRK', 'Corea del Norte', '北韩'],
  KR: ['Korea', 'Corea', 'Corea del Sur', '南韩'],
  MK: ['Macedonia'],
  MM: ['Burma', 'Birmania'],
  NL: ['Holland', 'Holanda'],
  PS: ['Palestinian Territories'],
  RU: ['Rusia'],
  SZ: ['Swaziland', 'Suazilandia'],
  TL: ['East Timor', 'Timor Oriental'],
  TW: ['台湾'],
  US: ['EE. UU.', 'EE.UU.', 'EEUU', 'EUA', 'America', 'Estados Unidos de América', 'US of A'],
  VA: ['Vatican', 'Vaticano', 'Vatican City'],
  VN: ['Viet Nam'],
}

/**
 * Every name of a country in every language (official names and the package's alternatives),
 * its ISO codes (alpha-2 and alpha-3) and the aliases above: what a search matches against.
 */
export function countrySearchTerms(): Array<{ code: string; codes: string[]; names: string[] }> {
  const all = COUNTRY_LOCALES.map((locale) => withLocales().getNames(locale, { select: 'all' }))
  return Object.keys(withLocales().getAlpha2Codes()).map((code) => ({
    code,
    codes: [code, withLocales().alpha2ToAlpha3(code) ?? code],
    names: [...new Set([...all.flatMap((names) => names[code] ?? []), ...(COUNTRY_ALIASES[code] ?? [])])],
  }))
}
