import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '#app/assessment/dates.ts'
import { assess } from '#app/assessment/engine.ts'
import { sanctionsProgramme } from '#app/geography/geography.ts'
import { questionsById, validateAnswers } from '#app/questionnaire/answers.ts'
import type { Question, QuestionnaireDefinition } from '#app/questionnaire/definition.ts'
import { CN_PURPOSES, DATA_CATEGORIES, ProfileSchema } from '#app/regulations/profile.ts'
import { coreQuestionnaire, getQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { loadScenarios } from './scenario-helpers.ts'

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
        fc
          .record(
            {
              type: fc.constantFrom(...question.certificationTypes.map((c) => c.value)),
              issued: dateArb,
              validDays: fc.integer({ min: 0, max: 1500 }),
              edition: fc.constantFrom('2013', '2022'),
              assessor: fc.constantFrom('self', 'c3pao', 'dibcac'),
              status: fc.constantFrom('final', 'conditional'),
            },
            { requiredKeys: ['type', 'issued'] },
          )
          .map(({ validDays, assessor, status, ...cert }) => ({
            ...cert,
            // A certificate cannot expire before it is issued (contract v1.1: invalid input).
            ...(validDays !== undefined ? { expires: addDays(cert.issued, validDays) } : {}),
            ...(question.cmmcDetails && cert.type.startsWith('cmmc-')
              ? { ...(assessor ? { assessor } : {}), ...(status ? { status } : {}) }
              : {}),
          })),
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
      cmmcAssessment: fc.constantFrom(null, 'self', 'c3pao', 'dibcac'),
      usGovernmentRelatedData: fc.boolean(),
      criticalInformationInfrastructureOperator: fc.boolean(),
      bankRegulated: fc.boolean(),
      dfarsCloudService: fc.boolean(),
    }),
    purposes: fc.subarray([...CN_PURPOSES]),
  })
  .map((p) => ProfileSchema.parse(p))
const asOfArb = fc.constantFrom('2025-03-30', '2025-06-30', '2025-07-01', '2026-07-01', '2026-11-09', '2026-11-22')

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

// Contract v1.1, "Unknown and unanswered (fail safe)", and issue 11's property: knowing less about a
// vendor never makes it look better.
const VERDICT_RANK = { approve: 0, 'approve-with-conditions': 1, reject: 2 } as const
const YES_NO_UNKNOWN = questions
  .filter((q) => q.type === 'single-choice' && q.choices.map((c) => c.value).join() === 'yes,no,unknown')
  .map((q) => q.id)
const COUNTRY_QUESTIONS = new Set(
  questions.filter((q) => q.type === 'country' || q.type === 'country-list').map((q) => q.id),
)
const v1 = getQuestionnaire('cross-border-core', 1)!

function assessWith(
  questionnaire: QuestionnaireDefinition,
  profile: ReturnType<typeof ProfileSchema.parse>,
  answers: Record<string, unknown>,
  asOf: string,
) {
  return assess({ profile, questionnaire, answers, regimes: regimePacks, asOf }).assessment
}

