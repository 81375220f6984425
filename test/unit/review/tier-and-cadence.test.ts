import { describe, expect, test } from 'vitest'
import { applicableRegimeIds } from '#app/assessment/engine.ts'
import { type ProfileInput, ProfileSchema } from '#app/regulations/profile.ts'
import { certificateNoticeDue } from '#app/review/certificate-notices.ts'
import { cadenceMonths, DEFAULT_CADENCE_MONTHS, inherentTier, isReviewDue, nextReviewOn } from '#app/review/tier.ts'
import { regimePacks } from '#questionnaires/index.ts'

/** The tier of a profile, with the regimes the engine says apply (never a copy of its tests). */
function tierOf(input: ProfileInput) {
  const profile = ProfileSchema.parse(input)
  return inherentTier(profile, applicableRegimeIds(profile, regimePacks))
}

describe('inherent tier from the profile', () => {
  test('a US hospital sending PHI is high, because HIPAA applies, and says so', () => {
    const { tier, reasons } = tierOf({ homeCountry: 'US', industry: 'healthcare', dataCategories: ['phi'] })
    expect(tier).toBe('high')
    expect(reasons[0]).toEqual({ tier: 'high', text: 'HIPAA applies' })
    expect(reasons.at(-1)?.text).toBe('Data categories: Patient health information (PHI)')
  })

  test('ITAR technical data is critical', () => {
    const { tier, reasons } = tierOf({
      homeCountry: 'US',
      industry: 'defense',
      dataCategories: ['itar-technical-data'],
    })
    expect(tier).toBe('critical')
    expect(reasons.map((r) => r.text)).toContain('ITAR applies')
  })

  test('volumes count through the engine: the DOJ programme makes it critical only above its threshold', () => {
    const base = { homeCountry: 'US', industry: 'healthcare', dataCategories: ['phi', 'us-sensitive-personal-data'] }
    const below = tierOf({ ...base, volumes: { usPersonalHealthData: 10_000 } } as ProfileInput)
    const above = tierOf({ ...base, volumes: { usPersonalHealthData: 10_001 } } as ProfileInput)
    expect(below.tier).toBe('high')
    expect(above.tier).toBe('critical')
    expect(above.reasons[0]?.text).toBe('DOJ Data Security Program applies (health data of 10,001 US persons)')
  })

  test('EU personal data only is medium; no regulated data is low', () => {
    expect(tierOf({ homeCountry: 'DE', industry: 'ecommerce', dataCategories: ['eu-personal-data'] }).tier).toBe(
      'medium',
    )
    const low = tierOf({ homeCountry: 'US', industry: 'technology', dataCategories: [] })
    expect(low).toEqual({
      tier: 'low',
      reasons: [{ tier: 'low', text: 'No regulated data categories and no law beyond sanctions screening applies' }],
    })
  })

  test('confidential data under no law is medium, with the category as its reason', () => {
    const { tier, reasons } = tierOf({ homeCountry: 'US', industry: 'other', dataCategories: ['confidential'] })
    expect(tier).toBe('medium')
    expect(reasons[0]?.text).toMatch(/^Regulated or confidential data: /)
  })
})

describe('review cadence with an injected clock', () => {
  test('defaults by tier: critical 6, high 12, medium 24, low 36 months; an engagement may set its own', () => {
    expect(DEFAULT_CADENCE_MONTHS).toEqual({ critical: 6, high: 12, medium: 24, low: 36 })
    expect(cadenceMonths('high', null)).toBe(12)
    expect(cadenceMonths('high', 3)).toBe(3)
  })

  test('the review is due on the same day of the month, N months after the last submission', () => {
    expect(nextReviewOn('2026-01-31T10:00:00.000Z', 6)).toBe('2026-07-31')
    expect(nextReviewOn('2026-08-31T10:00:00.000Z', 6)).toBe('2027-02-28')
    expect(isReviewDue('2026-01-31T10:00:00.000Z', 6, '2026-07-30')).toBe(false)
    expect(isReviewDue('2026-01-31T10:00:00.000Z', 6, '2026-07-31')).toBe(true)
    expect(isReviewDue('2026-01-31T10:00:00.000Z', 12, '2026-07-31')).toBe(false)
  })
})

describe('certificate notices', () => {
  test('60, 30 and 7 days before the last valid day, then "ended" the day after it', () => {
    const until = '2027-03-31'
    expect(certificateNoticeDue(until, '2027-01-29')).toBeNull() // 61 days left
    expect(certificateNoticeDue(until, '2027-01-30')).toBe('60')
    expect(certificateNoticeDue(until, '2027-03-01')).toBe('30')
    expect(certificateNoticeDue(until, '2027-03-24')).toBe('7')
    expect(certificateNoticeDue(until, '2027-03-31')).toBe('7')
    expect(certificateNoticeDue(until, '2027-04-01')).toBe('ended')
  })
})
