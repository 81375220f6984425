import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#app/db.server.ts'
import { useMessages } from '#app/i18n/use-messages.tsx'
import { vendorRequestList } from '#app/remediation/vendor-requests.server.ts'
import { loadVendorContext } from '#app/vendor-portal/vendor-context.server.ts'
import { VendorLinkProblem } from '#app/vendor-portal/vendor-link-problem.tsx'
import { VendorPage } from '#app/vendor-portal/vendor-page.tsx'

export const meta: MetaFunction = () => [
  { title: 'Requested changes · Shoreline' },
  { name: 'robots', content: 'noindex' },
]
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

/** The vendor's requests (its session's invitation only), open ones first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const context = await loadVendorContext(request)
  if (context.problem) return data({ problem: context.problem, page: null }, { status: 401 })
  return {
    problem: null,
    page: { buyerName: context.invitation.buyerName, requests: await vendorRequestList(getDb(), context) },
  }
}

export default function VendorRequests() {
  const { problem, page } = useLoaderData<typeof loader>()
  const t = useMessages()
  if (problem || !page) return <VendorLinkProblem problem={problem ?? 'no-session'} />
  const r = t.requests
  return (
    <VendorPage>
      <div className="panel">
        <h1>{r.title}</h1>
        <p>{r.listIntro(page.buyerName)}</p>
        {page.requests.length === 0 ? <p className="muted">{r.none}</p> : null}
        <ul className="section-list">
          {page.requests.map((request) => (
            <li key={request.id}>
              <Link to={`/v/requests/${request.id}`}>
                {`${request.createdAt.slice(0, 10)} · ${request.status === 'open' ? r.open : r.closed}`}
              </Link>{' '}
              <span className="muted">
                {request.status === 'open' ? `${r.openItems(request.waiting)} · ${r.dueOn(request.dueOn)}` : ''}
              </span>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/v">{r.backToHome}</Link>
        </p>
      </div>
    </VendorPage>
  )
}
