import type { ReactNode } from 'react'
import { SuggestionList, VendorLineView } from '../../appetite/vendor-line-view.tsx'
import type { ReportFinding, VendorReport } from '../report-model.ts'
import { SectionScoreChart } from './score-chart.tsx'

/**
 * The vendor report page: the same content, in the same order, as the PDF (vendor-report-document.tsx).
 * Printable (print.css hides the forms and buttons) and readable without colour.
 */
export function VendorReportView({
  report,
  actions,
  decisionForm,
}: {
  report: VendorReport
  actions: ReactNode
  decisionForm: ReactNode
}) {
  const a = report.assessment
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-header">
        <p className="muted">Vendor report</p>
        <h2 id="report-title">{report.vendor.company}</h2>
        <p className="muted">{`${report.vendor.countryName} · ${report.vendor.contactName} <${report.vendor.contactEmail}>`}</p>
        {actions}
      </header>

      <section aria-labelledby="headline-heading" className="panel">
        <h3 id="headline-heading">Headline</h3>
        {a ? (
          <>
            <p className="headline">
              <span className={`badge verdict-${a.verdict}`}>{`Verdict: ${a.verdictLabel}`}</span>{' '}
              <strong>{`Score ${a.score}/100`}</strong>
            </p>
            <VendorLineView line={a.risk.line} />
            <p>{`This vendor is ${a.locationLabel.charAt(0).toLowerCase()}${a.locationLabel.slice(1)} (data reaches: ${a.countriesReached.join(', ') || 'no country named'}). Furthest model the law allows for this engagement with this vendor: ${a.modelLabel.toLowerCase()}.`}</p>
            <h4>Reasons</h4>
            <ul>
              {a.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <p className="muted">
              {`Applicable regimes: ${a.applicableRegimes.join(', ') || 'none'}. Findings: ${a.severityCounts.blocker} blocker, ${a.severityCounts.high} high, ${a.severityCounts.medium} medium, ${a.severityCounts.low} low, ${a.severityCounts.info} info. Conditions: ${a.conditions.length}.`}
            </p>
            {a.verdictChange ? (
              <div className="notice" role="note" aria-labelledby="verdict-change-heading">
                <h4 id="verdict-change-heading">The verdict changed with a new rules release</h4>
                <p>{a.verdictChange.text}</p>
                <ul>
                  {a.verdictChange.reasons.map((reason) => (
                    <li key={reason.ruleId}>{reason.text}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {a.notAsked ? (
              <div className="notice" role="note" aria-labelledby="not-asked-heading">
                <h4 id="not-asked-heading">Not asked in this questionnaire version</h4>
                <p>{a.notAsked.text}</p>
                <ul>
                  {a.notAsked.questions.map((question) => (
                    <li key={question.id}>
                      {question.prompt} <span className="muted">{`(${question.id})`}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : (
          <div className="empty-state">
            <p>{report.notAssessed}</p>
            <p className="muted">{`${report.answeredCount} answers stored so far; they are listed below.`}</p>
          </div>
        )}
      </section>

      {a ? (
        <section aria-labelledby="unlock-heading">
          <h3 id="unlock-heading">What would change this</h3>
          <WhatWouldChange risk={a.risk} />
        </section>
      ) : null}

      <section aria-labelledby="decision-heading">
        <h3 id="decision-heading">Decision</h3>
        {report.decision ? (
          <p>
            <span className={`badge decision-${report.decision.decision}`}>{report.decision.label}</span>{' '}
            {report.decision.comment ? <q>{report.decision.comment}</q> : null}{' '}
            <span className="muted">{`by ${report.decision.decidedBy ?? 'a former user'} on ${report.decision.decidedAt.slice(0, 10)}`}</span>
          </p>
        ) : (
          <p className="muted">No decision recorded yet.</p>
        )}
        {decisionForm}
        {report.decisionHistory.length > 1 ? (
          <details>
            <summary>{`Decision history (${report.decisionHistory.length})`}</summary>
            <table className="data">
              <caption className="visually-hidden">Every decision on this vendor, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Decision</th>
                  <th scope="col">Comment</th>
                  <th scope="col">By</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {report.decisionHistory.map((d) => (
                  <tr key={d.id}>
                    <td>{d.label}</td>
                    <td>{d.comment || '—'}</td>
                    <td>{d.decidedBy ?? 'a former user'}</td>
                    <td>{d.decidedAt.slice(0, 16).replace('T', ' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </section>

      {a ? (
        <>
          <section aria-labelledby="sections-heading">
            <h3 id="sections-heading">Section scores</h3>
            <SectionScoreChart sections={a.sections} title="Section scores out of 100" />
          </section>

          <section aria-labelledby="regimes-heading">
            <h3 id="regimes-heading">Regimes</h3>
            <table className="data">
              <caption>Status of each applicable regime</caption>
              <thead>
                <tr>
                  <th scope="col">Regime</th>
                  <th scope="col">Status</th>
                  <th scope="col">Findings</th>
                  <th scope="col">Conditions</th>
                </tr>
              </thead>
              <tbody>
                {a.regimes.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>
                      <span className={`badge regime-${r.status}`}>{r.statusLabel}</span>
                    </td>
                    <td>{r.findings.length}</td>
                    <td>{r.conditions.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="findings-heading">
            <h3 id="findings-heading">Findings by regime</h3>
            {a.findings.length === 0 ? <p className="muted">No rule fired: there are no findings.</p> : null}
            {a.regimes
              .filter((r) => r.findings.length > 0)
              .map((r) => (
                <section key={r.id} aria-labelledby={`regime-${r.id}`}>
                  <h4 id={`regime-${r.id}`}>{`${r.name} — ${r.statusLabel}`}</h4>
                  <ol className="findings">
                    {r.findings.map((f) => (
                      <FindingItem key={f.ruleId} finding={f} />
                    ))}
                  </ol>
                </section>
              ))}
          </section>

          <RemediationOutcomes report={report} />

          <section aria-labelledby="conditions-heading">
            <h3 id="conditions-heading">Conditions to fulfil</h3>
            {a.conditions.length === 0 ? (
              <p className="muted">None: no transfer mechanism or government approval is needed.</p>
            ) : (
              <table className="data">
                <caption>Transfer mechanisms and approvals needed before data may go to this vendor</caption>
                <thead>
                  <tr>
                    <th scope="col">Regime</th>
                    <th scope="col">Kind</th>
                    <th scope="col">What to do</th>
                    <th scope="col">Citation</th>
                  </tr>
                </thead>
                <tbody>
                  {a.conditions.map((c) => (
                    <tr key={c.id}>
                      <td>{c.regimeName}</td>
                      <td>{c.kindLabel}</td>
                      <td>
                        {c.text}
                        {c.remediation ? <p className="muted">{c.remediation}</p> : null}
                      </td>
                      <td className="citation">{c.citation}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby="certificates-heading">
            <h3 id="certificates-heading">Certification register</h3>
            {a.certificates.length === 0 ? (
              <p className="muted">The vendor listed no certificates or audit reports.</p>
            ) : (
              <table className="data">
                <caption>{`Validity as of the assessment date (${a.asOf}) and as of today (${report.generatedOn})`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Certificate</th>
                    <th scope="col">Issued</th>
                    <th scope="col">Expires</th>
                    <th scope="col">{`At assessment (${a.asOf})`}</th>
                    <th scope="col">{`Today (${report.generatedOn})`}</th>
                    <th scope="col">File</th>
                  </tr>
                </thead>
                <tbody>
                  {a.certificates.map((c) => (
                    <tr key={`${c.type}-${c.issued}`}>
                      <th scope="row">{`${c.label}${c.edition ? ` (${c.edition})` : ''}`}</th>
                      <td>{c.issued}</td>
                      <td>{c.expires ?? '—'}</td>
                      <td>
                        <span className={`badge cert-${c.atAssessment.status}`}>{c.atAssessment.label}</span>
                      </td>
                      <td>
                        <span className={`badge cert-${c.today.status}`}>{c.today.label}</span>{' '}
                        <span className="muted">{c.today.reason}</span>
                      </td>
                      <td>{c.evidence ? <a href={`/app/evidence/${c.evidence.id}`}>{c.evidence.fileName}</a> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          {a.warnings.length ? (
            <section aria-labelledby="warnings-heading">
              <h3 id="warnings-heading">Warnings</h3>
              <ul>
                {a.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}

      <section aria-labelledby="answers-heading">
        <h3 id="answers-heading">Answers</h3>
        {report.answerSections.length === 0 ? <p className="muted">No answers yet.</p> : null}
        {report.answerSections.map((section) => (
          <table key={section.id} className="data answers">
            <caption>{section.title}</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Answer</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {section.answers.map((answer) => (
                <tr key={answer.questionId} id={`answer-${answer.questionId}`}>
                  <th scope="row">
                    {answer.prompt}
                    <br />
                    <span className="muted small">{answer.questionId}</span>
                  </th>
                  <td className={answer.answered ? undefined : 'muted'}>{answer.answer}</td>
                  <td>
                    {answer.evidence.length === 0
                      ? '—'
                      : answer.evidence.map((e) => (
                          <a key={e.id} className="evidence-link" href={`/app/evidence/${e.id}`}>
                            {e.fileName}
                          </a>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>

      <footer className="report-footer muted">
        {a
          ? `Assessed by Shoreline engine ${a.engineVersion} with rules ${a.rulesVersion} (questionnaire ${a.questionnaire.id} v${a.questionnaire.version}) as of ${a.asOf}. Report produced ${report.generatedOn}.`
          : `Report produced ${report.generatedOn}. No assessment yet.`}
      </footer>
    </article>
  )
}

/** Requested changes and what came of each item (the PDF shows the same). */
function RemediationOutcomes({ report }: { report: VendorReport }) {
  if (report.remediation.length === 0) return null
  return (
    <section aria-labelledby="remediation-heading">
      <h3 id="remediation-heading">Requested changes</h3>
      {report.remediation.map((request) => (
        <table key={request.id} className="data">
          <caption>{`Sent ${request.sentOn}, due ${request.dueOn} (${request.statusLabel})`}</caption>
          <thead>
            <tr>
              <th scope="col">Finding</th>
              <th scope="col">State</th>
              <th scope="col">Vendor’s reply</th>
            </tr>
          </thead>
          <tbody>
            {request.items.map((item) => (
              <tr key={item.ruleId}>
                <th scope="row">
                  {item.message} <span className="citation">{item.citation}</span>
                </th>
                <td>
                  <span className={`badge item-${item.state}`}>{item.stateLabel}</span>
                </td>
                <td>{item.reply}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  )
}

function FindingItem({ finding }: { finding: ReportFinding }) {
  return (
    <li className={`finding severity-${finding.severity}`}>
      <p className="finding-head">
        <span className={`badge severity-${finding.severity}`}>{finding.severityLabel}</span>{' '}
        {finding.notAskedLabel ? <span className="badge not-asked">{finding.notAskedLabel}</span> : null}{' '}
        <span className="citation">{finding.citation}</span>
      </p>
      <p>{finding.message}</p>
      {finding.triggeredBy.length ? (
        <dl className="triggered">
          {finding.triggeredBy.map((t) => (
            <div key={t.questionId}>
              <dt>{t.prompt}</dt>
              <dd>{t.answer}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p>
        <strong>Remediation:</strong> {finding.remediation}
      </p>
      {finding.acceptance ? (
        <p className="acceptance-note">
          <span className="badge accepted">Risk accepted</span> {finding.acceptance}
        </p>
      ) : null}
      <p className="muted small">{`Rule ${finding.ruleId}${finding.unverified ? ' (unverified: confirm with counsel)' : ''}`}</p>
    </li>
  )
}

function WhatWouldChange({ risk }: { risk: NonNullable<VendorReport['assessment']>['risk'] }) {
  if (!risk.suggestions)
    return <p className="muted">Not computed for this assessment yet: it was made before suggestions were stored.</p>
  if (risk.suggestions.length === 0) {
    return (
      <p className="muted">
        {risk.line.action === 'within-appetite' && risk.line.model === 'offshore'
          ? 'Nothing to change: the vendor is within appetite and the law allows offshore.'
          : 'No set of up to three changes that the regime packs offer would change this without setting off another rule.'}
      </p>
    )
  }
  return (
    <>
      <p className="muted">
        {`The smallest sets of changes, each verified by assessing the vendor again with them${risk.appetite ? ` (judged against appetite ${risk.appetite})` : ''}; the cheapest first.`}
      </p>
      <SuggestionList suggestions={risk.suggestions} />
    </>
  )
}
