import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { can } from '#app/auth/auth.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { dueState, NO_VENDORS, vendorCountsByEngagement } from '#app/engagements/overview.ts'
import { countVendorsOfEngagements, listEngagements } from '#app/engagements/queries.server.ts'

export const meta: MetaFunction = () => [{ title: 'Engagements · Shoreline' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const db = getDb()
  const now = new Date()
  const [rows, countRows] = await Promise.all([
    listEngagements(db, { organisationId: member.organisationId }),
    countVendorsOfEngagements(db, { organisationId: member.organisationId, now: now.toISOString() }),
  ])
  const counts = vendorCountsByEngagement(countRows)
  const engagements = rows.map((engagement) => ({
    ...engagement,
    due: dueState(engagement.dueDate, now),
    vendors: counts.get(engagement.id) ?? NO_VENDORS,
  }))
  // An auditor opens no engagement (README decision 80): no "New engagement" for them.
  return { engagements, canCreate: can(member.role, 'engagement:write') }
}

export default function Engagements() {
  const { engagements, canCreate } = useLoaderData<typeof loader>()
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Engagements</h1>
          <p>Each engagement is one outsourcing project: its regulatory profile and the vendors you invite to it.</p>
        </div>
        {canCreate ? (
          <Link className="button" to="/app/engagements/new">
            New engagement
          </Link>
        ) : null}
      </div>
      {engagements.length === 0 ? (
        <section className="panel empty-state" aria-labelledby="no-engagements">
          <h2 id="no-engagements">No engagements yet</h2>
          <p>
            An engagement describes the work you want to outsource and the data it touches — say, medical coding of
            patient records, or document control for ITAR drawings. Shoreline then tells you which laws apply and how
            far the work may go, and you invite candidate vendors to answer its questionnaire.
          </p>
          {canCreate ? (
            <p>
              <Link className="button" to="/app/engagements/new">
                Create your first engagement
              </Link>
            </p>
          ) : null}
        </section>
      ) : (
        <table className="data">
          <caption className="muted" style={{ textAlign: 'left', padding: '0.5rem 0' }}>
            {engagements.length} active engagement{engagements.length === 1 ? '' : 's'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Vendors by status</th>
              <th scope="col">Vendors by verdict</th>
              <th scope="col">Due</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {engagements.map((engagement) => (
              <tr key={engagement.id}>
                <td>
                  <Link to={`/app/engagements/${engagement.id}`}>{engagement.name}</Link>
                </td>
                <td>
                  {engagement.vendors.total === 0 ? (
                    <span className="muted">No vendors invited</span>
                  ) : (
                    <ul className="count-list" aria-label={`${engagement.name}: vendors by status`}>
                      <li>
                        <strong>{engagement.vendors.total}</strong> vendor{engagement.vendors.total === 1 ? '' : 's'}
                      </li>
                      {engagement.vendors.byStatus.map((entry) => (
                        <li key={entry.status}>
                          {entry.label}: {entry.count}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {engagement.vendors.total === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="count-list" aria-label={`${engagement.name}: vendors by verdict`}>
                      {engagement.vendors.byVerdict.map((entry) => (
                        <li key={entry.verdict}>
                          {entry.label}: {entry.count}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <span className={`due-state due-${engagement.due.kind}`}>{engagement.due.label}</span>
                  {engagement.dueDate ? <div className="muted">{engagement.dueDate}</div> : null}
                </td>
                <td>{engagement.createdAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
