import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getDb } from '#app/db.server.ts'
import { isLinkLookupBlocked, recordBadLinkLookup } from '#app/vendor-portal/link-throttle.server.ts'
import { openVendorLink } from '#app/vendor-portal/vendor-link.server.ts'
import { VendorLinkProblem } from '#app/vendor-portal/vendor-link-problem.tsx'
import { startVendorSession } from '#app/vendor-portal/vendor-session.server.ts'

export const meta: MetaFunction = () => [
  { title: 'Vendor questionnaire · Shoreline' },
  { name: 'robots', content: 'noindex' },
]

// Referrer-Policy: no-referrer is set for every /v page by the server (app/server/http.server.ts).
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ params, context }: LoaderFunctionArgs) {
  const ip = context.clientIp ?? 'unknown'
  if (await isLinkLookupBlocked(ip)) {
    return data({ problem: 'throttled' as const }, { status: 429 })
  }
  const outcome = await openVendorLink(getDb(), { token: params.token ?? '' })
  if (outcome.kind === 'open') {
    // Move the vendor to a URL without the token, holding the invitation in an httpOnly cookie.
    throw redirect('/v', {
      headers: {
        'Set-Cookie': await startVendorSession(outcome.invitationId, outcome.generation, outcome.expiresAt),
        'Cache-Control': 'no-store',
      },
    })
  }
  if (outcome.kind === 'unknown') await recordBadLinkLookup(ip)
  return data({ problem: outcome.kind }, { status: outcome.kind === 'unknown' ? 404 : 410 })
}

export default function VendorLink() {
  const { problem } = useLoaderData<typeof loader>()
  return <VendorLinkProblem problem={problem} />
}
