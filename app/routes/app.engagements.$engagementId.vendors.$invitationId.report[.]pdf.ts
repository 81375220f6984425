import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { downloadName } from '#app/reports/answers-csv.ts'
import { pdfResponse } from '#app/reports/pdf/pdf-response.server.ts'
import { loadVendorReport } from '#app/reports/reports.server.ts'

// The vendor report as a PDF, rendered in the worker pool. Another organisation's vendor is a 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const report = await loadVendorReport(getDb(), {
    organisationId: member.organisationId,
    engagementId: params.engagementId ?? '',
    invitationId: params.invitationId ?? '',
  })
  return pdfResponse({ kind: 'vendor-report', model: report }, downloadName(report.vendor.company, 'report.pdf'))
}
