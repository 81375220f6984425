import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { getQuestionnaire } from '#questionnaires/index.ts'
import type { Verdict } from '../assessment/engine.ts'
import type { InvitationStatus } from '../invitations/invitation.ts'
import type { QuestionnaireDefinition } from '../questionnaire/definition.ts'
import { answeredShare } from '../questionnaire/progress.ts'
import { isVerdict } from '../vocabulary/verdict.ts'
import { expiringCertificates, statusNote } from './dashboard.ts'
import { type DashboardParams, PAGE_SIZE } from './dashboard-params.ts'
import {
  countVendorsByVerdict,
  listAnswersOf,
  listDashboardExportRows,
  listDashboardPageIds,
  listDashboardRows,
} from './queries.server.ts'

type Scope = { organisationId: string; engagementId: string }

export type VerdictCounts = Record<Verdict | 'unassessed', number>

/** One row of the dashboard, as the page shows it. */
export type DashboardVendor = Awaited<ReturnType<typeof loadDashboardPage>>['vendors'][number]

/**
 * One page of the engagement dashboard: the vendors matching the filters, sorted and paginated in
 * SQL, with the total, the counts by verdict (of the filtered set), the certificates expiring within
 * 90 days (of the page's vendors only: one query) and the answered share of unfinished vendors.
 * A page past the end shows the last page (and says so in `pageClamped`).
 */
export async function loadDashboardPage(
  db: Kysely<Database>,
  {
    scope,
    params,
    now = new Date(),
    progress,
    counts: known,
  }: {
    scope: Scope
    params: DashboardParams
    now?: Date
    /**
     * What an unfinished vendor's progress is computed from, asked for only when the page has one
     * (it parses the engagement's profile); omitted, progress is not computed.
     */
    progress?: () => { questionnaire: QuestionnaireDefinition; regimes: readonly string[]; profile: unknown }
    /** The counts of these filters, when the caller already has them (they ignore sort and page). */
    counts?: VerdictCounts
  },
) {
  const nowText = now.toISOString()
  const counts = known ?? (await countDashboardVendors(db, { scope, params, now }))
  const total = counts.approve + counts['approve-with-conditions'] + counts.reject + counts.unassessed
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const page = Math.min(params.page, pageCount)
  const offset = (page - 1) * PAGE_SIZE
  const ids = await listDashboardPageIds(db, scope, params, { now: nowText, limit: PAGE_SIZE, offset, total })
  const position = new Map(ids.map((id, i) => [id, i]))
  const rows = (await listDashboardRows(db, scope, ids, nowText)).sort(
    (a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0),
  )
  const unfinished = rows.filter((row) => row.status !== 'submitted' && row.responseId).map((row) => row.id)
  const answers = progress ? await listAnswersOf(db, scope, unfinished) : new Map<string, Record<string, unknown>>()
  const progressOf = unfinished.length > 0 ? progress?.() : undefined
  const asOf = nowText.slice(0, 10)
  const vendors = rows.map((row) => {
    const status = row.status as InvitationStatus
    let percent = status === 'submitted' ? 100 : 0
    const vendorAnswers = answers.get(row.id)
    if (progressOf && vendorAnswers && status !== 'submitted') {
      // Counted against the version the response was opened with, as the vendor's own pages count.
      const { questionnaire } = progressOf
      const own =
        row.questionnaireVersion && row.questionnaireVersion !== questionnaire.version
          ? (getQuestionnaire(questionnaire.id, row.questionnaireVersion) ?? questionnaire)
          : questionnaire
      percent = answeredShare(own, { ...progressOf, answers: vendorAnswers }).percent
    }
    // Only what the page shows: the loader's data is serialised into every page for hydration.
    return {
      id: row.id,
      vendorCompany: row.vendorCompany,
      vendorCountry: row.vendorCountry,
      contactName: row.contactName,
      contactEmail: row.contactEmail,
      status,
      statusNote: statusNote(row),
      lastEmailStatus: row.lastEmailStatus,
      percent,
      score: row.score,
      verdict: row.verdict,
      locationClass: row.locationClass,
      model: row.model,
      blockerCount: row.blockerCount,
      conditionCount: row.conditionCount,
      decision: row.decision,
      expiring: expiringCertificates(parsedJson(row.certificationsJson), asOf),
      // What the risk policy made of the current assessment; none for a vendor not judged yet.
      appetite: row.buyerAction === null ? undefined : { residualRisk: row.residualRisk, action: row.buyerAction },
    }
  })
  return { vendors, counts, total, page, pageCount, offset, pageClamped: page !== params.page }
}

/** How many vendors match the filters, by verdict (sort and page do not matter). */
export async function countDashboardVendors(
  db: Kysely<Database>,
  { scope, params, now = new Date() }: { scope: Scope; params: DashboardParams; now?: Date },
): Promise<VerdictCounts> {
  return countsByVerdict(await countVendorsByVerdict(db, scope, params, now.toISOString()))
}

/** Every matching vendor, in the dashboard's order, for the CSV. */
export async function listDashboardExport(
  db: Kysely<Database>,
  { scope, params, now = new Date() }: { scope: Scope; params: DashboardParams; now?: Date },
) {
  const nowText = now.toISOString()
  const rows = await listDashboardExportRows(db, scope, params, nowText)
  const asOf = nowText.slice(0, 10)
  return rows.map(({ certificationsJson, ...row }) => ({
    ...row,
    status: row.status as InvitationStatus,
    expiring: expiringCertificates(parsedJson(certificationsJson), asOf),
  }))
}

/** A stored answer's value (answers are stored as JSON text), or undefined without one. */
function parsedJson(text: string | null): unknown {
  return text === null ? undefined : JSON.parse(text)
}

function countsByVerdict(rows: ReadonlyArray<{ verdict: string | null; count: number | string | bigint }>) {
  const counts: VerdictCounts = { approve: 0, 'approve-with-conditions': 0, reject: 0, unassessed: 0 }
  for (const row of rows) {
    const key = isVerdict(row.verdict) ? row.verdict : 'unassessed'
    counts[key] += Number(row.count)
  }
  return counts
}
