import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { answersCsv, downloadName } from '#app/reports/answers-csv.ts'
import { loadVendorReport } from '#app/reports/reports.server.ts'
import { csvResponse } from '#app/utils/csv.ts'

// A vendor's answers in English, one row per question. Another organisation's vendor is a 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const report = await loadVendorReport(getDb(), {
    organisationId: member.organisationId,
    engagementId: params.engagementId ?? '',
    invitationId: params.invitationId ?? '',
  })
  return csvResponse(answersCsv(report), downloadName(report.vendor.company, 'answers.csv'))
}
