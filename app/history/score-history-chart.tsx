import { SCORE_TICKS, scoreLength } from '../components/score-scale.ts'

type Point = { number: number; score: number; verdictLabel: string; createdAt: string }

const WIDTH = 640
const HEIGHT = 220
const LEFT = 80
const RIGHT = 64
const TOP = 12
const BOTTOM = 36

/**
 * A vendor's score over its assessment versions: one point per version, labelled with its number,
 * score and verdict (the words are in the SVG, so it reads without colour). Hand-written SVG on the
 * app's one score scale, like the dashboard's chart (README decision 20).
 */
export function ScoreHistoryChart({ points }: { points: Point[] }) {
  const plotW = WIDTH - LEFT - RIGHT
  const plotH = HEIGHT - TOP - BOTTOM
  const x = (i: number) => LEFT + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1))
  const y = (score: number) => TOP + plotH - scoreLength(score, plotH)
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')
  const summary = points.map((p) => `version ${p.number}: ${p.score} (${p.verdictLabel})`).join('; ')
  return (
    <figure>
      <svg
        className="history-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Score over time, out of 100: ${summary}`}
      >
        {SCORE_TICKS.map((tick) => (
          <g key={tick}>
            <line className="grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        <line className="axis" x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + plotH} />
        <path className="line" d={path} />
        {points.map((p, i) => (
          <g key={p.number}>
            <circle cx={x(i)} cy={y(p.score)} r={4} fill="#1d3f8a" />
            <text x={x(i)} y={y(p.score) - 8} textAnchor="middle">
              {p.score}
            </text>
            <text x={x(i)} y={HEIGHT - BOTTOM + 16} textAnchor="middle">
              {`v${p.number} · ${p.createdAt.slice(0, 10)}`}
            </text>
            <text x={x(i)} y={HEIGHT - BOTTOM + 30} textAnchor="middle">
              {p.verdictLabel}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="muted">Score out of 100 for each assessment version, oldest first.</figcaption>
    </figure>
  )
}
