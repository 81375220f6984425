import { Link } from '@remix-run/react'
import type { ChangeEvent } from 'react'
import type { DashboardVendor } from '#app/dashboard/dashboard.server.ts'
import { EXPIRING_WITHIN_DAYS } from '#app/dashboard/dashboard.ts'
import {
  type DashboardParams,
  DECISION_LABELS,
  type DecisionFilter,
  VERDICT_LABELS,
  type Verdict,
} from '#app/dashboard/dashboard-params.ts'
import { SortHeader } from '#app/dashboard/dashboard-view.tsx'
import { type InvitationStatus, STATUS_LABELS } from '#app/invitations/invitation.ts'

/**
 * The engagement's vendors, one row each: every cell is text or a link, so the table reads the same
 * without JavaScript. A row's invitation (new link, extend, revoke, reopen) is managed on the
 * vendor's page, which each name links to.
 */
export function VendorsTable({
  base,
  params,
  vendors,
  selection,
  caption,
  onToggle,
}: {
  base: string
  params: DashboardParams
  vendors: readonly DashboardVendor[]
  selection: readonly string[]
  caption: string
  onToggle: (id: string) => (event: ChangeEvent<HTMLInputElement>) => void
}) {
  const header = { base, params, selected: selection }
  return (
    <div className="table-scroll">
      <table className="data dashboard">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Compare</span>
            </th>
            <SortHeader {...header} sortKey="vendor" />
            <SortHeader {...header} sortKey="status" />
            <SortHeader {...header} sortKey="score" />
            <SortHeader {...header} sortKey="verdict" />
            <SortHeader {...header} sortKey="location" />
            <SortHeader {...header} sortKey="model" />
            <SortHeader {...header} sortKey="blockers" />
            <SortHeader {...header} sortKey="conditions" />
            <th scope="col">{`Certificates ending within ${EXPIRING_WITHIN_DAYS} days`}</th>
            <SortHeader {...header} sortKey="decision" />
          </tr>
        </thead>
        <tbody>
          {vendors.map((v) => (
            <VendorRow
              key={v.id}
              vendor={v}
              href={`${base}/vendors/${v.id}`}
              checked={selection.includes(v.id)}
              onToggle={onToggle(v.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function VendorRow({
  vendor: v,
  href,
  checked,
  onToggle,
}: {
  vendor: DashboardVendor
  href: string
  checked: boolean
  onToggle: (event: ChangeEvent<HTMLInputElement>) => void
}) {
  return (
    <tr>
      <td>
        {v.score !== null ? (
          <input
            type="checkbox"
            name="v"
            value={v.id}
            form="compare-form"
            checked={checked}
            onChange={onToggle}
            aria-label={`Choose ${v.vendorCompany} for comparison`}
          />
        ) : null}
      </td>
      <th scope="row" className="vendor-cell">
        {/* discover="none": 50 links would each match the route table on render; the
            report's route is discovered when one is followed. */}
        <Link to={href} discover="none">
          {v.vendorCompany}
        </Link>{' '}
        <span className="muted">({v.vendorCountry})</span>
        <br />
        <span className="muted">
          {v.contactName} · {v.contactEmail}
        </span>
        {v.lastEmailStatus === 'failed' ? (
          <p className="field-error">
            Last email failed to send.{' '}
            <Link to={`${href}#invitation`} discover="none">
              Retry email
            </Link>
          </p>
        ) : null}
      </th>
      <td>
        <span className={`badge status-${v.status}`}>{STATUS_LABELS[v.status as InvitationStatus]}</span>
        <br />
        <span className="muted">{v.statusNote}</span>
        {v.status !== 'submitted' && v.percent > 0 ? (
          <>
            <br />
            <span className="muted">{`${v.percent}% answered`}</span>
          </>
        ) : null}
      </td>
      <td className="number">
        {v.score !== null ? (
          <>
            <strong>{v.score}</strong>/100
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        {v.verdict ? (
          <span className={`badge verdict-${v.verdict}`}>{VERDICT_LABELS[v.verdict as Verdict]}</span>
        ) : (
          <span className="muted">not assessed</span>
        )}
      </td>
      <td>{v.locationClass ?? <span className="muted">—</span>}</td>
      <td>
        {v.model ? <span className={`badge model-${v.model}`}>{v.model}</span> : <span className="muted">—</span>}
      </td>
      <td className="number">{v.blockerCount ?? <span className="muted">—</span>}</td>
      <td className="number">{v.conditionCount ?? <span className="muted">—</span>}</td>
      <td>
        {v.expiring.length > 0 ? (
          <ul className="plain-list">
            {v.expiring.map((c) => (
              <li key={`${c.type}-${c.validUntil}`}>{`${c.name}, ends ${c.validUntil}`}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
      <td>
        {v.decision ? (
          <span className={`badge decision-${v.decision}`}>{DECISION_LABELS[v.decision as DecisionFilter]}</span>
        ) : (
          <span className="muted">none yet</span>
        )}
      </td>
    </tr>
  )
}
