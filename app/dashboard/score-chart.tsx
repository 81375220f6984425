import type { Verdict } from '../assessment/engine.ts'
import { VERDICT_LABELS, VERDICTS } from '../vocabulary/verdict.ts'

type ChartVendor = { id: string; vendorCompany: string; score: number | null; verdict: Verdict | null }

const ROW = 20
const LABEL_WIDTH = 210
const BAR_WIDTH = 330
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 150
const AXIS = 22

/** Fill per verdict; a pattern as well as a colour, and the verdict is written at each bar's end. */
const FILL: Record<Verdict, string> = {
  approve: 'url(#verdict-approve)',
  'approve-with-conditions': 'url(#verdict-approve-with-conditions)',
  reject: 'url(#verdict-reject)',
}
const SHORT: Record<Verdict, string> = {
  approve: 'approve',
  'approve-with-conditions': 'conditions',
  reject: 'reject',
}

function truncate(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * Scores of the vendors on the current page, one horizontal bar each, in the table's order. One bar
 * per vendor stays readable at 50 bars (a page), and showing the page ties the chart to the table
 * and its sort and filters: sort by score to see the best, filter by verdict to see one group. The
 * whole filtered set is summarised by the verdict counts above it. Hand-written SVG (no library):
 * it is server-rendered, needs no JavaScript, and is ~100 lines.
 */
export function ScoreChart({ vendors }: { vendors: readonly ChartVendor[] }) {
  const scored = vendors.filter((v): v is ChartVendor & { score: number; verdict: Verdict } => v.score !== null)
  if (scored.length === 0) return null
  const height = AXIS + scored.length * ROW + 8
  const x = (score: number) => LABEL_WIDTH + (Math.max(0, Math.min(100, score)) / 100) * BAR_WIDTH
  return (
    <figure className="score-chart panel">
      <figcaption id="score-chart-caption">
        <strong>Scores of the vendors on this page</strong>, in the table’s order (0–100, higher is better). The colour
        and pattern of each bar and the word after it give the verdict.
      </figcaption>
      <ul className="chart-legend" aria-label="Legend">
        {VERDICTS.map((verdict) => (
          <li key={verdict}>
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={FILL[verdict]} stroke="#14212b" strokeWidth="0.5" />
            </svg>{' '}
            {VERDICT_LABELS[verdict]}
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
          <pattern id="verdict-approve" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#2e8b57" />
          </pattern>
          <pattern id="verdict-approve-with-conditions" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#e0a030" />
            <path d="M0 6 L6 0" stroke="#7a4a00" strokeWidth="1.2" />
          </pattern>
          <pattern id="verdict-reject" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#c8402f" />
            <path d="M0 0 L6 6 M6 0 L0 6" stroke="#5c0f07" strokeWidth="1" />
          </pattern>
        </defs>
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={AXIS - 4} y2={height - 4} stroke="#d8dee4" />
            <text x={x(tick)} y={AXIS - 8} textAnchor="middle" fontSize="11" fill="#52616b">
              {tick}
            </text>
          </g>
        ))}
        {scored.map((vendor, i) => {
          const y = AXIS + i * ROW
          return (
            <g key={vendor.id}>
              <text x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize="12" fill="#14212b">
                {truncate(vendor.vendorCompany, 30)}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 3}
                width={Math.max(1, x(vendor.score) - LABEL_WIDTH)}
                height={ROW - 6}
                fill={FILL[vendor.verdict]}
              />
              <text x={x(vendor.score) + 6} y={y + ROW / 2 + 4} fontSize="12" fill="#14212b">
                {`${vendor.score} · ${SHORT[vendor.verdict]}`}
              </text>
            </g>
          )
        })}
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
