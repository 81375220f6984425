import type { DATA_CATEGORIES, RegimeId } from '../regulations/profile.ts'

type DataCategory = (typeof DATA_CATEGORIES)[number]

/**
 * The outlook's shape, on its own so the browser can import it without the engine (the profile
 * pages fetch the outlook from /app/outlook; outlook.ts computes it on the server).
 */
export type OutlookHeadline = {
  title: string
  body: string
  /** The regimes named in the body as able to rule a vendor out (no limit of their own). */
  restrictingRegimes: RegimeId[]
}

export type OutlookCarveOut = {
  law: RegimeId
  yieldsTo: RegimeId
  text: string
  citation: string
}

export type Outlook = {
  regimes: Array<{
    id: RegimeId
    name: string
    summary: string
    canRuleOut: boolean
  }>
  /** The furthest the work can go with a vendor that qualifies for no carve-out. */
  model: 'onshore' | 'nearshore' | 'offshore'
  limits: Array<{
    regime: RegimeId
    model: 'onshore' | 'nearshore'
    reason: string
    citation: string
  }>
  headline: OutlookHeadline
  carveOuts: OutlookCarveOut[]
  /** Volumes over a DOJ bulk threshold without the bulk category ticked: propose adding it. */
  bulkProposal: {
    category: DataCategory
    crossed: Array<{
      field: string
      label: string
      count: number
      threshold: number
    }>
    citation: string
  } | null
}
