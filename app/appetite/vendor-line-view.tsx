import type { SuggestionView, VendorLine } from './vendor-line.ts'

/**
 * The vendor's one line on a page: what the law allows, the residual risk, what to do. Words carry
 * the meaning; the badges' colours repeat it (green only for "within appetite").
 */
export function VendorLineView({ line }: { line: VendorLine }) {
  return (
    <p className="vendor-line">
      <span>
        {'The law: '}
        <span className={`badge verdict-${line.verdict}`}>{line.verdictLabel}</span>
        {`, furthest allowed ${line.modelLabel.toLowerCase()}.`}
      </span>{' '}
      <span>
        {'Residual risk: '}
        <span className={`badge risk-${line.residualRisk ?? 'unknown'}`}>{line.riskLabel}</span>.
      </span>{' '}
      <span>
        {'What to do: '}
        <span className={`badge action-${line.action ?? 'unknown'}`}>{line.actionLabel}</span>
        {line.reason ? <span className="muted">{` ${line.reason}`}</span> : null}
      </span>
    </p>
  )
}

/** "What would change this": each set of changes, who makes it, what it achieves and clears. */
export function SuggestionList({ suggestions }: { suggestions: readonly SuggestionView[] }) {
  return (
    <ol className="suggestions">
      {suggestions.map((s) => (
        <li key={s.key} className={`suggestion by-${s.by}`}>
          <p className="suggestion-head">
            <strong>{`${s.who}: `}</strong>
            {s.outcomes.join('; ')}
          </p>
          <ul>
            {s.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          <p className="muted small">{`Effort: ${s.effortLabel}. Clears ${s.clears.join(', ')} (${s.citations.join('; ')}).`}</p>
        </li>
      ))}
    </ol>
  )
}
