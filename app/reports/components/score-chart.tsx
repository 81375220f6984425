import { scoreLength } from '../../components/score-scale.ts'

/**
 * Section scores as a hand-written SVG bar chart. Every bar carries its number and label as text,
 * so colour is never the only carrier of meaning; the whole chart is one image with a text summary.
 */

const PALETTE = ['#0d3b66', '#c2410c', '#15803d', '#7c3aed', '#0e7490', '#a16207']

export function SectionScoreChart({
  sections,
  title,
}: {
  sections: { title: string; score: number }[]
  title: string
}) {
  const labelWidth = 190
  const barMax = 360
  const rowHeight = 26
  const width = labelWidth + barMax + 50
  const height = sections.length * rowHeight + 8
  const summary = sections.map((s) => `${s.title} ${s.score}`).join(', ')
  return (
    <svg
      className="score-chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={`${title}: ${summary}`}
    >
      {sections.map((s, i) => {
        const y = i * rowHeight + 4
        const w = scoreLength(s.score, barMax)
        return (
          <g key={s.title}>
            <text x={0} y={y + 15} fontSize="13" fill="currentColor">
              {s.title}
            </text>
            <rect x={labelWidth} y={y + 3} width={barMax} height={16} fill="#eef2f5" rx={2} />
            <rect x={labelWidth} y={y + 3} width={w} height={16} fill={PALETTE[0]} rx={2} />
            <text x={labelWidth + barMax + 8} y={y + 16} fontSize="13" fontWeight="600" fill="currentColor">
              {s.score}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** Several vendors' section scores: per section one bar per vendor, numbered like the table columns. */
export function ComparisonScoreChart({
  sections,
  vendors,
}: {
  sections: { id: string; title: string }[]
  vendors: { company: string; sectionScores: Record<string, number> }[]
}) {
  const labelWidth = 190
  const barMax = 340
  const barHeight = 12
  const groupHeight = vendors.length * (barHeight + 3) + 14
  const width = labelWidth + barMax + 60
  const height = sections.length * groupHeight + 4
  const summary = sections
    .map(
      (s) =>
        `${s.title}: ${vendors.map((v, i) => `${i + 1} ${v.company} ${v.sectionScores[s.id] ?? 'not assessed'}`).join(', ')}`,
    )
    .join('; ')
  return (
    <figure className="chart">
      <svg
        className="score-chart"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
        role="img"
        aria-label={`Section scores by vendor. ${summary}`}
      >
        {sections.map((s, si) => {
          const top = si * groupHeight + 4
          return (
            <g key={s.id}>
              <text x={0} y={top + 14} fontSize="13" fill="currentColor">
                {s.title}
              </text>
              {vendors.map((v, vi) => {
                const score = v.sectionScores[s.id]
                const y = top + vi * (barHeight + 3)
                const w = scoreLength(score, barMax)
                return (
                  <g key={v.company}>
                    <text x={labelWidth - 16} y={y + barHeight - 2} fontSize="10" fill="currentColor">
                      {vi + 1}
                    </text>
                    <rect x={labelWidth} y={y} width={barMax} height={barHeight} fill="#eef2f5" />
                    <rect x={labelWidth} y={y} width={w} height={barHeight} fill={PALETTE[vi % PALETTE.length]} />
                    <text x={labelWidth + barMax + 6} y={y + barHeight - 2} fontSize="11" fill="currentColor">
                      {score === undefined ? '—' : score}
                    </text>
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
      <figcaption>
        <ol className="chart-legend">
          {vendors.map((v, i) => (
            <li key={v.company}>
              <span className="legend-number">{`${i + 1}.`}</span>{' '}
              <span className="swatch" style={{ background: PALETTE[i % PALETTE.length] }} aria-hidden="true" />
              {v.company}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  )
}
