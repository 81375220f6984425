import { describe, expect, it } from 'vitest'
import { addDays, addMonths, daysBetween, isIsoDate } from '#app/assessment/dates.ts'
import { parseRegimePack } from '#app/assessment/regime-pack.ts'
import { AdequacySchema } from '#app/geography/geography.ts'
import { validateAnswers } from '#app/questionnaire/answers.ts'
import { coreQuestionnaire } from '#questionnaires/index.ts'
import hipaa from '#questionnaires/regimes/hipaa.json'

describe('date arithmetic', () => {
  it('adds months and clamps to the month end', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28')
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
  })

  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-11-01', -1)).toBe('2025-10-31')
    expect(addDays('2026-11-22', 90)).toBe('2027-02-20')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2000-12-31', 1)).toBe('2001-01-01')
  })

  it('agrees with Date for every day over several years', () => {
    let date = '2019-12-25'
    let ms = Date.UTC(2019, 11, 25)
    for (let i = 0; i < 3000; i++) {
      expect(date).toBe(new Date(ms).toISOString().slice(0, 10))
      date = addDays(date, 1)
      ms += 86_400_000
    }
    expect(daysBetween('2019-12-25', date)).toBe(3000)
  })
})

describe('impossible dates are refused wherever a date is validated', () => {
  it('isIsoDate accepts real calendar days only', () => {
    for (const date of ['2024-02-29', '2027-02-28', '2027-12-31', '2000-02-29'])
      expect(isIsoDate(date), date).toBe(true)
    for (const date of [
      '2027-02-29',
      '2027-02-30',
      '2027-04-31',
      '2027-13-01',
      '2027-00-10',
      '1900-02-29',
      '2027-1-01',
    ])
      expect(isIsoDate(date), date).toBe(false)
    expect(isIsoDate(20270101)).toBe(false)
  })

  it('a vendor answer, a regime pack and a geography table with 2027-02-30 are refused', () => {
    const answer = validateAnswers(coreQuestionnaire, {
      'certifications.held': [{ type: 'iso27001', issued: '2027-02-30', edition: '2022' }],
    })
    expect(answer.issues).toEqual([
      { path: 'answers.certifications.held[0].issued', message: '"2027-02-30" is not a YYYY-MM-DD date' },
    ])
    expect(() => parseRegimePack('hipaa.json', { ...hipaa, effectiveDate: '2027-02-30' })).toThrow(
      'hipaa.json: effectiveDate: must be a real calendar date, YYYY-MM-DD',
    )
    const adequacy = AdequacySchema.safeParse({
      note: 'n',
      decisions: [{ country: 'CH', decision: 'd', from: '2027-02-30' }],
    })
    expect(adequacy.success).toBe(false)
  })
})
