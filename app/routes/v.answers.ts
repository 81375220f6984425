import type { ActionFunctionArgs } from '@remix-run/node'
import { autosaveAnswer } from '#app/vendor-portal/autosave.server.ts'

/**
 * Autosave (see app/vendor-portal/autosave.server.ts). A resource route, so it answers with plain
 * Responses (single fetch's data() keeps no status here). The production server answers this
 * path itself with the same function; this route serves `npm run dev` and any other host.
 */
export async function action({ request }: ActionFunctionArgs) {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return Response.json({ error: 'The request body must be JSON.' }, { status: 400 })
  }
  const reply = await autosaveAnswer(request.headers.get('Cookie'), body)
  return Response.json(reply.body, { status: reply.status })
}

export async function loader() {
  throw new Response('Not found', { status: 404 })
}
