import type { LoaderFunctionArgs } from '@remix-run/node'
import { recordExport } from '#app/audit/audit-log.server.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { downloadName } from '#app/reports/answers-csv.ts'
import { parseCompareSelection } from '#app/reports/comparison-model.ts'
import { pdfResponse } from '#app/reports/pdf/pdf-response.server.ts'
import { loadComparison } from '#app/reports/reports.server.ts'

const badRequest = (message: string) =>
  new Response(message, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

// The comparison as a PDF (landscape), for the vendors in ?v=…&v=…; 2 to 6 of this engagement's.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const selection = parseCompareSelection(new URL(request.url).searchParams)
  if (!selection.ok) return badRequest(selection.message)
  // A vendor id that is not this engagement's is a 404 (thrown), whether or not it exists elsewhere.
  const comparison = await loadComparison(getDb(), {
    organisationId: member.organisationId,
    engagementId: params.engagementId ?? '',
    invitationIds: selection.ids,
  })
  const file = downloadName(comparison.engagement.name, 'comparison.pdf')
  const response = await pdfResponse({ kind: 'comparison', model: comparison }, file)
  if (response.ok) {
    await recordExport(getDb(), {
      organisationId: member.organisationId,
      engagementId: params.engagementId ?? '',
      userId: member.userId,
      kind: 'comparison-pdf',
      invitationIds: selection.ids,
      file,
    })
  }
  return response
}
