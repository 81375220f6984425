import { countryName } from '../geography/countries.ts'
import { type Locale, localized } from '../i18n/locale.ts'
import type { Messages } from '../i18n/messages.ts'
import type { Question } from '../questionnaire/definition.ts'

/**
 * A stored answer in the vendor's own language, for everything the vendor reads back: the
 * conflict prompt, the review page and the PDF of its answers. Choice labels instead of codes,
 * country names, "Yes"/"No", units, certificates spelled out, file names. Pure. `undefined` when
 * the question is not answered (the caller says so in its own words).
 *
 * @example answerInWords(hqCountryQuestion, 'MX', { locale: 'es', t }) // 'México'
 */
export function answerInWords(
  question: Question,
  value: unknown,
  { locale, t, fileNames = new Map() }: { locale: Locale; t: Messages; fileNames?: ReadonlyMap<string, string> },
): string | undefined {
  if (value === undefined || value === '') return undefined
  const list = (items: unknown[], word: (item: unknown) => string, separator = ', ') =>
    items.length === 0 ? t.answerWords.none : items.map(word).join(separator)
  const country = (code: unknown) => (typeof code === 'string' ? countryName(code, locale) : String(code))
  switch (question.type) {
    case 'yes-no':
      return value === true ? t.section.yes : value === false ? t.section.no : String(value)
    case 'single-choice':
    case 'multiple-choice': {
      const label = (v: unknown) => {
        const choice = question.choices.find((c) => c.value === v)
        return choice ? localized(choice.label, locale) : String(v)
      }
      return Array.isArray(value) ? list(value, label) : label(value)
    }
    case 'country':
      return value === null ? (localized(question.nullLabel, locale) ?? t.answerWords.none) : country(value)
    case 'country-list':
      return Array.isArray(value) ? list(value, country) : String(value)
    case 'integer':
      return question.unit ? `${String(value)} ${localized(question.unit, locale)}` : String(value)
    case 'certification-list': {
      if (!Array.isArray(value)) return String(value)
      if (value.length === 0) return t.section.noCertificates
      const typeLabel = (type: string) => {
        const known = question.certificationTypes.find((c) => c.value === type)
        return known ? localized(known.label, locale) : type
      }
      return list(
        value,
        (row) => {
          const cert = row as { type: string; edition?: string; issued: string; expires?: string }
          return t.answerWords.certificate({ ...cert, type: typeLabel(cert.type) })
        },
        '; ',
      )
    }
    case 'file':
      return Array.isArray(value)
        ? list(value, (id) => fileNames.get(String(id)) ?? t.answerWords.removedFile)
        : String(value)
    default:
      return String(value)
  }
}
