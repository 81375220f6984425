import { daysBetween } from '../assessment/dates.ts'

/**
 * When a certificate in the register is announced to its vendor: 60, 30 and 7 days before it
 * ends, then once on the day after its last valid day, when the vendor is re-assessed. The last
 * valid day is the engine's `validUntil` (printed expiry, or the standard's own validity period,
 * whichever ends first: app/assessment/certificates.ts); nothing here repeats those periods.
 * Pure; `today` is the injected clock.
 */

export const NOTICE_DAYS = [60, 30, 7] as const
export type NoticeKind = '60' | '30' | '7' | 'ended'

/**
 * The notice due on `today` for a certificate valid until `validUntil`, if any: the nearest
 * announcement window the date falls in (a certificate first seen 20 days before its end gets the
 * 30-day notice, not also the 60-day one), or `ended` once the day is past.
 */
export function certificateNoticeDue(validUntil: string, today: string): NoticeKind | null {
  const daysLeft = daysBetween(today, validUntil)
  if (daysLeft < 0) return 'ended'
  if (daysLeft <= 7) return '7'
  if (daysLeft <= 30) return '30'
  if (daysLeft <= 60) return '60'
  return null
}
