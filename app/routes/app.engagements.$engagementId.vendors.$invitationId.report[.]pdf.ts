import type { LoaderFunctionArgs } from '@remix-run/node'
import { recordExport } from '#app/audit/audit-log.server.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { downloadName } from '#app/reports/answers-csv.ts'
import { pdfResponse } from '#app/reports/pdf/pdf-response.server.ts'
import { loadVendorReport } from '#app/reports/reports.server.ts'

// The vendor report as a PDF, rendered in the worker pool. Another organisation's vendor is a 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const scope = { organisationId: member.organisationId, engagementId: params.engagementId ?? '' }
  const report = await loadVendorReport(getDb(), { ...scope, invitationId: params.invitationId ?? '' })
  const file = downloadName(report.vendor.company, 'report.pdf')
  const response = await pdfResponse({ kind: 'vendor-report', model: report }, file)
  // Logged once the file is made (a PDF that timed out was not downloaded).
  if (response.ok) {
    await recordExport(getDb(), {
      ...scope,
      userId: member.userId,
      kind: 'report-pdf',
      invitationIds: [params.invitationId ?? ''],
      file,
    })
  }
  return response
}
