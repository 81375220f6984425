import { countryName, isCountryCode } from '../geography/countries.ts'
import type { CertificationAnswer } from '../questionnaire/answers.ts'
import type { Question } from '../questionnaire/definition.ts'

/**
 * A stored answer as a person reads it, in English: choice labels instead of values, country names
 * with their codes, "Yes"/"No", units, certificates spelled out, evidence file names. Pure.
 */

export const NOT_ANSWERED = 'Not answered'

export function countryText(code: string): string {
  return isCountryCode(code) ? `${countryName(code)} (${code})` : code
}

export function countryListText(value: unknown): string {
  if (!Array.isArray(value)) return NOT_ANSWERED
  if (value.length === 0) return 'None'
  return value.map((code) => countryText(String(code))).join(', ')
}

/** The label of a certification type (from the questionnaire when it knows it). */
export function certificationTypeLabel(type: string, question: Question | undefined): string {
  if (question?.type === 'certification-list') {
    const choice = question.certificationTypes.find((c) => c.value === type)
    if (choice) return choice.label.en
  }
  return type
}

function certificationText(cert: CertificationAnswer, question: Question | undefined): string {
  const parts = [certificationTypeLabel(cert.type, question)]
  if (cert.edition) parts[0] += ` (${cert.edition} edition)`
  parts.push(`issued ${cert.issued}`)
  if (cert.expires) parts.push(`expires ${cert.expires}`)
  return parts.join(', ')
}

function isCertification(value: unknown): value is CertificationAnswer {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { issued?: unknown }).issued === 'string'
  )
}

/**
 * A choice label as the buyer reads it. Questionnaire labels speak to the vendor ("keys that you
 * (the vendor) manage"); buyer pages speak about the vendor in the third person. ("We (the customer)"
 * reads right on both sides: the buyer is the customer.)
 */
const BUYER_WORDING: ReadonlyArray<[RegExp, string]> = [
  [/\bkeys that you \(the vendor\) manage\b/g, 'keys the vendor manages'],
  [/\byou \(the vendor\)/g, 'the vendor'],
]

export function buyerVoice(label: string): string {
  return BUYER_WORDING.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), label)
}

/**
 * The answer in words, as buyer pages show it (choice labels in buyerVoice). `fileNames` maps evidence ids to file names for `file` questions.
 * @example answerText(encryptionAtRestQuestion, 'vendor-managed-keys') // 'Encrypted with keys the vendor manages'
 */
export function answerText(
  question: Question | undefined,
  value: unknown,
  fileNames: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === undefined) return NOT_ANSWERED
  if (!question) return typeof value === 'string' ? value : JSON.stringify(value)
  switch (question.type) {
    case 'single-choice':
      return buyerVoice(question.choices.find((c) => c.value === value)?.label.en ?? String(value))
    case 'multiple-choice':
      if (!Array.isArray(value)) return String(value)
      if (value.length === 0) return 'None'
      return value.map((v) => buyerVoice(question.choices.find((c) => c.value === v)?.label.en ?? String(v))).join(', ')
    case 'country':
      if (value === null) return question.nullLabel?.en ?? 'None'
      return countryText(String(value))
    case 'country-list':
      return countryListText(value)
    case 'yes-no':
      return value === true ? 'Yes' : value === false ? 'No' : String(value)
    case 'integer':
      return question.unit ? `${String(value)} ${question.unit.en}` : String(value)
    case 'date':
    case 'text':
      return String(value)
    case 'certification-list':
      if (!Array.isArray(value)) return String(value)
      if (value.length === 0) return 'None'
      return value
        .map((cert) => (isCertification(cert) ? certificationText(cert, question) : JSON.stringify(cert)))
        .join('; ')
    case 'file':
      if (!Array.isArray(value)) return String(value)
      if (value.length === 0) return 'None'
      return value.map((id) => fileNames.get(String(id)) ?? 'a file since removed').join(', ')
  }
}
