import type { z } from 'zod'
import type { Condition } from '../conditions/condition.ts'
import {
  CN_PURPOSES,
  DATA_CATEGORIES,
  FlagsSchema,
  INDUSTRIES,
  REGIME_IDS,
  VolumesSchema,
} from '../regulations/profile.ts'
import { type Question, type QuestionnaireDefinition, QuestionnaireDefinitionSchema } from './definition.ts'

/**
 * Validates an unknown JSON value (a parsed `questionnaires/<id>/v<n>.json`) as a questionnaire
 * definition. Pure: no file system, the caller passes the file name used in messages.
 *
 * Beyond the zod schema it checks what the schema cannot see:
 * - question ids are unique across the questionnaire, section ids are unique;
 * - every `visibleWhen` fact is an earlier question id, `regimes`, or a `profile.*` fact of the
 *   contract profile; a question never refers to itself or to a later question;
 * - values compared against a choice question, a yes/no question, `regimes` or
 *   `profile.dataCategories` exist;
 * - scoring fits the question type (byValue on choices or yes/no, bands on integers,
 *   sumOfChoices on multiple choice, certifications on certification lists) and names only
 *   existing values;
 * - no scored question has answer-dependent visibility (own or its section's): a better answer
 *   revealing a new, unanswered scored question could lower the score.
 *
 * Each error reads `<file>: <json path>: <reason>`, e.g.
 * `questionnaires/cross-border-core/v1.json: sections[2].questions[4].visibleWhen.fact: "x.y" is not a question id`.
 */

export { REGIME_IDS }

/** The `profile.*` facts of the assessment contract's Profile (`app/regulations/profile.ts`). */
export const PROFILE_FACTS: readonly string[] = [
  'profile.homeCountry',
  'profile.industry',
  'profile.dataCategories',
  'profile.purposes',
  ...Object.keys(VolumesSchema.shape).map((key) => `profile.volumes.${key}`),
  ...Object.keys(FlagsSchema.shape).map((key) => `profile.flags.${key}`),
]

/** Facts whose compared values must come from a closed list. */
const CLOSED_VALUES: Record<string, { values: readonly string[]; noun: string }> = {
  regimes: { values: REGIME_IDS, noun: 'a regime id' },
  'profile.dataCategories': { values: DATA_CATEGORIES, noun: 'a data category' },
  'profile.industry': { values: INDUSTRIES, noun: 'an industry' },
  'profile.purposes': { values: CN_PURPOSES, noun: 'a purpose' },
}

type LoadResult = { ok: true; definition: QuestionnaireDefinition } | { ok: false; errors: string[] }

type PathPart = string | number | symbol

