import type { Verdict } from '../assessment/engine.ts'
import { INVITATION_STATUSES, type InvitationStatus } from '../invitations/status.ts'
import { VERDICTS } from '../vocabulary/verdict.ts'

/**
 * The URL of the vendors page (every vendor across the organisation's active engagements): search,
 * filters, sort and page. Anything unknown in the URL falls back to the default, never an error.
 * Pure and client-safe.
 */
export const VENDOR_SORT_KEYS = ['vendor', 'engagement', 'country', 'status', 'verdict'] as const
export type VendorSortKey = (typeof VENDOR_SORT_KEYS)[number]
export const VENDOR_SORT_LABELS: Record<VendorSortKey, string> = {
  vendor: 'Vendor',
  engagement: 'Engagement',
  country: 'Country',
  status: 'Status',
  verdict: 'Verdict',
}
export const VENDORS_PAGE_SIZE = 50

export type VendorsParams = {
  q: string
  status: InvitationStatus | undefined
  verdict: Verdict | 'none' | undefined
  sort: VendorSortKey
  dir: 'asc' | 'desc'
  page: number
}

export function parseVendorsParams(search: URLSearchParams): VendorsParams {
  const status = search.get('status') ?? ''
  const verdict = search.get('verdict') ?? ''
  const sort = search.get('sort') ?? ''
  const page = Number.parseInt(search.get('page') ?? '1', 10)
  return {
    q: (search.get('q') ?? '').trim().slice(0, 100),
    status: (INVITATION_STATUSES as readonly string[]).includes(status) ? (status as InvitationStatus) : undefined,
    verdict:
      verdict === 'none' || (VERDICTS as readonly string[]).includes(verdict)
        ? (verdict as Verdict | 'none')
        : undefined,
    sort: (VENDOR_SORT_KEYS as readonly string[]).includes(sort) ? (sort as VendorSortKey) : 'vendor',
    dir: search.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  }
}

/** The query string for params (defaults left out), with `change` applied. */
export function vendorsSearch(params: VendorsParams, change: Partial<VendorsParams> = {}): string {
  const next = { ...params, ...change }
  const search = new URLSearchParams()
  if (next.q) search.set('q', next.q)
  if (next.status) search.set('status', next.status)
  if (next.verdict) search.set('verdict', next.verdict)
  if (next.sort !== 'vendor') search.set('sort', next.sort)
  if (next.dir !== 'asc') search.set('dir', next.dir)
  if (next.page !== 1) search.set('page', String(next.page))
  const text = search.toString()
  return text ? `?${text}` : ''
}
