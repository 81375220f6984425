import countries from 'i18n-iso-countries'
import en from 'i18n-iso-countries/langs/en.json'
import es from 'i18n-iso-countries/langs/es.json'
import zh from 'i18n-iso-countries/langs/zh.json'

// Locales are registered from static JSON imports (not the package's Node entry that reads files)
// so the same code runs in a Vite client bundle.
countries.registerLocale(en)
countries.registerLocale(es)
countries.registerLocale(zh)

export type CountryLocale = 'en' | 'es' | 'zh'

const ALPHA2 = /^[A-Z]{2}$/

/** True for an upper-case ISO 3166-1 alpha-2 code (the package alone also accepts lower case and alpha-3). */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && ALPHA2.test(value) && countries.isValid(value)
}

export function countryName(code: string, locale: CountryLocale = 'en'): string {
  return countries.getName(code, locale, { select: 'official' }) ?? code
}

/** Every ISO 3166-1 alpha-2 code with its name, sorted by name in the given locale. */
export function listCountries(locale: CountryLocale = 'en'): { code: string; name: string }[] {
  const names = countries.getNames(locale, { select: 'official' })
  return Object.entries(names)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, locale))
}
