import type { Kysely } from 'kysely'
import { LRUCache } from 'lru-cache'
import type { Database } from '#db/schema.ts'
import { type Assessment, REGIME_NAMES } from '../assessment/engine.ts'
import type { Ceiling } from '../assessment/unlock.ts'
import { engagementRevision, validityOf } from '../dashboard/dashboard-cache.server.ts'
import type { DashboardParams } from '../dashboard/dashboard-params.ts'
import { DEFAULT_DIRECTION, DEFAULT_SORT, dashboardSearch, SORT_LABELS } from '../dashboard/dashboard-params.ts'
import { LOCATION_CLASSES, type LocationClass } from '../geography/location-class.ts'
import type { RiskAppetite } from './policy.ts'
import {
  countPanelGroups,
  findAnyJudgementJson,
  listPanelCandidates,
  listPanelVendors,
  type PanelGroupCount,
} from './queries.server.ts'
import { buildRecommendation, conditionSummary, type PanelVendor, type Recommendation } from './recommendation.ts'
import { parseJudgement } from './vendor-line.ts'

type Scope = { organisationId: string; engagementId: string }

/** How many vendors each class shows, and how many come closest to qualifying. */
const PER_GROUP = 3

const emptyByClass = <T>(make: () => T) =>
  Object.fromEntries(LOCATION_CLASSES.map((c) => [c, make()])) as Record<LocationClass, T>

type PanelArgs = {
  scope: Scope
  params: DashboardParams
  now?: Date
  appetite: RiskAppetite
  considered: number
  /** The engagement's revision read earlier in the request (as the dashboard's page is keyed); read here without it. */
  revision?: Promise<number | undefined>
}

/**
 * The panel kept per process like the dashboard's pages (dashboard-cache.server.ts): keyed by the
 * engagement's revision, which moves with every assessment stored and every edit of the engagement
 * (its appetite too), by the filters and the sort (not the page), and good while the revision's
 * validity lasts (the next link expiry, midnight UTC). A few KB per entry.
 */
const panels = new LRUCache<string, { panel: Recommendation; until: number; from: number }>({ max: 200 })
/** The panel's group sizes, per filters (not sort): a new sort of the same filters does not count them again. */
const groups = new LRUCache<string, { groups: PanelGroupCount[]; until: number; from: number }>({ max: 200 })
/**
 * The profile's ceiling when no candidate of the filters carries it, per engagement revision (it
 * changes only with a stored judgement, which moves the revision; time does not change it). Read
 * afresh it orders every current assessment of the engagement: 45-58 ms at 20,000 vendors, paid by
 * every new sort of a filter without candidates (docs/PERFORMANCE.md).
 */
const ceilings = new LRUCache<string, { ceiling: Ceiling | undefined }>({ max: 200 })

export async function cachedDashboardRecommendation(db: Kysely<Database>, args: PanelArgs): Promise<Recommendation> {
  const now = args.now ?? new Date()
  const { scope, params } = args
  // Read before the panel: a write landing in between makes the entry newer than its key, never older.
  const revision = await (args.revision ?? engagementRevision(db, scope.engagementId))
  if (revision === undefined) return loadDashboardRecommendation(db, { ...args, now })
  const key = [
    scope.organisationId,
    scope.engagementId,
    revision,
    args.appetite,
    args.considered,
    dashboardSearch({ ...params, page: 1 }),
  ].join('|')
  const hit = panels.get(key)
  if (hit && hit.from <= now.getTime() && now.getTime() < hit.until) return hit.panel
  const valid = await validityOf(db, scope.engagementId, revision, now)
  const groupsKey = [scope.organisationId, scope.engagementId, revision, dashboardSearch(filtersOf(params))].join('|')
  let known = groups.get(groupsKey)
  if (!known || !(known.from <= now.getTime() && now.getTime() < known.until)) {
    known = { groups: await countPanelGroups(db, scope, { params, now: now.toISOString() }), ...valid }
    groups.set(groupsKey, known)
  }
  const ceilingKey = [scope.organisationId, scope.engagementId, revision].join('|')
  const panel = await loadDashboardRecommendation(db, {
    ...args,
    now,
    groups: known.groups,
    anyCeiling: async () => {
      const kept = ceilings.get(ceilingKey)
      if (kept) return kept.ceiling
      const ceiling = await findAnyCeiling(db, scope)
      ceilings.set(ceilingKey, { ceiling })
      return ceiling
    },
  })
  panels.set(key, { panel, ...valid })
  return panel
}

/** The filters alone: the sort and page set to the defaults. */
function filtersOf(params: DashboardParams): DashboardParams {
  return { ...params, sort: DEFAULT_SORT, dir: DEFAULT_DIRECTION[DEFAULT_SORT], page: 1 }
}

