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

// A question asks the vendor ("Do you keep…"); on the buyer's report it reads about the vendor
// ("Does the vendor keep…"). Auxiliaries that put "you" after them, in their third-person form:
const INVERTED: Record<string, string> = { do: 'does', have: 'has', are: 'is', did: 'did', will: 'will', can: 'can' }
// Verbs whose subject "you" is, as the questionnaires use them, in the third person singular.
const THIRD_PERSON: Record<string, string> = {
  are: 'is',
  delete: 'deletes',
  discover: 'discovers',
  handle: 'handles',
  hold: 'holds',
  keep: 'keeps',
  listed: 'listed',
  provide: 'provides',
  store: 'stores',
  use: 'uses',
}
const ADVERBS = new Set(['never', 'also', 'still', 'already'])

/**
 * A question as the buyer reads it, in the third person: "Do you check your owners…?" becomes
 * "Does the vendor check its owners…?". The vendor is named once, then "its"/"it"; "you" after a
 * verb or preposition stays "the vendor" ("…for the vendor?"). Choice labels go through
 * buyerVoice first. A unit test holds every question of every questionnaire to it.
 * @example buyerQuestion('How many days do you keep these access logs?') // 'How many days does the vendor keep these access logs?'
 */
export function buyerQuestion(prompt: string): string {
  // Words and what separates them, alternating, so a word's neighbours are two places away.
  const words = buyerVoice(prompt).match(/\w+|\W+/g) ?? []
  let named = false
  const out: string[] = []
  const cap = (text: string, like: string) => (/^[A-Z]/.test(like) ? text[0]!.toUpperCase() + text.slice(1) : text)
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const lower = word.toLowerCase()
    if (lower === 'your') {
      out.push(cap(named ? 'its' : "the vendor's", word))
      named = true
      continue
    }
    if (lower !== 'you') {
      out.push(word)
      continue
    }
    // The word before (skipping the space) and after.
    const before = (out.length >= 2 ? out[out.length - 2] : '')!.toLowerCase()
    const auxiliary = INVERTED[before]
    if (auxiliary !== undefined) {
      out[out.length - 2] = cap(auxiliary, out[out.length - 2]!)
      out.push('the vendor')
      named = true
      continue
    }
    // "you" as a subject: the verb after it (past an adverb) agrees with the vendor.
    let j = i + 2
    if (ADVERBS.has((words[j] ?? '').toLowerCase())) j += 2
    const verb = THIRD_PERSON[(words[j] ?? '').toLowerCase()]
    if (verb !== undefined) {
      out.push(cap(named ? 'it' : 'the vendor', word))
      for (let k = i + 1; k < j; k++) out.push(words[k]!)
      out.push(verb)
      i = j
      named = true
      continue
    }
    out.push(cap('the vendor', word))
    named = true
  }
  return out.join('')
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
