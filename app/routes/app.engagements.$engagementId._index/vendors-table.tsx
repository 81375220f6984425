import { Link } from '@remix-run/react'
import type { ChangeEvent } from 'react'
import { BUYER_ACTION_LABELS } from '#app/appetite/policy.ts'
import { EXPIRING_WITHIN_DAYS } from '#app/dashboard/dashboard.ts'
import { type DashboardParams, DECISION_FILTER_LABELS } from '#app/dashboard/dashboard-params.ts'
import type { DashboardRow } from '#app/dashboard/dashboard-row.ts'
import { SortHeader } from '#app/dashboard/dashboard-view.tsx'
import type { LocationClass } from '#app/geography/location-class.ts'
import { STATUS_LABELS } from '#app/invitations/invitation.ts'
import { locationLabel } from '#app/vocabulary/location-class.ts'
import { RESIDUAL_RISK_LABELS } from '#app/vocabulary/residual-risk.ts'
import { VERDICT_LABELS } from '#app/vocabulary/verdict.ts'

/**
 * The engagement's vendors, one row each: every cell is text or a link, so the table reads the same
 * without JavaScript. A row's invitation (new link, extend, revoke, reopen) is managed on the
 * vendor's page, which each name links to.
 *
 * The 50 rows are the costliest markup of the app, rendered on every first look at a view: each row
 * is plain elements (no component, closure or context of its own; the boxes share one handler that
 * reads the vendor from the box), and a cell holds only its text unless the text needs more (a list
 * for two certificates or more, one certificate is its line).
 */
export function VendorsTable({
  base,
  params,
  vendors,
  selection,
  caption,
  onToggle,
  changed = [],
  homeCountry,
}: {
  /** The buyer's home country: a vendor in one of its territories is said to be domestic in law. */
  homeCountry: string
  base: string
  params: DashboardParams
  vendors: readonly DashboardRow[]
  selection: readonly string[]
  caption: string
  /** One handler for every box: the box's value is its vendor's id. */
  onToggle: (event: ChangeEvent<HTMLInputElement>) => void
  /** Vendors with a new assessment or a reply to a request since this member's last visit. */
  changed?: readonly string[]
}) {
  const header = { base, params, selected: selection }
  const ticked = new Set(selection)
  const marked = new Set(changed)
  return (
    <div className="table-scroll">
      <table className="data dashboard">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th>
              {/* A short id: every row's box is named by it and the vendor ("Compare Acme"). */}
              <span className="visually-hidden" id="cmp">
                Compare
              </span>
            </th>
            <SortHeader {...header} sortKey="vendor" />
            <SortHeader {...header} sortKey="status" />
            <SortHeader {...header} sortKey="score" />
            <SortHeader {...header} sortKey="verdict" />
            <SortHeader {...header} sortKey="location" />
            <SortHeader {...header} sortKey="model" />
            <SortHeader {...header} sortKey="blockers" />
            <SortHeader {...header} sortKey="conditions" />
            <th>{`Certificates expired or ending within ${EXPIRING_WITHIN_DAYS} days`}</th>
            <SortHeader {...header} sortKey="decision" />
            <th>Risk · what to do</th>
          </tr>
        </thead>
        <tbody>
          {vendors.map((v, index) => {
            // The name link's id: the row's box is named by the column's header and it.
            const nameId = `n${index}`
            const href = `${base}/vendors/${v.id}`
            return (
              <tr key={v.id}>
                <td>
                  {v.score !== null ? (
                    <input
                      type="checkbox"
                      name="v"
                      value={v.id}
                      checked={ticked.has(v.id)}
                      onChange={onToggle}
                      aria-labelledby={`cmp ${nameId}`}
                    />
                  ) : null}
                </td>
                <th scope="row">
                  {/* discover="none": 50 links would each match the route table on render; the
                      report's route is discovered when one is followed. */}
                  <Link to={href} discover="none" id={nameId}>
                    {v.vendorCompany}
                  </Link>
                  {` (${v.vendorCountry})`}
                  {marked.has(v.id) ? <span className="changed-mark">Changed since your last visit</span> : null}
                  {v.emailFailed ? (
                    <p className="field-error">
                      {'Last email failed to send. '}
                      <Link to={`${href}#invitation`} discover="none">
                        Retry email
                      </Link>
                    </p>
                  ) : null}
                </th>
                <td>
                  {/* A badge for the states that want attention; "Submitted" is the one most rows reach. */}
                  {v.status === 'submitted' ? (
                    'Submitted'
                  ) : (
                    <span className={`badge status-${v.status}`}>{STATUS_LABELS[v.status]}</span>
                  )}
                  <br />
                  {v.statusNote}
                </td>
                <td>{v.score}</td>
                <td>
                  {v.verdict ? (
                    <span className={`badge verdict-${v.verdict}`}>{VERDICT_LABELS[v.verdict]}</span>
                  ) : (
                    'not assessed'
                  )}
                </td>
                <td>
                  {v.locationClass
                    ? locationLabel(v.locationClass as LocationClass, homeCountry, [v.vendorCountry])
                    : null}
                </td>
                <td>{v.model ? locationLabel(v.model as LocationClass, homeCountry, []) : null}</td>
                <td>{v.blockerCount}</td>
                <td>{v.conditionCount}</td>
                <td>
                  {v.expiring.length > 1 ? (
                    <ul>
                      {v.expiring.map((text) => (
                        <li key={text}>{text}</li>
                      ))}
                    </ul>
                  ) : (
                    v.expiring[0]
                  )}
                </td>
                <td>
                  {v.decision ? (
                    <span className={`badge decision-${v.decision}`}>{DECISION_FILTER_LABELS[v.decision]}</span>
                  ) : null}
                </td>
                <td>
                  {/* The law's verdict and model have their columns; this is what the engagement's
                      appetite makes of them (last, so dashboard.css's columns keep their places). */}
                  {v.action ? (
                    <>
                      <span className={`badge action-${v.action}`}>{BUYER_ACTION_LABELS[v.action]}</span>
                      <br />
                      {`${v.residualRisk ? RESIDUAL_RISK_LABELS[v.residualRisk] : '—'} risk`}
                    </>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
