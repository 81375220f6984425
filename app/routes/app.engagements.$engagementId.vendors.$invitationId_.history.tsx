import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/require.server.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { getDb } from '#app/db.server.ts'
import { modelLabel } from '#app/history/diff.ts'
import { loadVendorHistory } from '#app/history/history.server.ts'
import { ScoreHistoryChart } from '#app/history/score-history-chart.tsx'
import { findVendorForBuyer } from '#app/remediation/queries.server.ts'
import { vendorScope } from '#app/remediation/scope.server.ts'
import remediationCss from '#app/styles/remediation.css?url'
import { invariantResponse } from '#app/utils/http.ts'
import { FURTHEST_ALLOWED_LABEL } from '#app/vocabulary/location-class.ts'
import { VERDICT_LABELS } from '#app/vocabulary/verdict.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: remediationCss }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.company ?? 'Vendor'} · history · Shoreline` },
]

/** Every assessment version of a vendor, its score over time, and the diff of two versions (?from=&to=). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const scope = vendorScope(member, params)
  const vendor = await findVendorForBuyer(getDb(), scope)
  invariantResponse(vendor, 'Vendor not found', { status: 404 })
  const url = new URL(request.url)
  const history = await loadVendorHistory(getDb(), {
    scope,
    from: url.searchParams.get('from'),
    to: url.searchParams.get('to'),
  })
  return { company: vendor.company, engagementId: scope.engagementId, invitationId: scope.invitationId, ...history }
}

export default function VendorHistoryPage() {
  const { company, engagementId, invitationId, versions, diff } = useLoaderData<typeof loader>()
  const base = `/app/engagements/${engagementId}/vendors/${invitationId}`
  const fromId = diff ? versions[diff.from - 1]?.id : undefined
  const toId = diff ? versions[diff.to - 1]?.id : undefined
  return (
    <article aria-labelledby="history-title">
      <p>
        <Link to={base}>← {company}’s report</Link>
      </p>
      <h2 id="history-title">{`${company}: assessment history`}</h2>
      {versions.length === 0 ? <p className="muted">This vendor has not been assessed yet.</p> : null}
      {versions.length > 0 ? (
        <ScoreHistoryChart
          points={versions.map((v) => ({
            number: v.number,
            score: v.score,
            verdictLabel: v.verdictLabel,
            createdAt: v.createdAt,
          }))}
        />
      ) : null}
      {versions.length > 0 ? (
        <table className="data">
          <caption>Every assessment version, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Assessed</th>
              <th scope="col">As of</th>
              <th scope="col">Score</th>
              <th scope="col">Verdict</th>
              <th scope="col">Model</th>
              <th scope="col">Rules</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">{`v${v.number}${v.isCurrent ? ' (current)' : ''}`}</th>
                <td>{v.createdAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{v.asOf}</td>
                <td>{v.score}</td>
                <td>
                  <span className={`badge verdict-${v.verdict}`}>{v.verdictLabel}</span>
                </td>
                <td>{v.model}</td>
                <td>{`${v.rulesVersion} · questionnaire v${v.questionnaireVersion}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {versions.length >= 2 ? (
        <Form method="get" className="actions-row">
          <div className="field">
            <label htmlFor="diff-from">Compare version</label>
            <select id="diff-from" name="from" defaultValue={fromId}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>{`v${v.number}`}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="diff-to">with version</label>
            <select id="diff-to" name="to" defaultValue={toId}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>{`v${v.number}`}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            Show the changes
          </button>
        </Form>
      ) : null}
      {diff ? (
        <section aria-labelledby="diff-heading" className="panel">
          <h3 id="diff-heading">{`What changed from v${diff.from} to v${diff.to}`}</h3>
          <ul>
            <li>
              {diff.verdict.changed
                ? `Verdict: ${VERDICT_LABELS[diff.verdict.before]} → ${VERDICT_LABELS[diff.verdict.after]}`
                : `Verdict unchanged: ${VERDICT_LABELS[diff.verdict.after]}`}
            </li>
            <li>{`Score: ${diff.score.before} → ${diff.score.after}`}</li>
            <li>
              {diff.residualRisk.changed
                ? `Residual risk: ${diff.residualRisk.before ?? '—'} → ${diff.residualRisk.after ?? '—'}`
                : `Residual risk unchanged: ${diff.residualRisk.after ?? '—'}`}
            </li>
            <li>
              {diff.model.changed
                ? `${FURTHEST_ALLOWED_LABEL}: ${modelLabel(diff.model.before)} → ${modelLabel(diff.model.after)}`
                : `${FURTHEST_ALLOWED_LABEL} unchanged: ${modelLabel(diff.model.after)}`}
            </li>
            {diff.rules.changed ? <li>{`Rules release: ${diff.rules.before} → ${diff.rules.after}`}</li> : null}
          </ul>
          <h4>{`Findings resolved (${diff.findingsResolved.length})`}</h4>
          <ul className="diff-list">
            {diff.findingsResolved.map((f) => (
              <li key={f.ruleId} className="resolved">{`Resolved: ${f.message} (${f.citation})`}</li>
            ))}
          </ul>
          <h4>{`Findings added (${diff.findingsAdded.length})`}</h4>
          <ul className="diff-list">
            {diff.findingsAdded.map((f) => (
              <li key={f.ruleId} className="added">{`Added (${f.severity}): ${f.message} (${f.citation})`}</li>
            ))}
          </ul>
          <h4>Answers changed</h4>
          {diff.answers === null ? (
            <p className="muted">One of these versions was assessed before answers were kept with it.</p>
          ) : diff.answers.length === 0 ? (
            <p className="muted">No answer changed.</p>
          ) : (
            <table className="data">
              <caption className="visually-hidden">Answers that differ between the two versions</caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">{`v${diff.from}`}</th>
                  <th scope="col">{`v${diff.to}`}</th>
                </tr>
              </thead>
              <tbody>
                {diff.answers.map((a) => (
                  <tr key={a.questionId}>
                    <th scope="row">{a.prompt}</th>
                    <td>{a.before}</td>
                    <td>{a.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : versions.length === 1 ? (
        <p className="muted">One version so far: a diff needs two.</p>
      ) : null}
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
