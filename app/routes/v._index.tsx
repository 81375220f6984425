import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PublicPage } from '#app/components/public-page.tsx'
import { getDb } from '#app/db.server.ts'
import { getVendorInvitation } from '#app/vendor/queries.server.ts'
import { VendorLinkProblem } from '#app/vendor/vendor-link-problem.tsx'
import { readVendorAccess } from '#app/vendor/vendor-session.server.ts'

export const meta: MetaFunction = () => [
  { title: 'Vendor questionnaire · Shoreline' },
  { name: 'robots', content: 'noindex' },
]

// Referrer-Policy: no-referrer is set for every /v page by the server (app/server/http.server.ts).
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
  const access = await readVendorAccess(request)
  if (!access.ok) return data({ problem: access.reason, invitation: null }, { status: 401 })
  const invitation = await getVendorInvitation(getDb(), { invitationId: access.invitationId })
  return { problem: null, invitation }
}

export default function VendorHome() {
  const { problem, invitation } = useLoaderData<typeof loader>()
  if (problem || !invitation) return <VendorLinkProblem problem={problem ?? 'no-session'} />
  return (
    <PublicPage>
      <div className="panel">
        <p className="muted">
          {invitation.buyerName} invites {invitation.vendorCompany}
        </p>
        <h1>{invitation.engagementName}</h1>
        {invitation.engagementDescription ? <p>{invitation.engagementDescription}</p> : null}
        <p>
          {invitation.buyerName} asks where its data would be stored, how it would be handled and destroyed, and which
          certifications you hold.{invitation.dueDate ? ` Please answer by ${invitation.dueDate}.` : ''}
        </p>
        <p className="muted">Your link is valid until {invitation.expiresAt.slice(0, 10)}.</p>
      </div>
    </PublicPage>
  )
}
