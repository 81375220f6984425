import { describe, expect, test } from 'vitest'
import { assess } from '#app/assessment/engine.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { buildComparison, type ComparisonVendorInput, parseCompareSelection } from '#app/reports/comparison-model.ts'
import { DEMO_ENGAGEMENTS } from '#db/demo/engagements.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

const mercy = DEMO_ENGAGEMENTS[0]!
const profile = ProfileSchema.parse(mercy.profile)

function vendor(company: string, submitted = true): ComparisonVendorInput {
  const demo = mercy.vendors.find((v) => v.company === company)!
  const answers = demo.answers ?? {}
  return {
    invitationId: company,
    company,
    country: demo.country,
    status: submitted ? 'submitted' : 'in-progress',
    submittedAt: submitted ? '2026-11-01T00:00:00Z' : null,
    answers,
    assessment: submitted
      ? assess({ profile, questionnaire: coreQuestionnaire, answers, regimes: regimePacks, asOf: '2026-11-01' })
          .assessment
      : undefined,
    decision: undefined,
  }
}

describe('the comparison model', () => {
  const comparison = buildComparison({
    engagement: { id: 'e', name: mercy.name },
    profile,
    questionnaire: coreQuestionnaire,
    vendors: [
      vendor('Caribe Health Information Services'),
      vendor('Manila MedCode'),
      vendor('Monterrey Revenue Cycle', false),
    ],
    today: '2026-11-29',
  })
  const [caribe, manila, monterrey] = comparison.vendors

  test('vendors side by side in the order chosen, with verdict, score, location and regime status', () => {
    expect(comparison.vendors.map((v) => v.company)).toEqual([
      'Caribe Health Information Services',
      'Manila MedCode',
      'Monterrey Revenue Cycle',
    ])
    // Caribe is in Puerto Rico: nearshore on the map, a US territory in law (issue 17).
    expect(caribe).toMatchObject({
      verdictLabel: 'Approve',
      locationLabel: 'Nearshore (US territory: domestic in law)',
      assessed: true,
    })
    expect(manila).toMatchObject({ verdict: 'reject', locationLabel: 'Offshore' })
    // Contract v1.1: a US buyer is also under US sanctions.
    expect(comparison.regimes).toEqual([
      { id: 'hipaa', name: 'HIPAA' },
      { id: 'sanctions', name: 'US sanctions (OFAC)' },
    ])
    expect(caribe?.regimeStatuses.hipaa?.label).toBe('Compliant')
    expect(manila?.regimeStatuses.hipaa?.label).toBe('Non-compliant')
    expect(comparison.sections.map((s) => s.id)).toContain('storage')
    expect(typeof caribe?.sectionScores.storage).toBe('number')
    expect(comparison.versions).toHaveLength(1)
  })

  test('blockers carry their citation; a vendor that has not submitted is shown as not assessed', () => {
    expect(manila?.blockers.map((b) => b.ruleId)).toEqual(['hipaa.baa-required'])
    expect(manila?.blockers[0]?.citation).toContain('45 CFR')
    expect(caribe?.blockers).toEqual([])
    expect(monterrey).toMatchObject({ assessed: false, score: undefined, verdictLabel: 'Not assessed (not submitted)' })
    expect(monterrey?.regimeStatuses.hipaa).toBeUndefined()
  })

  test('key facts in words: countries, encryption and key custody, destruction, certifications', () => {
    expect(caribe?.keyFacts).toMatchObject({
      storageCountries: 'Puerto Rico (PR)',
      backupCountries: 'United States of America (US)',
      personnelCountries: 'Puerto Rico (PR)',
      encryptionAtRest: 'Encrypted with keys that we (the customer) hold and control',
      encryptionInTransit: 'TLS 1.3 only',
      keyCustody: 'We (the customer) hold the keys; keys in United States of America (US)',
      destruction: 'Purge (NIST SP 800-88); certificate of sanitisation provided',
    })
    expect(caribe?.keyFacts.certifications.join(' | ')).toMatch(/HITRUST.*valid/i)
    expect(manila?.keyFacts.keyCustody).toBe('The cloud provider holds the keys; keys in Philippines (PH)')
    expect(manila?.keyFacts.certifications[0]).toMatch(/ISO\/IEC 27001.*\(2013\): not valid/)
    expect(monterrey?.keyFacts.encryptionAtRest).toBe('Not answered')
  })
})

describe('the comparison selection in the URL', () => {
  test.each([
    ['', false, /at least 2/],
    ['v=a', false, /only 1 was chosen/],
    ['v=a&v=a', false, /only 1 was chosen/],
    ['v=a&v=b', true, undefined],
    ['v=a&v=b&v=c&v=d&v=e&v=f', true, undefined],
    ['v=a&v=b&v=c&v=d&v=e&v=f&v=g', false, /at most 6 .*7 were chosen/],
  ])('%s → ok %s', (query, ok, message) => {
    const result = parseCompareSelection(new URLSearchParams(query))
    expect(result.ok).toBe(ok)
    if (message) expect(result).toMatchObject({ message: expect.stringMatching(message) })
  })

  test('keeps the order of the URL and drops repeats', () => {
    expect(parseCompareSelection(new URLSearchParams('v=c&v=a&v=c&v=b'))).toEqual({ ok: true, ids: ['c', 'a', 'b'] })
  })
})
