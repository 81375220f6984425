import type { Verdict } from '../assessment/engine.ts'
import { SCORE_TICKS, scoreLength } from '../components/score-scale.ts'
import { VERDICT_LABELS, VERDICTS } from '../vocabulary/verdict.ts'

type ChartVendor = { id: string; vendorCompany: string; score?: number | null; verdict?: Verdict | null }

const ROW = 20
const LABEL_WIDTH = 210
const BAR_WIDTH = 330
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 150
const AXIS = 22

/** Fill per verdict; a pattern as well as a colour, and the verdict is written at each bar's end. */
const FILL: Record<Verdict, string> = {
  approve: 'url(#bar-approve)',
  'approve-with-conditions': 'url(#bar-conditions)',
  reject: 'url(#bar-reject)',
}
const SHORT: Record<Verdict, string> = {
  approve: 'approve',
  'approve-with-conditions': 'conditions',
  reject: 'reject',
}

/** Coordinates in whole units (a unit is about a pixel): 310, not 310.20000000000005. */
const round = (n: number) => Math.round(n)

function truncate(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * Scores of the vendors on the current page, one horizontal bar each, in the table's order. One bar
 * per vendor stays readable at 50 bars (a page), and showing the page ties the chart to the table
 * and its sort and filters: sort by score to see the best, filter by verdict to see one group. The
 * whole filtered set is summarised by the verdict counts above it. Hand-written SVG (no library).
 * The dashboard draws it in the browser after hydration, from the rows it already has (the table
 * carries the same figures without JavaScript); text sizes and colours come from dashboard.css, so
 * a bar is three short elements.
 */
export function ScoreChart({ vendors }: { vendors: readonly ChartVendor[] }) {
  const scored = vendors.filter(
    (v): v is ChartVendor & { score: number; verdict: Verdict } => typeof v.score === 'number' && Boolean(v.verdict),
  )
  if (scored.length === 0) return null
  const height = AXIS + scored.length * ROW + 8
  const x = (score: number) => LABEL_WIDTH + scoreLength(score, BAR_WIDTH)
  return (
    <figure className="score-chart panel">
      <figcaption id="score-chart-caption">
        <strong>Scores of the vendors on this page</strong>, in the table’s order (0–100, higher is better). Each bar’s
        colour, pattern and closing word give the verdict.
      </figcaption>
      <ul className="chart-legend" aria-label="Legend">
        {VERDICTS.map((verdict) => (
          <li key={verdict}>
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={FILL[verdict]} />
            </svg>
            {` ${VERDICT_LABELS[verdict]}`}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-describedby="score-chart-note"
        className="score-chart-svg"
      >
        <title>{`Bar chart of the scores of the ${scored.length} assessed vendors on this page, by verdict`}</title>
        <defs>
          <pattern id="bar-approve" width="6" height="6" patternUnits="userSpaceOnUse">
            {/* Blue, not green: green is kept for "within appetite" (app/appetite), which the verdict is not. */}
            <rect width="6" height="6" fill="#1d6a96" />
          </pattern>
          <pattern id="bar-conditions" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#e0a030" />
            <path d="M0 6 L6 0" stroke="#7a4a00" strokeWidth="1.2" />
          </pattern>
          <pattern id="bar-reject" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#c8402f" />
            <path d="M0 0 L6 6 M6 0 L0 6" stroke="#5c0f07" strokeWidth="1" />
          </pattern>
        </defs>
        <g className="tick">
          <path d={SCORE_TICKS.map((tick) => `M${x(tick)} ${AXIS - 4}V${height - 4}`).join('')} />
          {SCORE_TICKS.map((tick) => (
            <text key={tick} x={x(tick)} y={AXIS - 8}>
              {tick}
            </text>
          ))}
        </g>
        {/* Names, bars and scores in groups, so each element needs no class or fill of its own. */}
        <g className="names" transform={`translate(${LABEL_WIDTH - 8})`}>
          {scored.map((vendor, i) => (
            <text key={vendor.id} y={AXIS + i * ROW + 14}>
              {truncate(vendor.vendorCompany, 24)}
            </text>
          ))}
        </g>
        {/* Bars grouped by verdict, so the group carries the fill. */}
        {VERDICTS.map((verdict) => (
          <g key={verdict} fill={FILL[verdict]}>
            {scored.map((vendor, i) =>
              vendor.verdict === verdict ? (
                <rect
                  key={vendor.id}
                  x={LABEL_WIDTH}
                  y={AXIS + i * ROW + 3}
                  width={Math.max(1, round(x(vendor.score) - LABEL_WIDTH))}
                  height={ROW - 6}
                />
              ) : null,
            )}
          </g>
        ))}
        <g>
          {scored.map((vendor, i) => (
            <text key={vendor.id} x={round(x(vendor.score) + 6)} y={AXIS + i * ROW + 14}>
              {`${vendor.score} · ${SHORT[vendor.verdict]}`}
            </text>
          ))}
        </g>
      </svg>
      <p id="score-chart-note" className="muted">
        The same figures are in the table above.
        {scored.length < vendors.length
          ? ` Vendors without an assessment (${vendors.length - scored.length} on this page) have no bar.`
          : ''}
      </p>
    </figure>
  )
}
