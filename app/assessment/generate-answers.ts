import { listCountries } from '../geography/countries.ts'
import type { Answers } from '../questionnaire/answers.ts'
import type { Question, QuestionnaireDefinition } from '../questionnaire/definition.ts'

/**
 * Deterministic random vendor answers for the benchmark (a seeded PRNG, so runs are comparable).
 * Property tests use fast-check instead; this is the cheap generator for 10,000 vendors.
 */

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

// A mix that exercises every branch: home, near, far, countries of concern, 126.1 and D:5.
const COMMON = ['US', 'PR', 'CA', 'MX', 'DE', 'IE', 'FR', 'GB', 'IN', 'PH', 'CN', 'HK', 'RU', 'BR', 'JP', 'VN']
const ALL = listCountries('en').map((country) => country.code)

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!
}

function country(random: () => number): string {
  return random() < 0.9 ? pick(random, COMMON) : pick(random, ALL)
}

function date(random: () => number, fromYear: number, years: number): string {
  const day = new Date(Date.UTC(fromYear, 0, 1) + Math.floor(random() * years * 365) * 86_400_000)
  return day.toISOString().slice(0, 10)
}

function answerFor(question: Question, random: () => number): unknown {
  switch (question.type) {
    case 'single-choice':
      return pick(random, question.choices).value
    case 'multiple-choice':
      return question.choices.filter(() => random() < 0.4).map((choice) => choice.value)
    case 'country':
      return question.nullable && random() < 0.3 ? null : country(random)
    case 'country-list':
      return Array.from({ length: Math.floor(random() * 3) + (random() < 0.9 ? 1 : 0) }, () => country(random))
    case 'yes-no':
      return random() < 0.6
    case 'integer': {
      const min = question.min ?? 0
      const max = question.max ?? min + 2000
      return min + Math.floor(random() * (max - min + 1))
    }
    case 'date':
      return date(random, 2023, 4)
    case 'text':
      return 'generated'
    case 'file':
      return ['evidence-1']
    case 'certification-list':
      return Array.from({ length: Math.floor(random() * 4) }, () => {
        const issued = date(random, 2022, 5)
        return {
          type: pick(random, question.certificationTypes).value,
          issued,
          ...(random() < 0.5 ? { expires: date(random, 2025, 4) } : {}),
          ...(random() < 0.2 ? { edition: pick(random, ['2013', '2022']) } : {}),
        }
      })
  }
}

/** One vendor's answers: each question answered with probability 0.85. */
export function generateVendorAnswers(definition: QuestionnaireDefinition, random: () => number): Answers {
  const answers: Answers = {}
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (random() < 0.85) answers[question.id] = answerFor(question, random)
    }
  }
  return answers
}
