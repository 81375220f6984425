import type { z } from 'zod'
import { answerSchema, CONTRACT_MESSAGES, issueSuffix } from './answer-schema.ts'
import type { Question, QuestionnaireDefinition } from './definition.ts'

export { isIsoDate } from './answer-schema.ts'

/**
 * Validates a vendor's raw answers (a flat object from question id to value) against a questionnaire
 * definition's question types. Errors name the field the contract's way
 * (`answers.storage.primaryCountries[1]: "XX" is not an ISO 3166-1 alpha-2 country code`); keys the
 * definition does not know are dropped and reported as warnings, never errors, except a key that
 * differs from a question id only by letter case (`Storage.PrimaryCountries`), which is an error
 * naming the id (contract v1.1).
 */

export type AnswerValue = unknown
export type Answers = Record<string, AnswerValue>
type AnswerIssue = { path: string; message: string }
export type CertificationAnswer = {
  type: string
  issued: string
  expires?: string
  edition?: string
  /** CMMC certificates only (contract v1.1): who assessed, and whether the status is final or conditional. */
  assessor?: 'self' | 'c3pao' | 'dibcac'
  status?: 'final' | 'conditional'
  evidenceId?: string
}

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

/** Question ids by their lower-case form, to tell a mistyped case from an unknown key. */
const caseCache = new WeakMap<QuestionnaireDefinition, Map<string, string>>()
function idsByLowerCase(definition: QuestionnaireDefinition): Map<string, string> {
  let index = caseCache.get(definition)
  if (!index) {
    index = new Map([...questionsById(definition).keys()].map((id) => [id.toLowerCase(), id]))
    caseCache.set(definition, index)
  }
  return index
}

/** Schemas per question, built once per definition (the engine validates often). */
const schemaCache = new WeakMap<Question, z.ZodType<unknown>>()
function schemaOf(question: Question): z.ZodType<unknown> {
  let schema = schemaCache.get(question)
  if (!schema) {
    schema = answerSchema(question)
    schemaCache.set(question, schema)
  }
  return schema
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
      // Contract v1.1: a key that differs from a canonical id only by case is an error, not an
      // unknown key to ignore (the answer would silently count as not given).
      const canonical = idsByLowerCase(definition).get(id.toLowerCase())
      if (canonical)
        issues.push({
          path: `answers.${id}`,
          message: `differs from the question id "${canonical}" only by letter case`,
        })
      else unknownKeys.push(id)
      continue
    }
    // `undefined` never survives JSON; treat it as unanswered for callers passing objects.
    if (value === undefined) continue
    const parsed = schemaOf(question).safeParse(value)
    if (parsed.success) answers[id] = parsed.data
    else
      for (const issue of parsed.error.issues) {
        // An unknown field is reported where it is, one issue per field.
        const at = `answers.${id}${issueSuffix(issue.path)}`
        if (issue.code === 'unrecognized_keys')
          for (const key of issue.keys)
            issues.push({ path: `${at}.${key}`, message: CONTRACT_MESSAGES.unknownField(key) })
        else issues.push({ path: at, message: issue.message })
      }
  }
  return { answers, issues, unknownKeys }
}
