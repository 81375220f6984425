import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '#app/auth/require.server.ts'
import { todayIso } from '#app/engagements/engagement.ts'
import { outlookForFormValues } from '#app/engagements/outlook-values.server.ts'

/**
 * The outlook of a profile as the buyer edits it: GET /app/outlook?profile=<the form's profile
 * values as JSON>. The profile pages ask it on each change, so the engine and its packs run on the
 * server and stay out of the browser's bundle. A profile that is not complete yet (no home country)
 * answers `{ outlook: null }`, as the page shows nothing then; text that is not JSON is a 400.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'engagement:write')
  const raw = new URL(request.url).searchParams.get('profile')
  let values: unknown = null
  if (raw !== null) {
    try {
      values = JSON.parse(raw)
    } catch {
      return new Response('profile must be the form’s values as JSON', {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      })
    }
  }
  return Response.json(
    { outlook: outlookForFormValues(values, todayIso()) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}
