import type { Kysely } from 'kysely'
import { LRUCache } from 'lru-cache'
import type { Database } from '#db/schema.ts'
import { countDashboardVendors, loadDashboardPage, type VerdictCounts } from './dashboard.server.ts'
import { DEFAULT_DIRECTION, DEFAULT_SORT, dashboardSearch } from './dashboard-params.ts'
import { engagementRevision, nextOpenLinkExpiry } from './queries.server.ts'

type DashboardPage = Awaited<ReturnType<typeof loadDashboardPage>>
type LoadArgs = Parameters<typeof loadDashboardPage>[1]

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
const pages = new LRUCache<string, { page: DashboardPage; valid: Validity }>({ max: 200 })
const counts = new LRUCache<string, { counts: VerdictCounts; valid: Validity }>({ max: 200 })

export { engagementRevision }

type Validity = { from: number; until: number }
/** Per engagement revision: from when until when its pages read the same (see `nextTimeChange`). */
const validity = new LRUCache<string, Validity>({ max: 500 })

const covers = (v: Validity | undefined, now: number) => v !== undefined && v.from <= now && now < v.until

/**
 * Until when pages of this revision read the same, computed once per revision (a miss costs one
 * indexed read, not one per view). The instant it was computed for is kept too, so an entry is
 * never used for an earlier time than it was worked out from.
 */
export async function validityOf(db: Kysely<Database>, engagementId: string, revision: number, now: Date) {
  const key = `${engagementId}|${revision}`
  const known = validity.get(key)
  if (known && covers(known, now.getTime())) return known
  const fresh = { from: now.getTime(), until: await nextTimeChange(db, engagementId, now) }
  validity.set(key, fresh)
  return fresh
}

/**
 * The first instant after `now` at which the page could read differently without any write: the
 * earliest future expiry of an invitation that is neither submitted nor revoked, or the next
 * midnight UTC.
 */
export async function nextTimeChange(db: Kysely<Database>, engagementId: string, now: Date): Promise<number> {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)
  const nextExpiry = await nextOpenLinkExpiry(db, { engagementId, after: now.toISOString() })
  return Math.min(midnight, nextExpiry ? Date.parse(nextExpiry) : Number.POSITIVE_INFINITY)
}

/**
 * `loadDashboardPage`, served from the cache while the engagement's revision and the time allow.
 * `revision` is the engagement's revision read earlier in the same request (the recommendation panel
 * is keyed by the same read); without it, it is read here.
 */
export async function cachedDashboardPage(
  db: Kysely<Database>,
  { revision: revisionRead, ...args }: LoadArgs & { revision?: Promise<number | undefined> },
): Promise<DashboardPage> {
  const now = args.now ?? new Date()
  const { scope } = args
  // Read before the page: a write landing in between makes the page newer than its key, never older.
  const revision = await (revisionRead ?? engagementRevision(db, scope.engagementId))
  if (revision === undefined) return loadDashboardPage(db, { ...args, now })
  const base = [scope.organisationId, scope.engagementId, revision].join('|')
  const key = `${base}|${args.progress ? 'progress' : 'no-progress'}|${dashboardSearch(args.params)}`
  const hit = pages.get(key)
  if (hit && covers(hit.valid, now.getTime())) return hit.page

  const valid = await validityOf(db, scope.engagementId, revision, now)
  const filters = dashboardSearch({
    ...args.params,
    sort: DEFAULT_SORT,
    dir: DEFAULT_DIRECTION[DEFAULT_SORT],
    page: 1,
  })
  const countsKey = `${base}|${filters}`
  let known = counts.get(countsKey)
  if (!known || !covers(known.valid, now.getTime())) {
    known = { counts: await countDashboardVendors(db, { scope, params: args.params, now }), valid }
    counts.set(countsKey, known)
  }
  const page = await loadDashboardPage(db, { ...args, now, counts: known.counts })
  pages.set(key, { page, valid })
  return page
}
