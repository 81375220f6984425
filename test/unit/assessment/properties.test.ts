import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assess } from '#app/assessment/engine.ts'
import { validateAnswers } from '#app/questionnaire/answers.ts'
import type { Question } from '#app/questionnaire/definition.ts'
import { DATA_CATEGORIES, ProfileSchema } from '#app/regulations/profile.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

// Answer sets generated from the questionnaire's own types: anything the validator accepts must
// assess without throwing, and the contract's monotonicity moves must never lower the score.

const COUNTRIES = ['US', 'PR', 'CA', 'MX', 'DE', 'IE', 'GB', 'IN', 'PH', 'CN', 'HK', 'RU', 'BR', 'JP', 'CU', 'SG']
const dateArb = fc
  .date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

function arbFor(question: Question): fc.Arbitrary<unknown> {
  switch (question.type) {
    case 'single-choice':
      return fc.constantFrom(...question.choices.map((c) => c.value))
    case 'multiple-choice':
      return fc.subarray(question.choices.map((c) => c.value))
    case 'country':
      return question.nullable ? fc.option(fc.constantFrom(...COUNTRIES), { nil: null }) : fc.constantFrom(...COUNTRIES)
    case 'country-list':
      return fc.array(fc.constantFrom(...COUNTRIES), { maxLength: 4 })
    case 'yes-no':
      return fc.boolean()
    case 'integer':
      return fc.integer({ min: question.min ?? -1000, max: question.max ?? 5000 })
    case 'date':
      return dateArb
    case 'text':
      return fc.string({ maxLength: 20 })
    case 'file':
      return fc.array(fc.constantFrom('evidence-1', 'evidence-2'), { maxLength: 2 })
    case 'certification-list':
      return fc.array(
        fc.record(
          {
            type: fc.constantFrom(...question.certificationTypes.map((c) => c.value)),
            issued: dateArb,
            expires: dateArb,
            edition: fc.constantFrom('2013', '2022'),
          },
          { requiredKeys: ['type', 'issued'] },
        ),
        { maxLength: 4 },
      )
  }
}

const questions = coreQuestionnaire.sections.flatMap((s) => s.questions)
const answersArb = fc.record(Object.fromEntries(questions.map((q) => [q.id, arbFor(q)])), { requiredKeys: [] })
const profileArb = fc
  .record({
    homeCountry: fc.constantFrom('US', 'DE', 'CN', 'GB', 'IN', 'PR'),
    industry: fc.constantFrom('healthcare', 'defense', 'financial-services', 'other'),
    dataCategories: fc.subarray([...DATA_CATEGORIES]),
    volumes: fc.record({
      usPersonalHealthData: fc.integer({ min: 0, max: 50_000 }),
      cnPersonalInformationIndividuals: fc.integer({ min: 0, max: 2_000_000 }),
      cnSensitivePersonalInformationIndividuals: fc.integer({ min: 0, max: 20_000 }),
    }),
    flags: fc.record({
      dodContractor: fc.boolean(),
      cmmcLevel: fc.integer({ min: 0, max: 3 }),
      usGovernmentRelatedData: fc.boolean(),
      criticalInformationInfrastructureOperator: fc.boolean(),
    }),
  })
  .map((p) => ProfileSchema.parse(p))
const asOfArb = fc.constantFrom('2025-06-01', '2026-07-01', '2026-11-22')

function score(profile: ReturnType<typeof ProfileSchema.parse>, answers: Record<string, unknown>, asOf: string) {
  return assess({ profile, questionnaire: coreQuestionnaire, answers, regimes: regimePacks, asOf }).assessment.score
}

const RUNS = { numRuns: 150 }

