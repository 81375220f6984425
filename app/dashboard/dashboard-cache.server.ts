import type { Kysely } from 'kysely'
import { LRUCache } from 'lru-cache'
import type { Database } from '#db/schema.ts'
import { countDashboardVendors, loadDashboardPage, type VerdictCounts } from './dashboard.server.ts'
import { DEFAULT_DIRECTION, DEFAULT_SORT, dashboardSearch } from './dashboard-params.ts'

type DashboardPage = Awaited<ReturnType<typeof loadDashboardPage>>
type LoadArgs = Omit<Parameters<typeof loadDashboardPage>[1], 'progress'> & {
  /** What progress is computed from; called only when the page is not cached. */
  progress?: () => NonNullable<Parameters<typeof loadDashboardPage>[1]['progress']>
}

/**
 * The dashboard's pages, kept per process and keyed by the engagement's revision, which triggers
 * move forward in the same transaction as every write to what the page shows (migration
 * 2026-11-30T0100). A page is therefore never older than the last committed write, in this process
 * or any other. What changes with time alone is bounded too: an entry is good until the next link
 * expiry among the engagement's open invitations (a vendor turns "expired") and until midnight UTC
 * (certificates "ending within 90 days" are counted by date), whichever comes first.
 *
 * The counts by verdict depend on the filters only, so they are kept apart and a new sort or page
 * of the same filters does not count the 2,000 vendors again.
 *
 * About 30 KB per page entry (50 vendors); 200 entries of each.
 */
const pages = new LRUCache<string, { page: DashboardPage; validUntil: number }>({ max: 200 })
const counts = new LRUCache<string, { counts: VerdictCounts; validUntil: number }>({ max: 200 })

export async function engagementRevision(db: Kysely<Database>, engagementId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('engagement_revision')
    .select('revision')
    .where('engagement_id', '=', engagementId)
    .executeTakeFirst()
  return row?.revision
}

/**
 * The first instant after `now` at which the page could read differently without any write: the
 * earliest future expiry of an invitation that is neither submitted nor revoked, or the next
 * midnight UTC.
 */
export async function nextTimeChange(db: Kysely<Database>, engagementId: string, now: Date): Promise<number> {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)
  const row = await db
    .selectFrom('invitation')
    .select((eb) => eb.fn.min('expires_at').as('nextExpiry'))
    .where('engagement_id', '=', engagementId)
    .where('status', 'not in', ['submitted', 'revoked'])
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst()
  const nextExpiry = row?.nextExpiry ? Date.parse(String(row.nextExpiry)) : Number.POSITIVE_INFINITY
  return Math.min(midnight, nextExpiry)
}

/** `loadDashboardPage`, served from the cache while the engagement's revision and the time allow. */
export async function cachedDashboardPage(db: Kysely<Database>, args: LoadArgs): Promise<DashboardPage> {
  const now = args.now ?? new Date()
  const { scope } = args
  // Read before the page: a write landing in between makes the page newer than its key, never older.
  const revision = await engagementRevision(db, scope.engagementId)
  if (revision === undefined) return loadDashboardPage(db, { ...args, now, progress: args.progress?.() })
  const base = [scope.organisationId, scope.engagementId, revision].join('|')
  const key = `${base}|${args.progress ? 'progress' : 'no-progress'}|${dashboardSearch(args.params)}`
  const hit = pages.get(key)
  if (hit && now.getTime() < hit.validUntil) return hit.page

  const validUntil = await nextTimeChange(db, scope.engagementId, now)
  const filters = dashboardSearch({
    ...args.params,
    sort: DEFAULT_SORT,
    dir: DEFAULT_DIRECTION[DEFAULT_SORT],
    page: 1,
  })
  const countsKey = `${base}|${filters}`
  let known = counts.get(countsKey)
  if (!known || now.getTime() >= known.validUntil) {
    known = { counts: await countDashboardVendors(db, { scope, params: args.params, now }), validUntil }
    counts.set(countsKey, known)
  }
  const page = await loadDashboardPage(db, { ...args, now, counts: known.counts, progress: args.progress?.() })
  pages.set(key, { page, validUntil })
  return page
}
