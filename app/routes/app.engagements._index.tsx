import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { listEngagements } from '#app/engagements/queries.server.ts'

export const meta: MetaFunction = () => [{ title: 'Engagements · Shoreline' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const engagements = await listEngagements(getDb(), { organisationId: member.organisationId })
  return { engagements }
}

export default function Engagements() {
  const { engagements } = useLoaderData<typeof loader>()
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Engagements</h1>
          <p>Each engagement is one outsourcing project: its regulatory profile and the vendors you invite to it.</p>
        </div>
        <Link className="button" to="/app/engagements/new">
          New engagement
        </Link>
      </div>
      {engagements.length === 0 ? (
        <section className="panel empty-state" aria-labelledby="no-engagements">
          <h2 id="no-engagements">No engagements yet</h2>
          <p>
            An engagement describes the work you want to outsource and the data it touches — say, medical coding of
            patient records, or document control for ITAR drawings. Shoreline then tells you which laws apply and how
            far the work may go, and you invite candidate vendors to answer its questionnaire.
          </p>
          <p>
            <Link className="button" to="/app/engagements/new">
              Create your first engagement
            </Link>
          </p>
        </section>
      ) : (
        <table className="data">
          <caption className="muted" style={{ textAlign: 'left', padding: '0.5rem 0' }}>
            {engagements.length} active engagement{engagements.length === 1 ? '' : 's'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
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
                <td>{engagement.dueDate ?? '—'}</td>
                <td>{engagement.createdAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
