import { isCountryCode } from '../geography/countries.ts'
import type { Question, QuestionnaireDefinition } from './definition.ts'

/**
 * Validates a vendor's raw answers (a flat object from question id to value) against a questionnaire
 * definition's question types. Errors name the field the contract's way
 * (`answers.storage.primaryCountries[1]: "XX" is not an ISO 3166-1 alpha-2 country code`); keys the
 * definition does not know are dropped and reported as warnings, never errors.
 */

export type AnswerValue = unknown
export type Answers = Record<string, AnswerValue>
export type AnswerIssue = { path: string; message: string }
export type CertificationAnswer = {
  type: string
  issued: string
  expires?: string
  edition?: string
  evidenceId?: string
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

const show = (value: unknown) => JSON.stringify(value) ?? String(value)

/** Every question of a definition by id (cached per definition object). */
const indexCache = new WeakMap<QuestionnaireDefinition, Map<string, Question>>()
export function questionsById(definition: QuestionnaireDefinition): Map<string, Question> {
  let index = indexCache.get(definition)
  if (!index) {
    index = new Map()
    for (const section of definition.sections)
      for (const question of section.questions) index.set(question.id, question)
    indexCache.set(definition, index)
  }
  return index
}

function checkValue(question: Question, value: unknown, path: string, issues: AnswerIssue[]): void {
  const issue = (message: string, at = path): void => {
    issues.push({ path: at, message })
  }
  switch (question.type) {
    case 'single-choice': {
      const allowed = question.choices.map((choice) => choice.value)
      if (typeof value !== 'string' || !allowed.includes(value))
        issue(`${show(value)} is not one of ${allowed.join(', ')}`)
      return
    }
    case 'multiple-choice': {
      const allowed = question.choices.map((choice) => choice.value)
      if (!Array.isArray(value)) {
        issue('must be an array of choices')
        return
      }
      value.forEach((item, i) => {
        if (typeof item !== 'string' || !allowed.includes(item)) {
          issue(`${show(item)} is not one of ${allowed.join(', ')}`, `${path}[${i}]`)
        }
      })
      return
    }
    case 'country':
      if (value === null && question.nullable) return
      if (!isCountryCode(value)) issue(`${show(value)} is not an ISO 3166-1 alpha-2 country code`)
      return
    case 'country-list':
      if (!Array.isArray(value)) {
        issue('must be an array of ISO 3166-1 alpha-2 country codes')
        return
      }
      value.forEach((item, i) => {
        if (!isCountryCode(item)) issue(`${show(item)} is not an ISO 3166-1 alpha-2 country code`, `${path}[${i}]`)
      })
      return
    case 'yes-no':
      if (typeof value !== 'boolean') issue(`${show(value)} is not a boolean (true or false)`)
      return
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        issue(`${show(value)} is not an integer`)
        return
      }
      if (question.min !== undefined && value < question.min) issue(`${value} is below the minimum ${question.min}`)
      if (question.max !== undefined && value > question.max) issue(`${value} is above the maximum ${question.max}`)
      return
    case 'date':
      if (!isIsoDate(value)) issue(`${show(value)} is not a YYYY-MM-DD date`)
      return
    case 'text':
      if (typeof value !== 'string') {
        issue(`${show(value)} is not a string`)
        return
      }
      if (question.maxLength !== undefined && value.length > question.maxLength) {
        issue(`is longer than ${question.maxLength} characters`)
      }
      return
    case 'file':
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.length === 0)) {
        issue('must be an array of evidence file ids')
      }
      return
    case 'certification-list': {
      const allowed = question.certificationTypes.map((choice) => choice.value)
      if (!Array.isArray(value)) {
        issue('must be an array of certifications')
        return
      }
      value.forEach((item, i) => {
        const at = `${path}[${i}]`
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
          issue('must be an object', at)
          return
        }
        const cert = item as Record<string, unknown>
        if (typeof cert.type !== 'string' || !allowed.includes(cert.type)) {
          issue(`${show(cert.type)} is not one of ${allowed.join(', ')}`, `${at}.type`)
        }
        if (!isIsoDate(cert.issued)) issue(`${show(cert.issued)} is not a YYYY-MM-DD date`, `${at}.issued`)
        if (cert.expires !== undefined && cert.expires !== null && !isIsoDate(cert.expires)) {
          issue(`${show(cert.expires)} is not a YYYY-MM-DD date`, `${at}.expires`)
        }
        if (cert.edition !== undefined && cert.edition !== null && !['2013', '2022'].includes(String(cert.edition))) {
          issue(`${show(cert.edition)} is not one of 2013, 2022`, `${at}.edition`)
        }
        if (cert.evidenceId !== undefined && typeof cert.evidenceId !== 'string') {
          issue(`${show(cert.evidenceId)} is not a string`, `${at}.evidenceId`)
        }
        for (const key of Object.keys(cert)) {
          if (!['type', 'issued', 'expires', 'edition', 'evidenceId'].includes(key)) {
            issue(`unknown field "${key}"`, `${at}.${key}`)
          }
        }
      })
      return
    }
  }
}

/** Normalises what the schema allows loosely: certificate editions as strings, null expiry dropped. */
function normalise(question: Question, value: unknown): unknown {
  if (question.type !== 'certification-list' || !Array.isArray(value)) return value
  return value.map((item: Record<string, unknown>) => {
    const cert: CertificationAnswer = { type: String(item.type), issued: String(item.issued) }
    if (typeof item.expires === 'string') cert.expires = item.expires
    if (item.edition !== undefined && item.edition !== null) cert.edition = String(item.edition)
    if (typeof item.evidenceId === 'string') cert.evidenceId = item.evidenceId
    return cert
  })
}

export function validateAnswers(
  definition: QuestionnaireDefinition,
  raw: unknown,
): { answers: Answers; issues: AnswerIssue[]; unknownKeys: string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { answers: {}, issues: [{ path: 'answers', message: 'must be a JSON object' }], unknownKeys: [] }
  }
  const index = questionsById(definition)
  const answers: Answers = {}
  const issues: AnswerIssue[] = []
  const unknownKeys: string[] = []
  for (const [id, value] of Object.entries(raw)) {
    const question = index.get(id)
    if (!question) {
      unknownKeys.push(id)
      continue
    }
    // `undefined` never survives JSON; treat it as unanswered for callers passing objects.
    if (value === undefined) continue
    const before = issues.length
    checkValue(question, value, `answers.${id}`, issues)
    if (issues.length === before) answers[id] = normalise(question, value)
  }
  return { answers, issues, unknownKeys }
}
