import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { evidenceDownload, findEvidenceForBuyer } from '#app/evidence/evidence.server.ts'

// A buyer downloads evidence of its own organisation's vendors; anything else is a 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const row = await findEvidenceForBuyer(getDb(), {
    organisationId: member.organisationId,
    evidenceId: params.evidenceId ?? '',
  })
  if (!row) throw new Response('Not found', { status: 404 })
  return evidenceDownload(row)
}
