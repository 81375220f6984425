import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseAuditFilter } from '#app/audit/audit-filter.ts'
import { readEngagementAuditLog, recordExport } from '#app/audit/audit-log.server.ts'
import { AUDIT_CSV_HEADER, auditCsvRows } from '#app/audit/audit-log.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { getDb } from '#app/db.server.ts'
import { findEngagement } from '#app/engagements/queries.server.ts'
import { csvResponse, toCsv } from '#app/utils/csv.ts'

/** The most events one CSV holds (a year of a busy engagement). */
const AUDIT_CSV_LIMIT = 50_000
const plainText = { 'Content-Type': 'text/plain; charset=utf-8' }

// The audit log as CSV, with the page's filters (formula cells escaped by toCsv). The download is
// itself logged, after the rows are read, so it is not in its own file.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const db = getDb()
  const scope = { organisationId: member.organisationId, engagementId: params.engagementId ?? '' }
  const engagement = await findEngagement(db, scope)
  if (!engagement) throw new Response('Engagement not found', { status: 404, headers: plainText })
  const { filter, problems } = parseAuditFilter(new URL(request.url).searchParams)
  if (problems.length > 0) throw new Response(problems.join('\n'), { status: 400, headers: plainText })
  const { events } = await readEngagementAuditLog(db, scope, { filter, limit: AUDIT_CSV_LIMIT })
  const file = `${engagement.name}-audit-log-${new Date().toISOString().slice(0, 10)}.csv`
  await recordExport(db, { ...scope, userId: member.userId, kind: 'audit-csv', file })
  return csvResponse(toCsv(AUDIT_CSV_HEADER, auditCsvRows(events)), file)
}