describe('engine properties', () => {
  it('generated answers are valid and assess without throwing, score and sections in 0..100', () => {
    fc.assert(
      fc.property(profileArb, answersArb, asOfArb, (profile, raw, asOf) => {
        const { answers, issues, unknownKeys } = validateAnswers(coreQuestionnaire, raw)
        expect(issues).toEqual([])
        expect(unknownKeys).toEqual([])
        const { assessment, trace } = assess({
          profile,
          questionnaire: coreQuestionnaire,
          answers,
          regimes: regimePacks,
          asOf,
        })
        expect(assessment.score).toBeGreaterThanOrEqual(0)
        expect(assessment.score).toBeLessThanOrEqual(100)
        for (const s of assessment.sections) expect(s.score >= 0 && s.score <= 100).toBe(true)
        const blockers = assessment.findings.some((f) => f.severity === 'blocker')
        expect(assessment.verdict).toBe(
          blockers ? 'reject' : assessment.conditions.length ? 'approve-with-conditions' : 'approve',
        )
        const rulesOfApplicable = regimePacks
          .filter((p) => assessment.applicableRegimes.includes(p.id))
          .reduce((n, p) => n + p.rules.length, 0)
        expect(trace.rules).toHaveLength(rulesOfApplicable)
      }),
      RUNS,
    )
  })

  const monotone = (name: string, improve: (answers: Record<string, unknown>) => Record<string, unknown>) =>
    it(`${name} never lowers the score`, () => {
      fc.assert(
        fc.property(profileArb, answersArb, asOfArb, (profile, raw, asOf) => {
          const { answers } = validateAnswers(coreQuestionnaire, raw)
          expect(score(profile, improve(answers), asOf)).toBeGreaterThanOrEqual(score(profile, answers, asOf))
        }),
        RUNS,
      )
    })

  const stronger = (id: string, order: string[]) => (answers: Record<string, unknown>) => {
    const current = order.indexOf(answers[id] as string)
    return { ...answers, [id]: order[Math.min(order.length - 1, current + 1)] }
  }

  monotone('adding a valid certification', (answers) => ({
    ...answers,
    'certifications.held': [
      ...((answers['certifications.held'] as unknown[]) ?? []),
      { type: 'iso27001', issued: '2025-01-01', expires: '2027-12-31', edition: '2022' },
    ],
  }))
  monotone(
    'stronger encryption at rest',
    stronger('handling.encryptionAtRest', ['none', 'provider-managed', 'vendor-managed-keys', 'customer-managed-keys']),
  )
  monotone('stronger encryption in transit', stronger('handling.encryptionInTransit', ['none', 'tls12', 'tls13']))
  // NIST SP 800-88: delete < Clear < Purge (cryptographic erase is a Purge technique) < Destroy.
  monotone(
    'stronger destruction method',
    stronger('destruction.method', [
      'none',
      'delete',
      'nist-800-88-clear',
      'crypto-erase',
      'nist-800-88-purge',
      'nist-800-88-destroy',
    ]),
  )
  monotone('purge instead of crypto-erase', (answers) =>
    answers['destruction.method'] === 'crypto-erase'
      ? { ...answers, 'destruction.method': 'nist-800-88-purge' }
      : answers,
  )
  monotone('a shorter breach-notification time', (answers) => ({
    ...answers,
    'incident.notificationHours':
      typeof answers['incident.notificationHours'] === 'number'
        ? Math.max(1, Math.floor((answers['incident.notificationHours'] as number) / 2))
        : 24,
  }))
  monotone('giving a certificate of destruction', (answers) => ({
    ...answers,
    'destruction.certificateProvided': true,
  }))

  it('an expired certificate counts as not held', () => {
    fc.assert(
      fc.property(profileArb, answersArb, (profile, raw) => {
        const { answers } = validateAnswers(coreQuestionnaire, raw)
        const withoutCerts = { ...answers, 'certifications.held': [] }
        const withExpired = {
          ...answers,
          'certifications.held': [
            { type: 'iso27001', issued: '2020-01-01', expires: '2023-01-01' },
            { type: 'soc2-type2', issued: '2024-01-31' },
          ],
        }
        expect(score(profile, withExpired, '2026-11-22')).toBe(score(profile, withoutCerts, '2026-11-22'))
      }),
      RUNS,
    )
  })
})
