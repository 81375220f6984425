import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireMember } from '#app/auth/require.server.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { parseSelection, withSelection } from '#app/dashboard/dashboard-params.ts'
import { getDb } from '#app/db.server.ts'
import { parseCompareSelection } from '#app/reports/comparison-model.ts'
import { ComparisonView } from '#app/reports/components/comparison-view.tsx'
import { loadComparison } from '#app/reports/reports.server.ts'
import reportsCss from '#app/styles/reports.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportsCss }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && 'comparison' in data ? 'Comparison' : 'Compare vendors'} · Shoreline` },
]

// The selection lives in the URL (?v=<invitationId>&v=…), so a comparison can be shared as a link.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const engagementId = params.engagementId ?? ''
  const searchParams = new URL(request.url).searchParams
  const selection = parseCompareSelection(searchParams)
  // "Back to the vendors" keeps them ticked, to add or remove one.
  const back = `/app/engagements/${engagementId}${withSelection('', parseSelection(searchParams))}`
  if (!selection.ok) return data({ engagementId, back, message: selection.message }, { status: 400 })
  // A vendor id that is not this engagement's is a 404 (thrown), whether or not it exists elsewhere.
  const comparison = await loadComparison(getDb(), {
    organisationId: member.organisationId,
    engagementId,
    invitationIds: selection.ids,
  })
  return { engagementId, back, comparison }
}

export default function ComparePage() {
  const loaded = useLoaderData<typeof loader>()
  const dashboard = `/app/engagements/${loaded.engagementId}`
  if (!('comparison' in loaded)) {
    return (
      <section className="message-page" aria-labelledby="compare-heading">
        <h2 id="compare-heading">Compare vendors</h2>
        <p className="form-error" role="alert">
          {loaded.message}
        </p>
        <p>Pick two to six vendors on the dashboard and choose “Compare”.</p>
        <p>
          <Link to={loaded.back}>Back to the vendors</Link>
        </p>
      </section>
    )
  }
  const query = loaded.comparison.vendors.map((v) => `v=${encodeURIComponent(v.invitationId)}`).join('&')
  return (
    <ComparisonView
      comparison={loaded.comparison}
      actions={
        <p className="report-actions no-print">
          <a className="button" href={`${dashboard}/compare.pdf?${query}`} download>
            Download PDF
          </a>{' '}
          <Link to={loaded.back}>Back to the vendors</Link>
        </p>
      }
    />
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: () => (
          <>
            <h2>Vendor not found</h2>
            <p>At least one chosen vendor does not belong to this engagement or organisation.</p>
          </>
        ),
      }}
    />
  )
}
