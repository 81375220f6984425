/**
 * The one scale of every score chart (the dashboard's, the report's and the comparison's, on the
 * page and in the PDFs): a score is out of 100, and its bar is that share of the full bar. A score
 * outside 0–100 is drawn at the nearest end, and a missing one (a section not assessed) as no bar,
 * so no chart draws past its axis or a bar for a number that is not there.
 *
 *   scoreFraction(42)         // 0.42
 *   scoreLength(42, 340)      // 142.8 (px of a 340 px bar)
 *   scorePercent(130)         // '100%' (react-pdf and CSS widths)
 *   scorePercent(undefined)   // '0%'
 */

export const SCORE_MAX = 100
/** The axis ticks a chart with an axis draws. */
export const SCORE_TICKS = [0, 25, 50, 75, 100] as const

export function scoreFraction(score: number | null | undefined): number {
  if (score === null || score === undefined || !Number.isFinite(score)) return 0
  return Math.max(0, Math.min(SCORE_MAX, score)) / SCORE_MAX
}

/** The length of a score's bar on a bar `length` long (SVG user units, points). */
export function scoreLength(score: number | null | undefined, length: number): number {
  return scoreFraction(score) * length
}

/** A score's bar as a percentage width (CSS, react-pdf). */
export function scorePercent(score: number | null | undefined): `${number}%` {
  return `${Math.round(scoreFraction(score) * 1000) / 10}%`
}
