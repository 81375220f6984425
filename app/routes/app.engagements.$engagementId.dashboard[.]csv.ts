import type { LoaderFunctionArgs } from '@remix-run/node'
import { recordExport } from '#app/audit/audit-log.server.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { listDashboardExport } from '#app/dashboard/dashboard.server.ts'
import { dashboardCsv } from '#app/dashboard/dashboard-csv.ts'
import { parseDashboardParams } from '#app/dashboard/dashboard-params.ts'
import { getDb } from '#app/db.server.ts'
import { findEngagement } from '#app/engagements/queries.server.ts'
import { csvResponse } from '#app/utils/csv.ts'

// The dashboard as CSV: same filters and sort as the page, every page. A resource route, so errors
// are plain-text Responses (single fetch's data() would lose the status here).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const db = getDb()
  const scope = { organisationId: member.organisationId, engagementId: params.engagementId ?? '' }
  const engagement = await findEngagement(db, scope)
  if (!engagement) throw new Response('Engagement not found', { status: 404, headers: plainText })
  // Unlike the page (which shows what it ignored), a download must be exactly what was asked for.
  const { params: query, problems } = parseDashboardParams(new URL(request.url).searchParams)
  if (problems.length > 0) throw new Response(problems.join('\n'), { status: 400, headers: plainText })
  const now = new Date()
  const vendors = await listDashboardExport(db, { scope, params: query, now })
  const file = `${engagement.name}-vendors-${now.toISOString().slice(0, 10)}.csv`
  await recordExport(db, { ...scope, userId: member.userId, kind: 'dashboard-csv', file })
  return csvResponse(dashboardCsv(vendors), file)
}

const plainText = { 'Content-Type': 'text/plain; charset=utf-8' }