/** `['sections', 2, 'questions', 4, 'id']` → `sections[2].questions[4].id` */
export function formatPath(path: readonly PathPart[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out === '' ? '(root)' : out
}

function zodErrors(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`)
}

type Located = { question: Question; path: PathPart[]; index: number }

const SCORING_FOR_TYPE: Record<string, readonly string[]> = {
  'single-choice': ['byValue'],
  'yes-no': ['byValue'],
  'multiple-choice': ['sumOfChoices'],
  integer: ['bands'],
  'certification-list': ['certifications'],
}

function allowedValues(question: Question): string[] | undefined {
  if (question.type === 'single-choice' || question.type === 'multiple-choice') {
    return question.choices.map((choice) => choice.value)
  }
  if (question.type === 'certification-list') return question.certificationTypes.map((choice) => choice.value)
  if (question.type === 'yes-no') return ['true', 'false']
  return undefined
}

function show(value: unknown): string {
  return JSON.stringify(value)
}

export function loadQuestionnaire(value: unknown, file: string): LoadResult {
  const parsed = QuestionnaireDefinitionSchema.safeParse(value)
  if (!parsed.success) return { ok: false, errors: zodErrors(file, parsed.error) }
  const definition = parsed.data
  const errors: string[] = []
  const fail = (path: readonly PathPart[], reason: string) => errors.push(`${file}: ${formatPath(path)}: ${reason}`)

  // Index every question in reading order.
  const byId = new Map<string, Located>()
  const sectionIds = new Map<string, number>()
  let index = 0
  definition.sections.forEach((section, s) => {
    const firstSection = sectionIds.get(section.id)
    if (firstSection !== undefined) {
      fail(['sections', s, 'id'], `section id "${section.id}" is already used by sections[${firstSection}]`)
    } else sectionIds.set(section.id, s)
    section.questions.forEach((question, q) => {
      const path = ['sections', s, 'questions', q]
      const first = byId.get(question.id)
      if (first) fail([...path, 'id'], `question id "${question.id}" is already used at ${formatPath(first.path)}`)
      else byId.set(question.id, { question, path, index })
      index++
    })
  })

  /** Checks a condition; returns the question ids it reads. `before` = reading position of the owner. */
  const checkCondition = (
    condition: Condition,
    path: PathPart[],
    before: number,
    ownerId: string | undefined,
    answers: string[],
  ): void => {
    if ('all' in condition) {
      condition.all.forEach((child, i) => {
        checkCondition(child, [...path, 'all', i], before, ownerId, answers)
      })
      return
    }
    if ('any' in condition) {
      condition.any.forEach((child, i) => {
        checkCondition(child, [...path, 'any', i], before, ownerId, answers)
      })
      return
    }
    if ('not' in condition) {
      checkCondition(condition.not, [...path, 'not'], before, ownerId, answers)
      return
    }
    const { fact, operator } = condition
    const values = Array.isArray(condition.value) ? condition.value : [condition.value]
    const valuePath = Array.isArray(condition.value) ? (i: number) => [...path, 'value', i] : () => [...path, 'value']
    const compares = !['answered', 'notAnswered', 'gt', 'gte', 'lt', 'lte'].includes(operator)

    if (fact !== 'regimes' && fact.startsWith('profile.') && !PROFILE_FACTS.includes(fact)) {
      fail([...path, 'fact'], `"${fact}" is not a profile fact of the contract (${PROFILE_FACTS.join(', ')})`)
      return
    }
    if (fact === 'regimes' || fact.startsWith('profile.')) {
      const closed = CLOSED_VALUES[fact]
      if (closed && compares) {
        values.forEach((v, i) => {
          if (typeof v !== 'string' || !closed.values.includes(v)) {
            const list = fact === 'regimes' ? ` (${closed.values.join(', ')})` : ''
            fail(valuePath(i), `${show(v)} is not ${closed.noun}${list}`)
          }
        })
      }
      return
    }
    const target = byId.get(fact)
    if (!target) {
      fail([...path, 'fact'], `"${fact}" is not a question id, "regimes" or a profile.* fact`)
      return
    }
    answers.push(fact)
    if (fact === ownerId) {
      fail([...path, 'fact'], `"${fact}" refers to the question itself`)
      return
    }
    if (target.index >= before) {
      fail(
        [...path, 'fact'],
        `"${fact}" is asked later (${formatPath(target.path)}); visibility may only read earlier answers`,
      )
      return
    }
    if (!compares) return
    const question = target.question
    if (question.type === 'yes-no') {
      values.forEach((v, i) => {
        if (typeof v !== 'boolean')
          fail(valuePath(i), `"${fact}" is a yes-no question: compare with true or false, not ${show(v)}`)
      })
      return
    }
    if (question.type === 'single-choice' || question.type === 'multiple-choice') {
      const choices = question.choices.map((choice) => choice.value)
      values.forEach((v, i) => {
        if (typeof v !== 'string' || !choices.includes(v)) {
          fail(valuePath(i), `${show(v)} is not a choice of "${fact}" (${choices.join(', ')})`)
        }
      })
    }
  }

  definition.sections.forEach((section, s) => {
    // A section's visibility may read answers of earlier sections only.
    const firstQuestion = section.questions[0] ? byId.get(section.questions[0].id) : undefined
    const sectionStart = firstQuestion?.index ?? 0
    const sectionAnswers: string[] = []
    if (section.visibleWhen) {
      checkCondition(section.visibleWhen, ['sections', s, 'visibleWhen'], sectionStart, undefined, sectionAnswers)
    }
    section.questions.forEach((question, q) => {
      const path: PathPart[] = ['sections', s, 'questions', q]
      const located = byId.get(question.id)
      const position = located && located.question === question ? located.index : Number.POSITIVE_INFINITY
      const answers = [...sectionAnswers]
      if (question.visibleWhen)
        checkCondition(question.visibleWhen, [...path, 'visibleWhen'], position, question.id, answers)

      if (question.type === 'integer' && question.min !== undefined && question.max !== undefined) {
        if (question.min > question.max)
          fail([...path, 'min'], `min ${question.min} is greater than max ${question.max}`)
      }
      if (question.type === 'country' && question.nullLabel && !question.nullable) {
        fail([...path, 'nullLabel'], 'nullLabel needs "nullable": true')
      }
      if ((question.type === 'single-choice' || question.type === 'multiple-choice') && question.choices.length > 0) {
        const seen = new Set<string>()
        question.choices.forEach((choice, c) => {
          if (seen.has(choice.value))
            fail([...path, 'choices', c, 'value'], `choice value "${choice.value}" is repeated`)
          seen.add(choice.value)
        })
      }
      if (question.type === 'certification-list') {
        const seen = new Set<string>()
        question.certificationTypes.forEach((choice, c) => {
          if (seen.has(choice.value)) {
            fail([...path, 'certificationTypes', c, 'value'], `certification type "${choice.value}" is repeated`)
          }
          seen.add(choice.value)
        })
      }

      const scoring = question.scoring
      if (!scoring) return
      if (answers.length > 0) {
        fail(
          [...path, 'scoring'],
          `a scored question may not depend on another answer (visibility reads ${answers.map((a) => `"${a}"`).join(', ')}); use "regimes" or profile.* facts, or drop the scoring`,
        )
      }
      const kinds = SCORING_FOR_TYPE[question.type] ?? []
      if (!kinds.includes(scoring.kind)) {
        fail(
          [...path, 'scoring', 'kind'],
          kinds.length === 0
            ? `a ${question.type} question cannot be scored`
            : `scoring "${scoring.kind}" does not fit a ${question.type} question (use ${kinds.join(' or ')})`,
        )
        return
      }
      if (scoring.kind === 'bands') {
        scoring.bands.forEach((band, b) => {
          if (band.gte === undefined && band.lte === undefined) {
            fail([...path, 'scoring', 'bands', b], 'a band needs gte, lte or both')
          } else if (band.gte !== undefined && band.lte !== undefined && band.gte > band.lte) {
            fail([...path, 'scoring', 'bands', b], `gte ${band.gte} is greater than lte ${band.lte}`)
          }
        })
        return
      }
      const allowed = allowedValues(question) ?? []
      for (const key of Object.keys(scoring.points)) {
        if (!allowed.includes(key)) {
          fail([...path, 'scoring', 'points', key], `"${key}" is not a value of this question (${allowed.join(', ')})`)
        }
      }
    })
  })

  return errors.length > 0 ? { ok: false, errors } : { ok: true, definition }
}

/** Every question of a definition in reading order, with its section id. */
export function questionsOf(definition: QuestionnaireDefinition): Array<Question & { sectionId: string }> {
  return definition.sections.flatMap((section) => section.questions.map((q) => ({ ...q, sectionId: section.id })))
}