describe('fail safe (contract v1.1)', () => {
  it('has yes / no / unknown questions to turn unknown', () => {
    expect(YES_NO_UNKNOWN).toEqual([
      'company.countryOfConcernOwnership',
      'storage.restrictedCountryReplication',
      'access.nonUsPersonsAccess',
      'access.countryOfConcernPersonnel',
    ])
  })

  it('removing any answer, or turning a yes/no/unknown answer to unknown, never improves the verdict and never raises the score', () => {
    fc.assert(
      fc.property(
        profileArb,
        answersArb,
        asOfArb,
        fc.constantFrom(coreQuestionnaire, v1),
        fc.nat(),
        fc.boolean(),
        (profile, raw, asOf, questionnaire, pick, toUnknown) => {
          const { answers } = validateAnswers(questionnaire, raw)
          const candidates = toUnknown
            ? YES_NO_UNKNOWN.filter((id) => id in answers && answers[id] !== 'unknown')
            : Object.keys(answers)
          fc.pre(candidates.length > 0)
          const id = candidates[pick % candidates.length]!
          const changed = { ...answers }
          if (toUnknown) changed[id] = 'unknown'
          else delete changed[id]
          const before = assessWith(questionnaire, profile, answers, asOf)
          const after = assessWith(questionnaire, profile, changed, asOf)
          expect(after.score).toBeLessThanOrEqual(before.score)
          // A country list whose emptiness another answer already states (no subprocessors, or no
          // encryption at rest, so no keys to locate): the vendor's own answer stands in for the
          // list, exactly as if it had answered "none", under every regime that reads the list
          // (seed 1967137089 found this with sanctions, seed 2029912698 with ITAR: CN subprocessors
          // named beside "we use none").
          const saysEmpty =
            (id === 'access.subprocessorCountries' && changed['storage.usesSubprocessors'] === false) ||
            (id === 'handling.keyLocationCountries' && changed['handling.encryptionAtRest'] === 'none')
          if (saysEmpty) {
            expect(after).toEqual(assessWith(questionnaire, profile, { ...changed, [id]: [] }, asOf))
            return
          }
          const named = ([] as unknown[]).concat(answers[id])
          const namesSanctioned =
            COUNTRY_QUESTIONS.has(id) &&
            before.applicableRegimes.includes('sanctions') &&
            named.some((c) => typeof c === 'string' && sanctionsProgramme(c, asOf)?.scope === 'comprehensive')
          if (!namesSanctioned) {
            expect(VERDICT_RANK[after.verdict]).toBeGreaterThanOrEqual(VERDICT_RANK[before.verdict])
            return
          }
          // The one exception the contract makes: "Unanswered country lists are a finding asking for
          // them, not a blocker." Removing the list that named a sanctioned country leaves that
          // finding (and the verdict may improve), so the buyer is still asked for the list.
          expect(after.findings).toContainEqual(
            expect.objectContaining({
              ruleId: 'sanctions.country-answers-missing',
              missingAnswers: expect.arrayContaining([id]),
            }),
          )
        },
      ),
      { numRuns: 400 },
    )
    // 400 runs assess 800 vendors: about 2 s alone, over 5 s (Vitest's default) on a loaded 2-core machine.
  }, 60_000)

  it('a v1 response is never assessed better than v2 answers that add the questions v1 never asked, and says so', () => {
    const v2Only = questions.filter((q) => !questionsById(v1).has(q.id)).map((q) => q.id)
    expect(v2Only.length).toBeGreaterThan(0)
    fc.assert(
      fc.property(profileArb, answersArb, asOfArb, (profile, raw, asOf) => {
        const asV2 = validateAnswers(coreQuestionnaire, raw).answers
        // v1's certificate rows have no CMMC assessor or status: compare like with like.
        const held = asV2['certifications.held'] as Record<string, unknown>[] | undefined
        const rows = held?.map(({ assessor: _a, status: _s, ...row }) => row)
        const both = rows ? { ...asV2, 'certifications.held': rows } : asV2
        const asV1 = validateAnswers(v1, both).answers
        const old = assessWith(v1, profile, asV1, asOf)
        const current = assessWith(coreQuestionnaire, profile, both, asOf)
        expect(VERDICT_RANK[old.verdict]).toBeGreaterThanOrEqual(VERDICT_RANK[current.verdict])
        for (const item of [...old.findings, ...old.conditions]) {
          for (const id of item.notAsked ?? []) expect(v2Only).toContain(id)
        }
      }),
      RUNS,
    )
  })
})

describe('fail safe from good vendors (every scenario that approves, one answer at a time)', () => {
  // Random answer sets mostly reject already; these start from vendors the law lets through, so a
  // rule that clears on silence shows up as a better verdict.
  const good = ['test/fixtures/contract/v1.1', 'test/fixtures/scenarios', 'test/fixtures/engine/scenarios']
    .flatMap((dir) => loadScenarios(dir).map((entry) => ({ ...entry, file: `${dir}/${entry.file}` })))
    .filter(({ scenario }) => scenario.expect.verdict !== 'reject')

  it('has good vendors to start from', () => {
    expect(good.length).toBeGreaterThan(30)
  })

  it.each(good)('$file: no removal and no "unknown" improves the verdict or raises the score', ({ scenario }) => {
    const profile = ProfileSchema.parse(scenario.profile)
    const { answers } = validateAnswers(coreQuestionnaire, scenario.answers)
    const base = assessWith(coreQuestionnaire, profile, answers, scenario.asOf)
    const variants: [string, Record<string, unknown>][] = [
      ...Object.keys(answers).map((id): [string, Record<string, unknown>] => {
        const without = { ...answers }
        delete without[id]
        return [`without ${id}`, without]
      }),
      ...YES_NO_UNKNOWN.filter((id) => id in answers).map((id): [string, Record<string, unknown>] => [
        `${id} unknown`,
        { ...answers, [id]: 'unknown' },
      ]),
    ]
    for (const [name, variant] of variants) {
      const after = assessWith(coreQuestionnaire, profile, variant, scenario.asOf)
      expect(VERDICT_RANK[after.verdict], name).toBeGreaterThanOrEqual(VERDICT_RANK[base.verdict])
      expect(after.score, name).toBeLessThanOrEqual(base.score)
    }
  })
})
