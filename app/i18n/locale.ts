import type { LocalizedText } from '../questionnaire/definition.ts'
import { LOCALES, type Locale } from './locales.ts'

export { LOCALES, type Locale }

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español', zh: '中文（简体）' }
/** BCP 47 tags for `<html lang>` and date formatting. */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en', es: 'es', zh: 'zh-Hans' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** A questionnaire text in the vendor's language, English when a translation is missing. */
export function localized(text: LocalizedText, locale: Locale): string
export function localized(text: LocalizedText | undefined, locale: Locale): string | undefined
export function localized(text: LocalizedText | undefined, locale: Locale): string | undefined {
  if (!text) return undefined
  return text[locale] ?? text.en
}

/** The language vendors from a country most likely read, for the buyer's invitation default. */
const SPANISH_SPEAKING = new Set([
  'AR',
  'BO',
  'CL',
  'CO',
  'CR',
  'CU',
  'DO',
  'EC',
  'ES',
  'GQ',
  'GT',
  'HN',
  'MX',
  'NI',
  'PA',
  'PE',
  'PR',
  'PY',
  'SV',
  'UY',
  'VE',
])
export function defaultLocaleForCountry(countryCode: string | null | undefined): Locale {
  if (!countryCode) return 'en'
  if (SPANISH_SPEAKING.has(countryCode)) return 'es'
  if (countryCode === 'CN') return 'zh'
  return 'en'
}