/**
 * Per location class, the most changes a vendor outside appetite may need and still be among the
 * class's first few (fewest changes first): the smallest count of changes at which each of the
 * class's groups has `perGroup` vendors, or all of them.
 */
export function maxChangesByClass(groups: readonly PanelGroupCount[], perGroup: number): Record<string, number> {
  const most: Record<string, number> = {}
  const byGroup = new Map<string, PanelGroupCount[]>()
  for (const group of groups) {
    if (group.within === true || group.changes === null) continue
    const key = `${group.locationClass}|${group.within}`
    const rows = byGroup.get(key)
    if (rows) rows.push(group)
    else byGroup.set(key, [group])
  }
  for (const rows of byGroup.values()) {
    let seen = 0
    let limit = 0
    for (const row of rows.sort((a, b) => (a.changes ?? 0) - (b.changes ?? 0))) {
      limit = row.changes ?? 0
      seen += row.count
      if (seen >= perGroup) break
    }
    const locationClass = rows[0]?.locationClass ?? ''
    most[locationClass] = Math.max(most[locationClass] ?? 0, limit)
  }
  return most
}

/**
 * The dashboard's recommendation panel for the vendors matching its filters, in its order: two
 * reads of stored data (the ranked candidates, then what the panel shows of at most a few of them),
 * never an assessment.
 */
export async function loadDashboardRecommendation(
  db: Kysely<Database>,
  {
    scope,
    params,
    now = new Date(),
    appetite,
    considered,
    groups: known,
    anyCeiling = () => findAnyCeiling(db, scope),
  }: PanelArgs & {
    groups?: readonly PanelGroupCount[]
    /** The ceiling of any judged vendor, for a panel none of whose candidates carries one. */
    anyCeiling?: () => Promise<Ceiling | undefined>
  },
): Promise<Recommendation> {
  const groups = known ?? (await countPanelGroups(db, scope, { params, now: now.toISOString() }))
  const candidates = await listPanelCandidates(db, scope, {
    params,
    now: now.toISOString(),
    perGroup: PER_GROUP,
    maxChanges: maxChangesByClass(groups, PER_GROUP),
  })
  const rows = await listPanelVendors(db, scope, [...new Set(candidates.map((c) => c.invitationId))])
  const byId = new Map(rows.map((row) => [row.invitationId, row]))
  const within = emptyByClass<PanelVendor[]>(() => [])
  const closest = emptyByClass<PanelVendor[]>(() => [])
  const withinCounts = emptyByClass(() => 0)
  for (const group of groups) {
    const locationClass = group.locationClass as LocationClass
    if (group.within === true && LOCATION_CLASSES.includes(locationClass)) withinCounts[locationClass] += group.count
  }
  let ceiling: Ceiling | undefined
  for (const candidate of candidates) {
    const row = byId.get(candidate.invitationId)
    const locationClass = candidate.locationClass as LocationClass
    if (!row || !LOCATION_CLASSES.includes(locationClass)) continue
    const judgement = parseJudgement(row.appetiteJson)
    ceiling ??= judgement?.ceiling
    const vendor = panelVendor(row, judgement?.suggestions ?? [])
    if (candidate.action === 'within-appetite') within[locationClass].push(vendor)
    else closest[locationClass].push(vendor)
  }
  ceiling ??= await anyCeiling()
  return buildRecommendation({
    appetite,
    ceiling,
    within,
    withinCounts,
    closest,
    considered,
    orderNote: `Best means first in the table's order (${SORT_LABELS[params.sort]}, ${params.dir === 'asc' ? 'ascending' : 'descending'}), among the vendors matching the filters.`,
  })
}

/** The profile's ceiling as the newest judged current assessment of the engagement carries it. */
async function findAnyCeiling(db: Kysely<Database>, scope: Scope): Promise<Ceiling | undefined> {
  return parseJudgement(await findAnyJudgementJson(db, scope))?.ceiling
}

function panelVendor(
  row: {
    invitationId: string
    company: string
    score: number
    verdict: PanelVendor['verdict']
    locationClass: string
    residualRisk: PanelVendor['residualRisk']
    resultJson: string
  },
  suggestions: PanelVendor['suggestions'],
): PanelVendor {
  const result = JSON.parse(row.resultJson) as Pick<Assessment, 'conditions'>
  return {
    invitationId: row.invitationId,
    company: row.company,
    score: row.score,
    residualRisk: row.residualRisk,
    verdict: row.verdict,
    locationClass: row.locationClass as LocationClass,
    conditions: result.conditions.map((c) =>
      conditionSummary({ regimeName: REGIME_NAMES[c.regime], kind: c.kind, citation: c.citation }),
    ),
    suggestions,
  }
}
