import { describe, expect, it } from 'vitest'
import { addDays, addMonths, daysBetween } from '#app/assessment/dates.ts'

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
