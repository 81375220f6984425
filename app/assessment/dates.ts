/**
 * Calendar arithmetic on YYYY-MM-DD strings; string comparison orders such dates correctly.
 * Plain integer arithmetic (no Date objects): certificate checks run for every vendor in a
 * comparison view, so this stays allocation-light.
 */

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * True for a real calendar date written YYYY-MM-DD: `2024-02-29` yes, `2027-02-30` and `2027-04-31`
 * no (JavaScript's Date would roll them over into March and May). The one date check of the engine,
 * the questionnaire's answers, regime packs and geography tables.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const month = Number(match[2])
  const day = Number(match[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month)
}

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's days_from_civil.
function toDays(date: string): number {
  let y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

function fromDays(days: number): string {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  return format(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
}

/** Adds calendar months, clamping to the month's last day (2024-02-29 + 12 months = 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months
  const year = Math.floor(total / 12)
  const month = total - year * 12 + 1
  return format(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)))
}

export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days)
}

export function daysBetween(from: string, to: string): number {
  return toDays(to) - toDays(from)
}
