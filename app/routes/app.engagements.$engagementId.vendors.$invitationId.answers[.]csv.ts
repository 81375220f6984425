import type { LoaderFunctionArgs } from '@remix-run/node'
import { recordExport } from '#app/audit/audit-log.server.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { answersCsv, downloadName } from '#app/reports/answers-csv.ts'
import { loadVendorReport } from '#app/reports/reports.server.ts'
import { csvResponse } from '#app/utils/csv.ts'

// A vendor's answers in English, one row per question. Another organisation's vendor is a 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const scope = { organisationId: member.organisationId, engagementId: params.engagementId ?? '' }
  const report = await loadVendorReport(getDb(), { ...scope, invitationId: params.invitationId ?? '' })
  const file = downloadName(report.vendor.company, 'answers.csv')
  await recordExport(getDb(), {
    ...scope,
    userId: member.userId,
    kind: 'answers-csv',
    invitationIds: [params.invitationId ?? ''],
    file,
  })
  return csvResponse(answersCsv(report), file)
}
