import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#app/db.server.ts'
import { evidenceDownload, findEvidenceForVendor } from '#app/evidence/evidence.server.ts'
import { readVendorAccess } from '#app/vendor-portal/vendor-session.server.ts'

// A vendor downloads its own evidence; anything else is a 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await readVendorAccess(request.headers.get('Cookie'))
  if (!access.ok) throw new Response('Open the link from your invitation email first.', { status: 401 })
  const row = await findEvidenceForVendor(getDb(), {
    invitationId: access.invitationId,
    evidenceId: params.evidenceId ?? '',
  })
  if (!row) throw new Response('Not found', { status: 404 })
  return evidenceDownload(row)
}
