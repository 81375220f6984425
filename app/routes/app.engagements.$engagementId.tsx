import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/require.server.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { getDb } from '#app/db.server.ts'
import { findEngagement } from '#app/engagements/queries.server.ts'
import { invariantResponse } from '#app/utils/http.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.engagement.name ?? 'Engagement'} · Shoreline` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const engagement = await findEngagement(getDb(), {
    organisationId: member.organisationId,
    engagementId: params.engagementId ?? '',
  })
  // Another organisation's engagement is indistinguishable from one that does not exist.
  invariantResponse(engagement, 'Engagement not found', { status: 404 })
  return {
    engagement: {
      id: engagement.id,
      name: engagement.name,
      description: engagement.description,
      dueDate: engagement.due_date,
      status: engagement.status,
    },
  }
}

export default function EngagementLayout() {
  const { engagement } = useLoaderData<typeof loader>()
  const base = `/app/engagements/${engagement.id}`
  return (
    <>
      <p>
        <Link to="/app/engagements">← Engagements</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{engagement.name}</h1>
          <p>{engagement.description || 'No description.'}</p>
          <p className="muted">
            {engagement.dueDate ? `Answers due ${engagement.dueDate}` : 'No due date'}{' '}
            {engagement.dueDate && engagement.dueDate < new Date().toISOString().slice(0, 10) ? (
              <span className="badge status-expired">Overdue</span>
            ) : null}
          </p>
        </div>
        {engagement.status === 'archived' ? <span className="badge">Archived</span> : null}
      </div>
      <nav className="tabs" aria-label="Engagement">
        <NavLink to={base} end>
          Vendors
        </NavLink>
        <NavLink to={`${base}/profile`}>Profile and settings</NavLink>
        <NavLink to={`${base}/review`}>Review and risk</NavLink>
        <NavLink to={`${base}/audit`}>Audit log</NavLink>
      </nav>
      <Outlet />
    </>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: () => (
          <>
            <h1>Engagement not found</h1>
            <p>It does not exist, or it belongs to another organisation.</p>
            <p>
              <Link to="/app/engagements">See your engagements</Link>
            </p>
          </>
        ),
      }}
    />
  )
}
