import { z } from 'zod'
import type { Verdict } from '../assessment/engine.ts'
import { DECISION_LABELS, DECISIONS, NO_DECISION_LABEL } from '../decisions/decision.ts'
import { LOCATION_CLASSES, type LocationClass } from '../geography/location-class.ts'
import { INVITATION_STATUSES } from '../invitations/invitation.ts'
import { FURTHEST_ALLOWED_LABEL } from '../vocabulary/location-class.ts'
import { VERDICTS } from '../vocabulary/verdict.ts'

/**
 * The dashboard's URL search params: sort, direction, filters and page. Client-safe (the page builds
 * its links with `dashboardSearch`). A shared URL must never break the page, so each bad value is
 * dropped to its default on its own and reported in `problems`; the page shows them, the CSV answers
 * 400 with them (a download should be exactly what was asked for).
 *
 *   parseDashboardParams(new URLSearchParams('sort=score&dir=desc&verdict=reject&page=2'))
 *   // { params: { sort: 'score', dir: 'desc', verdict: 'reject', …, page: 2 }, problems: [] }
 */

export const SORT_KEYS = [
  'vendor',
  'status',
  'score',
  'verdict',
  'location',
  'model',
  'blockers',
  'conditions',
  'decision',
  'submitted',
] as const
export type SortKey = (typeof SORT_KEYS)[number]

export const SORT_LABELS: Record<SortKey, string> = {
  vendor: 'Vendor',
  status: 'Status',
  score: 'Score',
  verdict: 'Verdict',
  location: 'Location',
  model: FURTHEST_ALLOWED_LABEL,
  blockers: 'Blockers',
  conditions: 'Conditions',
  decision: 'Decision',
  submitted: 'Submitted',
}

/** The direction a column sorts in when first chosen: best or most-at-risk first. */
export const DEFAULT_DIRECTION: Record<SortKey, 'asc' | 'desc'> = {
  vendor: 'asc',
  status: 'asc',
  score: 'desc',
  verdict: 'asc',
  location: 'asc',
  model: 'desc',
  blockers: 'desc',
  conditions: 'desc',
  decision: 'asc',
  submitted: 'desc',
}

export const DECISION_FILTERS = [...DECISIONS, 'none'] as const
export type DecisionFilter = (typeof DECISION_FILTERS)[number]
export const DECISION_FILTER_LABELS: Record<DecisionFilter, string> = { ...DECISION_LABELS, none: NO_DECISION_LABEL }

export const PAGE_SIZE = 50
export const MAX_SEARCH_LENGTH = 100

export type DashboardParams = {
  sort: SortKey
  dir: 'asc' | 'desc'
  verdict: Verdict | undefined
  status: (typeof INVITATION_STATUSES)[number] | undefined
  location: LocationClass | undefined
  decision: DecisionFilter | undefined
  q: string | undefined
  page: number
}

export const DEFAULT_SORT: SortKey = 'score'

// One schema per field, so a bad value costs only that field. An empty value (a form's "Any"
// option) means "no filter" and is not a problem.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.enum(values).optional())

const FIELD_SCHEMAS = {
  sort: z.enum(SORT_KEYS),
  dir: z.enum(['asc', 'desc']),
  verdict: optionalEnum(VERDICTS),
  status: optionalEnum(INVITATION_STATUSES),
  location: optionalEnum(LOCATION_CLASSES),
  decision: optionalEnum(DECISION_FILTERS),
  q: z
    .string()
    .trim()
    .max(MAX_SEARCH_LENGTH, `at most ${MAX_SEARCH_LENGTH} characters`)
    .transform((value) => value || undefined),
  page: z.coerce.number().int().min(1).max(1_000_000),
} as const

type Field = keyof typeof FIELD_SCHEMAS

const FIELD_NAMES: Record<Field, string> = {
  sort: 'Sort',
  dir: 'Direction',
  verdict: 'Verdict',
  status: 'Status',
  location: 'Location',
  decision: 'Decision',
  q: 'Search',
  page: 'Page',
}

export function parseDashboardParams(search: URLSearchParams): { params: DashboardParams; problems: string[] } {
  const problems: string[] = []
  const read = <F extends Field>(field: F, fallback: z.output<(typeof FIELD_SCHEMAS)[F]>) => {
    const raw = search.get(field)
    if (raw === null) return fallback
    const parsed = FIELD_SCHEMAS[field].safeParse(raw)
    if (parsed.success) return parsed.data as z.output<(typeof FIELD_SCHEMAS)[F]>
    const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw
    problems.push(`${FIELD_NAMES[field]} "${shown}" is not valid and was ignored.`)
    return fallback
  }
  const sort = read('sort', DEFAULT_SORT)
  const params: DashboardParams = {
    sort,
    dir: read('dir', DEFAULT_DIRECTION[sort]),
    verdict: read('verdict', undefined),
    status: read('status', undefined),
    location: read('location', undefined),
    decision: read('decision', undefined),
    q: read('q', undefined),
    page: read('page', 1),
  }
  return { params, problems }
}

/** The query string for params, leaving out defaults so shared URLs stay short. */
export function dashboardSearch(params: DashboardParams, overrides: Partial<DashboardParams> = {}): string {
  const p = { ...params, ...overrides }
  const search = new URLSearchParams()
  if (p.sort !== DEFAULT_SORT) search.set('sort', p.sort)
  if (p.dir !== DEFAULT_DIRECTION[p.sort]) search.set('dir', p.dir)
  for (const key of ['verdict', 'status', 'location', 'decision', 'q'] as const) {
    const value = p[key]
    if (value) search.set(key, value)
  }
  if (p.page > 1) search.set('page', String(p.page))
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** The params after clicking a column header: same column flips, a new one starts at its default. */
export function sortBy(params: DashboardParams, key: SortKey): Partial<DashboardParams> {
  const dir = params.sort === key ? (params.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[key]
  return { sort: key, dir, page: 1 }
}

export function hasFilters(params: DashboardParams): boolean {
  return Boolean(params.verdict || params.status || params.location || params.decision || params.q)
}

/** At most this many vendors are carried as ticked from view to view (the comparison takes 2 to 6). */
export const MAX_CARRIED_SELECTION = 12

/**
 * The vendors ticked for comparison, from `?v=`: distinct, id-shaped, at most MAX_CARRIED_SELECTION.
 * They are not a filter: the dashboard's data ignores them; its links carry them, so a manager can
 * tick vendors on one page, sort, search or turn the page, and tick more.
 */
export function parseSelection(searchParams: URLSearchParams): string[] {
  const ids = searchParams.getAll('v').filter((id) => /^[A-Za-z0-9-]{1,64}$/.test(id))
  return [...new Set(ids)].slice(0, MAX_CARRIED_SELECTION)
}

/** A dashboard search string with the selection appended (`?sort=…&v=…&v=…`). */
export function withSelection(search: string, selected: readonly string[]): string {
  if (selected.length === 0) return search
  const tail = selected.map((id) => `v=${encodeURIComponent(id)}`).join('&')
  return search ? `${search}&${tail}` : `?${tail}`
}
