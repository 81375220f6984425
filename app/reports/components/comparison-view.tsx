import type { ReactNode } from 'react'
import { RecommendationPanel } from '../../appetite/recommendation-panel.tsx'
import { SuggestionList } from '../../appetite/vendor-line-view.tsx'
import { NO_DECISION_LABEL } from '../../decisions/decision.ts'
import { FURTHEST_ALLOWED_LABEL } from '../../vocabulary/location-class.ts'
import type { Comparison, ComparisonVendor, KeyFacts } from '../comparison-model.ts'
import { ComparisonScoreChart } from './score-chart.tsx'

const KEY_FACT_ROWS: { key: Exclude<keyof KeyFacts, 'certifications'>; label: string }[] = [
  { key: 'storageCountries', label: 'Storage countries' },
  { key: 'backupCountries', label: 'Backup countries' },
  { key: 'personnelCountries', label: 'Personnel countries' },
  { key: 'subprocessorCountries', label: 'Subprocessor countries' },
  { key: 'encryptionAtRest', label: 'Encryption at rest' },
  { key: 'encryptionInTransit', label: 'Encryption in transit' },
  { key: 'keyCustody', label: 'Key custody' },
  { key: 'destruction', label: 'Destruction method' },
]

/** The comparison page: the same content as the comparison PDF (comparison-document.tsx). */
export function ComparisonView({ comparison, actions }: { comparison: Comparison; actions: ReactNode }) {
  const vendors = comparison.vendors
  const base = `/app/engagements/${comparison.engagement.id}/vendors`
  const header = (
    <tr>
      <td />
      {vendors.map((v, i) => (
        <th key={v.invitationId} scope="col">
          <a href={`${base}/${v.invitationId}`}>{`${i + 1}. ${v.company}`}</a>
        </th>
      ))}
    </tr>
  )
  const row = (label: string, cell: (v: ComparisonVendor) => ReactNode) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      {vendors.map((v) => (
        <td key={v.invitationId}>{cell(v)}</td>
      ))}
    </tr>
  )
  return (
    <article className="report" aria-labelledby="compare-title">
      <header className="report-header">
        <p className="muted">Comparison</p>
        <h2 id="compare-title">{`${vendors.length} vendors side by side`}</h2>
        <p className="muted">{comparison.profile.line}</p>
        {actions}
      </header>

      <RecommendationPanel recommendation={comparison.recommendation} reportHref={(id) => `${base}/${id}`} />

      <section aria-labelledby="compare-headline" className="compare-table">
        <h3 id="compare-headline">Headline</h3>
        <table className="data">
          <caption>Verdict, score, location and decision of each vendor</caption>
          <thead>{header}</thead>
          <tbody>
            {row('Country', (v) => v.country)}
            {row('Verdict', (v) =>
              v.verdict ? <span className={`badge verdict-${v.verdict}`}>{v.verdictLabel}</span> : v.verdictLabel,
            )}
            {row('Score', (v) => (v.score === undefined ? '—' : `${v.score}/100`))}
            {row('Location class', (v) => v.locationLabel)}
            {row(FURTHEST_ALLOWED_LABEL, (v) => v.modelLabel)}
            {row('Residual risk', (v) =>
              v.risk ? (
                <span className={`badge risk-${v.risk.line.residualRisk ?? 'unknown'}`}>{v.risk.line.riskLabel}</span>
              ) : (
                '—'
              ),
            )}
            {row('What to do', (v) =>
              v.risk ? (
                <>
                  <span className={`badge action-${v.risk.line.action ?? 'unknown'}`}>{v.risk.line.actionLabel}</span>
                  <br />
                  <span className="muted small">{v.risk.line.reason}</span>
                </>
              ) : (
                '—'
              ),
            )}
            {row('Decision', (v) =>
              v.decisionLabel
                ? `${v.decisionLabel}${v.decisionComment ? `: ${v.decisionComment}` : ''}`
                : NO_DECISION_LABEL,
            )}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="compare-sections">
        <h3 id="compare-sections">Section scores</h3>
        {comparison.sections.length ? (
          <ComparisonScoreChart sections={comparison.sections} vendors={vendors} />
        ) : (
          <p className="muted">No chosen vendor has been assessed yet.</p>
        )}
        <div className="compare-table">
          <table className="data">
            <caption>Section scores out of 100</caption>
            <thead>{header}</thead>
            <tbody>
              {comparison.sections.map((s) =>
                row(s.title, (v) => (v.sectionScores[s.id] === undefined ? '—' : String(v.sectionScores[s.id]))),
              )}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-regimes" className="compare-table">
        <h3 id="compare-regimes">Regimes</h3>
        <table className="data">
          <caption>Status of each regime per vendor</caption>
          <thead>{header}</thead>
          <tbody>
            {comparison.regimes.map((r) =>
              row(r.name, (v) => {
                const status = v.regimeStatuses[r.id]
                return status ? <span className={`badge regime-${status.status}`}>{status.label}</span> : '—'
              }),
            )}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="compare-blockers" className="compare-table">
        <h3 id="compare-blockers">Blockers and conditions</h3>
        <table className="data">
          <caption>What stops each vendor, and what must be done before data may go to it</caption>
          <thead>{header}</thead>
          <tbody>
            {row('Blockers', (v) =>
              v.blockers.length ? (
                <ul>
                  {v.blockers.map((b) => (
                    <li key={b.ruleId}>
                      <strong>{`Blocker (${b.regimeName}):`}</strong> {b.message}{' '}
                      <span className="citation">{b.citation}</span>
                      {b.acceptance ? <p className="acceptance-note">{b.acceptance}</p> : null}
                    </li>
                  ))}
                </ul>
              ) : v.assessed ? (
                'None'
              ) : (
                '—'
              ),
            )}
            {row('Conditions', (v) =>
              v.conditions.length ? (
                <ul>
                  {v.conditions.map((c) => (
                    <li key={c.id}>
                      <strong>{`${c.kindLabel} (${c.regimeName}):`}</strong> {c.text}{' '}
                      <span className="citation">{c.citation}</span>
                    </li>
                  ))}
                </ul>
              ) : v.assessed ? (
                'None'
              ) : (
                '—'
              ),
            )}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="compare-unlock" className="compare-table">
        <h3 id="compare-unlock">What would change this</h3>
        <table className="data">
          <caption>The smallest verified sets of changes for each vendor, cheapest first</caption>
          <thead>{header}</thead>
          <tbody>
            {row('Suggestions', (v) =>
              !v.risk ? (
                '—'
              ) : !v.risk.suggestions ? (
                'Not computed for this assessment yet.'
              ) : v.risk.suggestions.length === 0 ? (
                'Nothing to change, or no three changes would do it.'
              ) : (
                <SuggestionList suggestions={v.risk.suggestions} />
              ),
            )}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="compare-facts" className="compare-table">
        <h3 id="compare-facts">Key facts</h3>
        <table className="data">
          <caption>Where the data goes, how it is protected and destroyed, and the certificates held</caption>
          <thead>{header}</thead>
          <tbody>
            {KEY_FACT_ROWS.map((fact) => row(fact.label, (v) => v.keyFacts[fact.key]))}
            {row('Certifications', (v) =>
              v.keyFacts.certifications.length ? (
                <ul>
                  {v.keyFacts.certifications.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : (
                'None'
              ),
            )}
          </tbody>
        </table>
      </section>

      <footer className="report-footer muted">
        {`Produced ${comparison.generatedOn} from the stored assessments (${comparison.versions.join('; ') || 'none assessed'}).`}
      </footer>
    </article>
  )
}
