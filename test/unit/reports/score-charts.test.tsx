import { isValidElement, type ReactElement, type ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { assess } from '#app/assessment/engine.ts'
import { scoreFraction, scoreLength, scorePercent } from '#app/components/score-scale.ts'
import { ScoreChart } from '#app/dashboard/score-chart.tsx'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { buildComparison } from '#app/reports/comparison-model.ts'
import { ComparisonScoreChart, SectionScoreChart } from '#app/reports/components/score-chart.tsx'
import { ComparisonDocument } from '#app/reports/pdf/comparison-document.tsx'
import { ScoreBars } from '#app/reports/pdf/pdf-kit.tsx'
import { DEMO_ENGAGEMENTS } from '#db/demo/engagements.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

// Every score chart (the dashboard's, the report's and the comparison's, on the page and in the
// PDFs) draws a score on one scale: its share of 100, a score outside 0–100 at the nearest end, a
// missing one as no bar. Before, each chart worked its bar out itself, and two of them drew a score
// over 100 past their axis.

const SCORES = [130, -5, 42, 100, 0] as const

/** The widths of the SVG rects with this fill, in the order drawn. */
function rectWidths(html: string, fill: string): number[] {
  return [...html.matchAll(/<rect ([^>]*)>/g)]
    .map((m) => m[1] ?? '')
    .filter((attributes) => attributes.includes(`fill="${fill}"`))
    .map((attributes) => Number(/width="([^"]+)"/.exec(attributes)?.[1]))
}

/** Every react-pdf style `width` given as a percentage in an element tree (components not expanded). */
function percentWidths(node: ReactNode, colour?: string): string[] {
  if (Array.isArray(node)) return node.flatMap((child) => percentWidths(child, colour))
  if (!isValidElement(node)) return []
  const props = (node as ReactElement<{ style?: unknown; children?: ReactNode }>).props
  const styles = [props.style].flat() as Array<Record<string, unknown> | undefined>
  const own = styles.flatMap((style) =>
    typeof style?.width === 'string' &&
    style.width.endsWith('%') &&
    (colour === undefined || style.backgroundColor === colour)
      ? [style.width]
      : [],
  )
  return [...own, ...percentWidths(props.children, colour)]
}

describe('one scale for every score chart', () => {
  test('a score is its share of 100, an out-of-range one is drawn at the nearest end, a missing one as nothing', () => {
    expect(SCORES.map(scoreFraction)).toEqual([1, 0, 0.42, 1, 0])
    expect(scoreFraction(undefined)).toBe(0)
    expect(scoreFraction(null)).toBe(0)
    expect(scoreFraction(Number.NaN)).toBe(0)
    expect(scoreLength(42, 340)).toBeCloseTo(142.8)
    expect(SCORES.map(scorePercent)).toEqual(['100%', '0%', '42%', '100%', '0%'])
  })

  test('the report and comparison pages draw the same share of their bar, never past the axis', () => {
    const sections = renderToStaticMarkup(
      <SectionScoreChart sections={SCORES.map((score, i) => ({ title: `S${i}`, score }))} title="Sections" />,
    )
    // The bar is 360 long; the track behind each bar is drawn in #eef2f5.
    expect(rectWidths(sections, '#0d3b66')).toEqual(SCORES.map((score) => scoreFraction(score) * 360))
    const comparison = renderToStaticMarkup(
      <ComparisonScoreChart
        sections={[{ id: 's', title: 'Storage' }]}
        vendors={[...SCORES.map((score, i) => ({ company: `V${i}`, sectionScores: { s: score } }))]}
      />,
    )
    const palette = ['#0d3b66', '#c2410c', '#15803d', '#7c3aed', '#0e7490']
    expect(palette.map((fill) => rectWidths(comparison, fill)[0])).toEqual(
      SCORES.map((score) => scoreFraction(score) * 340),
    )
    expect(Math.max(...palette.map((fill) => rectWidths(comparison, fill)[0] ?? 0))).toBeLessThanOrEqual(340)
  })

  test('the dashboard chart ends each bar at its score on the same axis', () => {
    const html = renderToStaticMarkup(
      <ScoreChart
        vendors={SCORES.map((score, i) => ({ id: `v${i}`, vendorCompany: `Vendor ${i}`, score, verdict: 'approve' }))}
      />,
    )
    const widths = [...html.matchAll(/<rect x="210"[^>]* width="([^"]+)"/g)].map((m) => Number(m[1]))
    // 330 long; a bar is at least 1 wide so a zero still shows where the axis starts.
    expect(widths).toEqual(SCORES.map((score) => Math.max(1, Math.round(scoreFraction(score) * 330))))
  })

  test('the dashboard chart has a bar per scored vendor with its verdict in words, and a text legend', () => {
    const verdicts = ['approve', 'approve-with-conditions', 'reject'] as const
    const vendors = Array.from({ length: 20 }, (_, i) => ({
      id: `v${i}`,
      vendorCompany: `Vendor ${i}`,
      score: 30 + i,
      verdict: verdicts[i % 3] ?? 'approve',
    }))
    const html = renderToStaticMarkup(<ScoreChart vendors={[...vendors, { id: 'x', vendorCompany: 'Not assessed' }]} />)
    expect(html).toContain('Bar chart of the scores of the 20 assessed vendors on this page')
    expect(html.match(/<rect x="210"/g)).toHaveLength(20)
    expect(html).toContain('31 · conditions')
    expect(html).toContain('30 · approve')
    expect(html).toContain('32 · reject')
    expect(html).toContain('Approve with conditions')
    expect(html).not.toContain('Not assessed')
  })

  test('the PDFs draw the same shares: the report’s section bars and the comparison’s', () => {
    const bars = ScoreBars({ sections: SCORES.map((score, i) => ({ title: `S${i}`, score })) })
    expect(percentWidths(bars)).toEqual(SCORES.map(scorePercent))

    const mercy = DEMO_ENGAGEMENTS[0]!
    const profile = ProfileSchema.parse(mercy.profile)
    const demo = mercy.vendors.find((v) => v.company === 'Caribe Health Information Services')!
    const assessment = assess({
      profile,
      questionnaire: coreQuestionnaire,
      answers: demo.answers ?? {},
      regimes: regimePacks,
      asOf: '2026-11-01',
    }).assessment
    const comparison = buildComparison({
      engagement: { id: 'e', name: mercy.name },
      profile,
      questionnaire: coreQuestionnaire,
      vendors: [
        {
          invitationId: 'caribe',
          company: demo.company,
          country: demo.country,
          status: 'submitted',
          submittedAt: '2026-11-01T00:00:00Z',
          answers: demo.answers ?? {},
          assessment,
          decision: undefined,
        },
      ],
      today: '2026-11-29',
    })
    const [first, second] = comparison.sections
    const vendor = comparison.vendors[0]!
    vendor.sectionScores = { [first!.id]: 130, [second!.id]: 42 }
    const widths = percentWidths(ComparisonDocument({ comparison }), '#0d3b66')
    expect(widths.slice(0, 2)).toEqual(['100%', '42%'])
    // A section the vendor has no score for: no bar.
    expect(widths.slice(2)).toEqual(Array(comparison.sections.length - 2).fill('0%'))
  })
})
