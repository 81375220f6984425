import { describe, expect, it } from 'vitest'
import { buyerAction, DEFAULT_POLICY, type RiskPolicy } from '#app/appetite/policy.ts'
import { type AssessInput, type Assessment, assess } from '#app/assessment/engine.ts'
import { generateVendorAnswers, mulberry32 } from '#app/assessment/generate-answers.ts'
import { compareSuggestions, MAX_CHANGES, type Suggestion, unlock } from '#app/assessment/unlock.ts'
import { validateAnswers } from '#app/questionnaire/answers.ts'
import { type Profile, parseProfile } from '#app/regulations/profile.ts'
import { coreQuestionnaire, getQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { loadScenarios, type Scenario } from './scenario-helpers.ts'

// "What would change this" (app/assessment/unlock.ts): every suggestion is checked here by an
// independent re-assessment: it reaches its target, breaks no other rule, is minimal (no smaller
// part of it works), and the search is deterministic.

function inputOf(scenario: Pick<Scenario, 'profile' | 'answers' | 'asOf' | 'questionnaireVersion'>): AssessInput {
  const profile = parseProfile(scenario.profile).profile
  if (!profile) throw new Error('invalid profile')
  const questionnaire =
    scenario.questionnaireVersion === undefined
      ? coreQuestionnaire
      : getQuestionnaire(coreQuestionnaire.id, scenario.questionnaireVersion)!
  return {
    profile,
    questionnaire,
    answers: validateAnswers(questionnaire, scenario.answers).answers,
    regimes: regimePacks,
    asOf: scenario.asOf,
  }
}

const scenarios = [...loadScenarios('test/fixtures/engine/scenarios'), ...loadScenarios('test/fixtures/scenarios')].map(
  ({ file, scenario }) => ({ file, input: inputOf(scenario) }),
)
const byFile = (name: string) => scenarios.find((s) => s.file === name)!.input

/** The input with some of a suggestion's changes applied, built without unlock.ts's own code. */
function applied(input: AssessInput, changes: Suggestion['changes']): AssessInput {
  const answers = { ...input.answers }
  const profile: Profile = structuredClone(input.profile)
  for (const change of changes) {
    if ('questionId' in change) answers[change.questionId] = change.value
    else if (change.profileFact === 'profile.dataCategories') profile.dataCategories = change.value as never
    else
      (profile.volumes as Record<string, number>)[change.profileFact.replace('profile.volumes.', '')] =
        change.value as number
  }
  return { ...input, answers, profile }
}

const firedIds = (a: Assessment) =>
  new Set([
    ...a.findings.map((f) => f.ruleId),
    ...a.conditions.map((c) => c.id),
    ...a.recommendation.limits.map((l) => l.ruleId),
  ])
const MODEL = { onshore: 0, nearshore: 1, offshore: 2 } as const
const VERDICT = { reject: 0, 'approve-with-conditions': 1, approve: 2 } as const
const RISK = { low: 0, medium: 1, high: 2, critical: 3 } as const

function reaches(target: Suggestion['target'], base: Assessment, next: Assessment, policy: RiskPolicy): boolean {
  if (target === 'verdict') return next.verdict !== 'reject'
  if (target === 'risk') return buyerAction(next, policy) === 'within-appetite'
  return MODEL[next.recommendation.model] > MODEL[base.recommendation.model]
}

/** New rules that fire, or anything worse: what a suggestion must never cause. */
function broken(base: Assessment, next: Assessment): string[] {
  const before = firedIds(base)
  const out = [
    ...next.findings.filter((f) => f.severity !== 'info' && !before.has(f.ruleId)).map((f) => f.ruleId),
    ...next.conditions.filter((c) => c.kind === 'approval' && !before.has(c.id)).map((c) => c.id),
    ...next.recommendation.limits.filter((l) => !before.has(l.ruleId)).map((l) => l.ruleId),
  ]
  if (VERDICT[next.verdict] < VERDICT[base.verdict]) out.push('verdict worse')
  if (MODEL[next.recommendation.model] < MODEL[base.recommendation.model]) out.push('model nearer')
  if (RISK[next.residualRisk] > RISK[base.residualRisk]) out.push('risk higher')
  return out
}

function checkSuggestions(input: AssessInput, policy: RiskPolicy = DEFAULT_POLICY) {
  const base = assess(input).assessment
  const suggestions = unlock(input, { policy })
  for (const s of suggestions) {
    const label = `${JSON.stringify(s.changes)} → ${s.target}`
    expect(s.changes.length, label).toBeGreaterThan(0)
    expect(s.changes.length, label).toBeLessThanOrEqual(MAX_CHANGES)
    expect(s.labels, label).toHaveLength(s.changes.length)
    const next = assess(applied(input, s.changes)).assessment
    // Verified: the target is reached, as `to` says, and nothing else gets worse.
    expect(reaches(s.target, base, next, policy), label).toBe(true)
    const to =
      s.target === 'verdict' ? next.verdict : s.target === 'risk' ? next.residualRisk : next.recommendation.model
    expect(s.to, label).toBe(to)
    expect(broken(base, next), label).toEqual([])
    // It names exactly the rules it clears, with their citations.
    const after = firedIds(next)
    expect(s.clears, label).toEqual([...firedIds(base)].filter((id) => !after.has(id)).sort())
    expect(s.clears.length, label).toBeGreaterThan(0)
    expect(s.citations.length, label).toBeGreaterThan(0)
    // Minimal: leaving out any one change (and so any smaller part) no longer works.
    for (let i = 0; i < s.changes.length && s.changes.length > 1; i++) {
      const part = s.changes.filter((_, j) => j !== i)
      const partial = assess(applied(input, part)).assessment
      expect(
        reaches(s.target, base, partial, policy) && broken(base, partial).length === 0,
        `${label} without #${i}`,
      ).toBe(false)
    }
  }
  // Smallest first, then cheapest, then by rule.
  expect([...suggestions].sort(compareSuggestions)).toEqual(suggestions)
  return suggestions
}

describe('what would change this: the suggestion search', () => {
  it('suggests the BAA to a vendor that refused it, naming the rule and citation it clears', () => {
    const suggestions = checkSuggestions(byFile('hipaa-no-baa.json'))
    expect(suggestions[0]).toEqual({
      target: 'verdict',
      to: 'approve',
      by: 'vendor',
      changes: [{ questionId: 'contract.baa', value: true }],
      labels: ['sign a business associate agreement (BAA)'],
      clears: ['hipaa.baa-required'],
      citations: ['45 CFR 164.308(b)(1); 164.502(e); 164.504(e)'],
      effort: 'contract-term',
    })
  })

  it("offers the buyer's own choice apart: de-identified data instead of PHI", () => {
    const suggestions = checkSuggestions(byFile('hipaa-no-baa.json'))
    const buyer = suggestions.filter((s) => s.by === 'buyer')
    expect(buyer[0]).toMatchObject({
      target: 'verdict',
      changes: [{ profileFact: 'profile.dataCategories', value: [] }],
      labels: ['share de-identified data instead of PHI (45 CFR 164.514(b))'],
    })
    // The vendor's suggestions never change the buyer's profile, and the buyer's never the vendor's answers.
    for (const s of suggestions) {
      for (const change of s.changes) expect('profileFact' in change ? 'buyer' : s.by).toBe(s.by)
    }
  })

  it('mechanisms change the verdict, not the model: the SCCs clear the blocker and become a condition', () => {
    const input = byFile('gdpr-us-no-dpf-no-scc.json')
    const suggestions = checkSuggestions(input)
    const scc = suggestions.find(
      (s) => JSON.stringify(s.changes) === '[{"questionId":"contract.gdprScc","value":true}]',
    )
    expect(scc).toMatchObject({
      target: 'verdict',
      to: 'approve-with-conditions',
      clears: ['gdpr.no-transfer-mechanism'],
    })
    const next = assess(applied(input, scc!.changes)).assessment
    expect(next.conditions.map((c) => [c.id, c.kind])).toEqual([['gdpr.scc', 'mechanism']])
    expect(suggestions.filter((s) => s.target === 'model')).toEqual([])
  })

  it("widens ITAR's nearshore model to offshore through the end-to-end-encryption carve-out", () => {
    const suggestions = checkSuggestions(byFile('15-itar-puerto-rico-us-persons-only.json'))
    const model = suggestions.filter((s) => s.target === 'model')
    expect(model[0]).toMatchObject({
      to: 'offshore',
      by: 'vendor',
      changes: [
        { questionId: 'handling.endToEndEncryption', value: true },
        { questionId: 'handling.plaintextAccessRequired', value: false },
      ],
      clears: ['itar.us-only-limit'],
      citations: ['22 CFR 120.50(a)(1); 120.60; 120.54(a)(5)'],
    })
  })

  it('never suggests a change that makes another rule fire: it adds the change that keeps it quiet, or none', () => {
    // FIPS modules but no end-to-end encryption, and the FIPS version unanswered. End-to-end
    // encryption and plaintext-free work meet the carve-out, but then the FIPS 140-2 rule reads the
    // unanswered version and fires: the suggestion carries the third change that keeps it quiet.
    const input = byFile('itar-india-no-carve-out.json')
    const twoChanges = [
      { questionId: 'handling.endToEndEncryption', value: true },
      { questionId: 'handling.plaintextAccessRequired', value: false },
    ]
    const base = assess(input).assessment
    expect(broken(base, assess(applied(input, twoChanges)).assessment)).toEqual(['itar.fips-140-2-historical'])
    const model = checkSuggestions(input).filter((s) => s.target === 'model')
    expect(model.map((s) => s.changes)).toEqual([
      [...twoChanges, { questionId: 'handling.fipsVersion', value: 'fips-140-3' }],
    ])
  })

  it("a buyer in China over the CAC threshold could go offshore with fewer individuals (the buyer's choice)", () => {
    const suggestions = checkSuggestions(byFile('57-pipl-over-1m-nonsensitive-assessment.json'))
    expect(suggestions.map((s) => [s.target, s.to, s.by, s.changes])).toEqual([
      [
        'model',
        'offshore',
        'buyer',
        [{ profileFact: 'profile.volumes.cnPersonalInformationIndividuals', value: 999999 }],
      ],
      [
        'model',
        'offshore',
        'buyer',
        [{ profileFact: 'profile.volumes.cnPersonalInformationIndividuals', value: 99999 }],
      ],
    ])
    expect(suggestions[0]!.clears).toEqual(['pipl.onshore-limit-amended-csl', 'pipl.security-assessment'])
  })

  it('a CIIO cannot change what makes it one: no suggestion where no lever exists', () => {
    expect(checkSuggestions(byFile('cn-ciio-export.json'))).toEqual([])
  })

  it('brings a vendor within appetite, and a rule the engagement raised to a blocker counts', () => {
    const input = byFile('112-pci-no-mfa-into-cde-2026.json')
    const base = assess(input).assessment
    expect(base.residualRisk).toBe('high')
    const medium = checkSuggestions(input)
    expect(medium.find((s) => s.target === 'risk')).toMatchObject({
      changes: [{ questionId: 'handling.mfaForAllAccess', value: true }],
    })
    // Appetite high accepts it as it is; raising the MFA rule to a blocker asks for MFA again.
    expect(unlock(input, { policy: { appetite: 'high', blockingRules: [] } })).toEqual([])
    const raised = checkSuggestions(input, { appetite: 'high', blockingRules: ['pci-dss.mfa-into-cde'] })
    expect(raised.map((s) => [s.target, s.changes])).toEqual([
      ['risk', [{ questionId: 'handling.mfaForAllAccess', value: true }]],
    ])
  })

  it('a vendor within appetite, approved and offshore has nothing to change', () => {
    expect(checkSuggestions(byFile('51-gdpr-us-vendor-dpf-certified.json'))).toEqual([])
  })

  it('is verified, minimal and never breaks another rule on every scenario', { timeout: 120_000 }, () => {
    let count = 0
    for (const { input } of scenarios) {
      count += checkSuggestions(input).length
      count += checkSuggestions(input, { appetite: 'low', blockingRules: [] }).length
    }
    expect(count).toBeGreaterThan(100)
  })

  it('is verified, minimal and never breaks another rule on generated vendors under every regime', {
    timeout: 120_000,
  }, () => {
    const profiles = [
      {
        homeCountry: 'US',
        industry: 'healthcare',
        dataCategories: ['phi', 'us-sensitive-personal-data'],
        volumes: { usPersonalHealthData: 20_000 },
      },
      {
        homeCountry: 'US',
        industry: 'defense',
        dataCategories: ['itar-technical-data', 'cui'],
        flags: { dodContractor: true, cmmcLevel: 2 },
      },
      {
        homeCountry: 'DE',
        industry: 'ecommerce',
        dataCategories: ['eu-personal-data', 'cn-personal-information'],
        volumes: { cnPersonalInformationIndividuals: 200_000 },
      },
      {
        homeCountry: 'US',
        industry: 'financial-services',
        dataCategories: ['npi', 'cardholder-data', 'ca-consumer-personal-information'],
        flags: { bankRegulated: true },
      },
    ]
    const random = mulberry32(14)
    let count = 0
    for (const raw of profiles) {
      const profile = parseProfile(raw).profile!
      for (let i = 0; i < 25; i++) {
        const answers = generateVendorAnswers(coreQuestionnaire, random)
        const input = { profile, questionnaire: coreQuestionnaire, answers, regimes: regimePacks, asOf: '2026-12-02' }
        count += checkSuggestions(input).length
      }
    }
    expect(count).toBeGreaterThan(0)
  })

  it('is deterministic: the same input gives the same suggestions, whatever order the packs come in', {
    timeout: 120_000,
  }, () => {
    const reversed = [...regimePacks].reverse()
    for (const { input } of scenarios) {
      const first = unlock(input)
      expect(unlock(input)).toEqual(first)
      expect(unlock({ ...input, regimes: reversed })).toEqual(first)
    }
  })

  it('starts from the assessment given, the same as from none', () => {
    const input = byFile('doj-covered-person-vendor.json')
    expect(unlock(input, { base: assess(input).assessment })).toEqual(unlock(input))
  })

  it('keeps every suggestion a vendor could not act on out: questions its questionnaire version never asked', () => {
    // v1 has no PI-certification question: the standard contract is offered, the certification is not.
    const suggestions = checkSuggestions(byFile('111-pipl-v1-response-certification-not-asked.json'))
    const asked = suggestions.flatMap((s) => s.changes.flatMap((c) => ('questionId' in c ? [c.questionId] : [])))
    expect(asked).toContain('contract.cacStandardContract')
    expect(asked).not.toContain('contract.cnPiCertification')
  })
})
