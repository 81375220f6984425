import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BUYER_ACTION_LABELS, isBuyerAction } from '#app/appetite/policy.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { countryName, isCountryCode } from '#app/geography/countries.ts'
import { INVITATION_STATUSES, type InvitationStatus, STATUS_LABELS } from '#app/invitations/status.ts'
import dashboardStyles from '#app/styles/dashboard.css?url'
import { countVendors, listVendorsPage } from '#app/vendors/queries.server.ts'
import {
  parseVendorsParams,
  VENDOR_SORT_KEYS,
  VENDOR_SORT_LABELS,
  VENDORS_PAGE_SIZE,
  type VendorSortKey,
  vendorsSearch,
} from '#app/vendors/vendors-params.ts'
import { RESIDUAL_RISK_LABELS } from '#app/vocabulary/residual-risk.ts'
import { isVerdict, VERDICT_LABELS, VERDICTS } from '#app/vocabulary/verdict.ts'

export const meta: MetaFunction = () => [{ title: 'Vendors · Shoreline' }]

// The dashboard's filter bar, the same look on both lists.
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: dashboardStyles }]

/** Every vendor across the organisation's active engagements: searchable, filterable, sortable, 50 a page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const params = parseVendorsParams(new URL(request.url).searchParams)
  const db = getDb()
  const now = new Date().toISOString()
  const total = await countVendors(db, member.organisationId, params, now)
  const pages = Math.max(1, Math.ceil(total / VENDORS_PAGE_SIZE))
  const page = Math.min(params.page, pages)
  const rows = await listVendorsPage(db, member.organisationId, params, {
    now,
    limit: VENDORS_PAGE_SIZE,
    offset: (page - 1) * VENDORS_PAGE_SIZE,
  })
  const vendors = rows.map((row) => ({
    invitationId: row.invitationId,
    engagementId: row.engagementId,
    engagementName: row.engagementName,
    vendorCompany: row.vendorCompany,
    country: isCountryCode(row.country) ? countryName(row.country) : row.country,
    status: STATUS_LABELS[row.status as InvitationStatus] ?? row.status,
    verdict: isVerdict(row.verdict) ? VERDICT_LABELS[row.verdict] : null,
    risk: row.residualRisk ? RESIDUAL_RISK_LABELS[row.residualRisk] : null,
    action: isBuyerAction(row.buyerAction) ? BUYER_ACTION_LABELS[row.buyerAction] : null,
  }))
  return { params: { ...params, page }, vendors, total, pages }
}

export default function Vendors() {
  const { params, vendors, total, pages } = useLoaderData<typeof loader>()
  const filtered = Boolean(params.q || params.status || params.verdict)
  const first = total === 0 ? 0 : (params.page - 1) * VENDORS_PAGE_SIZE + 1
  const last = Math.min(total, params.page * VENDORS_PAGE_SIZE)
  const sortLink = (key: VendorSortKey) =>
    vendorsSearch(params, { sort: key, dir: params.sort === key && params.dir === 'asc' ? 'desc' : 'asc', page: 1 })
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Vendors</h1>
          <p>Every vendor invited to your active engagements, with where it stands and what its assessment says.</p>
        </div>
      </div>
      <Form method="get" className="dashboard-filters panel" aria-label="Find vendors" key={vendorsSearch(params)}>
        <div className="filter-field wide">
          <label htmlFor="vendors-q">Vendor or engagement</label>
          <input id="vendors-q" name="q" type="search" defaultValue={params.q} />
        </div>
        <div className="filter-field">
          <label htmlFor="vendors-status">Status</label>
          <select id="vendors-status" name="status" defaultValue={params.status ?? ''}>
            <option value="">Any status</option>
            {INVITATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-field">
          <label htmlFor="vendors-verdict">Verdict</label>
          <select id="vendors-verdict" name="verdict" defaultValue={params.verdict ?? ''}>
            <option value="">Any verdict</option>
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICT_LABELS[verdict]}
              </option>
            ))}
            <option value="none">Not assessed</option>
          </select>
        </div>
        {params.sort !== 'vendor' ? <input type="hidden" name="sort" value={params.sort} /> : null}
        {params.dir !== 'asc' ? <input type="hidden" name="dir" value={params.dir} /> : null}
        <div className="filter-buttons">
          <button type="submit" className="primary">
            Show vendors
          </button>
          {filtered ? <Link to="/app/vendors">Clear filters</Link> : null}
        </div>
      </Form>
      {total === 0 ? (
        <section className="panel empty-state" aria-labelledby="no-vendors">
          <h2 id="no-vendors">{filtered ? 'No vendor matches' : 'No vendors yet'}</h2>
          <p>
            {filtered ? (
              'Try another search or clear the filters.'
            ) : (
              <>
                Invite vendors from an engagement's page: <Link to="/app/engagements">your engagements</Link>.
              </>
            )}
          </p>
        </section>
      ) : (
        <>
          <table className="data">
            <caption className="muted" style={{ textAlign: 'left', padding: '0.5rem 0' }}>
              {`Vendors ${first}–${last} of ${total}, sorted by ${VENDOR_SORT_LABELS[params.sort].toLowerCase()} (${params.dir === 'asc' ? 'ascending' : 'descending'})`}
            </caption>
            <thead>
              <tr>
                {VENDOR_SORT_KEYS.map((key) => (
                  <th
                    key={key}
                    scope="col"
                    aria-sort={params.sort === key ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <Link to={sortLink(key)}>
                      {VENDOR_SORT_LABELS[key]}
                      {params.sort === key ? (params.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </Link>
                  </th>
                ))}
                <th scope="col">Residual risk and appetite</th>
                <th scope="col">Report</th>
              </tr>
            </thead>
            <tbody>
              {vendors.map((vendor) => (
                <tr key={vendor.invitationId}>
                  <td>{vendor.vendorCompany}</td>
                  <td>
                    <Link to={`/app/engagements/${vendor.engagementId}`}>{vendor.engagementName}</Link>
                  </td>
                  <td>{vendor.country}</td>
                  <td>{vendor.status}</td>
                  <td>{vendor.verdict ?? <span className="muted">Not assessed</span>}</td>
                  <td>
                    {vendor.verdict ? (
                      `Residual risk: ${vendor.risk ?? 'not stored'}. ${vendor.action ?? 'Not judged yet'}.`
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    <Link
                      to={`/app/engagements/${vendor.engagementId}/vendors/${vendor.invitationId}`}
                      aria-label={`Report on ${vendor.vendorCompany} (${vendor.engagementName})`}
                    >
                      Report
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 ? (
            <nav className="pagination" aria-label="Pages of vendors">
              {params.page > 1 ? (
                <Link to={vendorsSearch(params, { page: params.page - 1 })}>Previous page</Link>
              ) : null}
              <span>{` Page ${params.page} of ${pages} `}</span>
              {params.page < pages ? (
                <Link to={vendorsSearch(params, { page: params.page + 1 })}>Next page</Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  )
}
