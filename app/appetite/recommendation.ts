import type { ResidualRisk, Verdict } from '../assessment/engine.ts'
import type { Ceiling, Suggestion } from '../assessment/unlock.ts'
import { LOCATION_CLASSES, type LocationClass } from '../geography/location-class.ts'
import { LOCATION_LABELS } from '../vocabulary/location-class.ts'
import { RESIDUAL_RISK_LABELS } from '../vocabulary/residual-risk.ts'
import type { RiskAppetite } from './policy.ts'

/**
 * The engagement's recommendation: nearshore or offshore, and with whom (issue 14, item 3). One
 * panel on the dashboard (the vendors that match its filters, in its order), in the comparison and
 * its PDF (the compared vendors, in their order). Pure: it words what was stored with each
 * assessment (action, residual risk, suggestions, the profile's ceiling) and never judges a vendor
 * itself, so it cannot contradict a vendor's own report.
 *
 * - Headline: the furthest model the law allows for the profile (the ceiling), and why.
 * - Per location class, furthest first: the best vendors within appetite ("best" is the first in
 *   the table's order), with score, residual risk and the conditions to fulfil.
 * - What to pursue: the furthest class with a vendor within appetite.
 * - What going one class further would take: the vendors of the next class that come closest to
 *   qualifying (their smallest verified suggestion), and the buyer's own choices that would widen
 *   the profile's ceiling.
 * - When no vendor fits, it says so, with the vendors closest to qualifying.
 */

export type PanelVendor = {
  invitationId: string
  company: string
  score: number
  residualRisk: ResidualRisk | null
  verdict: Verdict
  locationClass: LocationClass
  /** Conditions to fulfil before data may go to it, in a few words each. */
  conditions: string[]
  /** Its stored suggestions (empty for an assessment made before they were stored). */
  suggestions: readonly Suggestion[]
}

export type RecommendationInput = {
  appetite: RiskAppetite
  /** The profile's ceiling, from any current assessment (all share the engagement's profile). */
  ceiling: Ceiling | undefined
  /** Vendors within appetite, by their location class, best first (at most a few each). */
  within: Record<LocationClass, readonly PanelVendor[]>
  /** How many vendors within appetite each class has among those considered. */
  withinCounts: Record<LocationClass, number>
  /** Vendors not within appetite that a verified suggestion would bring within it, closest first. */
  closest: Record<LocationClass, readonly PanelVendor[]>
  /** How many assessed vendors were considered (the filtered ones, or the compared ones). */
  considered: number
  /** "in the table's order (Score, high to low)" or "in the order compared". */
  orderNote: string
}

export type PanelEntry = { invitationId: string; text: string }
export type Recommendation = {
  headline: string
  why: string[]
  pursue: string | undefined
  classes: { locationClass: LocationClass; label: string; count: number; vendors: PanelEntry[]; note: string }[]
  further: PanelEntry[]
  buyerChoices: string[]
  noneFits: string | undefined
  orderNote: string
}

const FURTHEST_FIRST = [...LOCATION_CLASSES].reverse()
const RANK = new Map<LocationClass, number>(LOCATION_CLASSES.map((c, i) => [c, i]))

const HEADLINES: Record<LocationClass, string> = {
  offshore: 'Offshore is allowed for this profile.',
  nearshore: 'Nearshore at most for this profile.',
  onshore: 'Onshore only for this profile.',
}

const lower = (c: LocationClass) => LOCATION_LABELS[c].toLowerCase()
const risk = (v: PanelVendor) =>
  v.residualRisk ? `${RESIDUAL_RISK_LABELS[v.residualRisk].toLowerCase()} risk` : 'risk not stored'

function vendorText(v: PanelVendor): string {
  const conditions = v.conditions.length ? `; conditions: ${v.conditions.join('; ')}` : '; no conditions'
  return `${v.company}: ${v.score}/100, ${risk(v)}${conditions}`
}

/** The smallest suggestion of the vendor's that would bring it within appetite, in words. */
function qualifyingChange(v: PanelVendor): string | undefined {
  const s = v.suggestions.find((x) => x.target === 'risk' && x.by === 'vendor')
  return s ? s.labels.join('; ') : undefined
}

export function buildRecommendation(input: RecommendationInput): Recommendation {
  const { ceiling } = input
  const ceilingModel = ceiling?.model ?? 'offshore'
  const why: string[] = []
  for (const limit of ceiling?.limits ?? []) why.push(`${limit.reason} (${limit.citation}); whatever the vendor does.`)
  // Said once per fallback model, then each rule's reason: the limits often share it.
  const lifted = ceiling?.lifted ?? []
  for (const model of new Set(lifted.map((limit) => limit.model))) {
    why.push(`${LOCATION_LABELS[ceilingModel]} only with a vendor that earns it; otherwise ${lower(model)} at most.`)
    for (const limit of lifted) if (limit.model === model) why.push(`${limit.reason} (${limit.citation})`)
  }
  if (!ceiling) why.push('No vendor has been assessed yet: the profile page shows how far the work may go.')

  // Classes up to the ceiling; a class beyond it only when a vendor there is within appetite (it
  // then needs the government approval its conditions name).
  const classes = FURTHEST_FIRST.filter(
    (c) => (RANK.get(c) ?? 0) <= (RANK.get(ceilingModel) ?? 2) || input.within[c].length > 0,
  ).map((c) => {
    const vendors = input.within[c].map((v) => ({ invitationId: v.invitationId, text: vendorText(v) }))
    const count = input.withinCounts[c]
    const beyond = (RANK.get(c) ?? 0) > (RANK.get(ceilingModel) ?? 2)
    const note = beyond
      ? 'Beyond what the law allows this profile without a government approval.'
      : vendors.length === 0
        ? 'No vendor here is within your appetite.'
        : count > vendors.length
          ? `${count} within your appetite; the best ${vendors.length} shown.`
          : `${count} within your appetite.`
    return { locationClass: c, label: `Best ${lower(c)}`, count, vendors, note }
  })

  const pursuedClass = classes.find(
    (c) => c.vendors.length > 0 && (RANK.get(c.locationClass) ?? 0) <= (RANK.get(ceilingModel) ?? 2),
  )?.locationClass
  const best = pursuedClass ? input.within[pursuedClass][0] : undefined
  const pursue =
    pursuedClass && best
      ? `Pursue ${lower(pursuedClass)}: ${best.company} (${best.score}/100, ${risk(best)}) is the best vendor within your appetite (${input.appetite}) there.`
      : undefined

  // One class further than the one pursued, then the pursued class itself (or, when none is, every
  // class): the vendors a verified suggestion of their own would bring within appetite, closest first.
  const nextClasses = pursuedClass
    ? FURTHEST_FIRST.filter(
        (c) =>
          ((RANK.get(c) ?? 0) === (RANK.get(pursuedClass) ?? 0) + 1 &&
            (RANK.get(c) ?? 0) <= (RANK.get(ceilingModel) ?? 2)) ||
          c === pursuedClass,
      )
    : FURTHEST_FIRST
  const further: PanelEntry[] = []
  for (const c of nextClasses) {
    for (const v of input.closest[c]) {
      const change = qualifyingChange(v)
      if (!change || further.length >= 3) continue
      further.push({
        invitationId: v.invitationId,
        text: `${v.company} (${lower(v.locationClass)}, ${v.score}/100, ${risk(v)}) would ${input.within[c].length > 0 ? 'also ' : ''}qualify ${lower(v.locationClass)} if it would: ${change}.`,
      })
    }
  }

  const buyerChoices = (ceiling?.buyerChoices ?? []).map(
    (s) =>
      `If you would ${s.labels.join(' and ')}, ${lower(s.to as LocationClass)} would be allowed (${s.citations.join('; ')}).`,
  )

  const noneFits =
    input.considered === 0
      ? 'No assessed vendor to choose from yet.'
      : pursuedClass
        ? undefined
        : `No vendor among the ${input.considered} considered fits your appetite (${input.appetite}).`

  return {
    headline: HEADLINES[ceilingModel],
    why,
    pursue,
    classes,
    further,
    buyerChoices,
    noneFits,
    orderNote: input.orderNote,
  }
}

/** A vendor's conditions in a few words: "GDPR: transfer mechanism (GDPR Art. 46(2)(c))". */
export function conditionSummary(c: { regimeName: string; kind: 'mechanism' | 'approval'; citation: string }): string {
  return `${c.regimeName}: ${c.kind === 'approval' ? 'government approval' : 'transfer mechanism'} (${c.citation})`
}

/**
 * The panel's groups from vendors already in memory (the comparison's, in its order): within
 * appetite by class, and those a suggestion would bring within it, fewest changes first.
 */
export function groupPanelVendors(
  vendors: readonly (PanelVendor & { action: string | undefined })[],
  perGroup = 3,
): Pick<RecommendationInput, 'within' | 'withinCounts' | 'closest'> {
  const byClass = <T>(make: (c: LocationClass) => T) =>
    Object.fromEntries(LOCATION_CLASSES.map((c) => [c, make(c)])) as Record<LocationClass, T>
  const fewest = (v: PanelVendor) =>
    Math.min(...v.suggestions.filter((s) => s.target === 'risk' && s.by === 'vendor').map((s) => s.changes.length))
  const inClass = (c: LocationClass) => vendors.filter((v) => v.locationClass === c)
  return {
    within: byClass((c) =>
      inClass(c)
        .filter((v) => v.action === 'within-appetite')
        .slice(0, perGroup),
    ),
    withinCounts: byClass((c) => inClass(c).filter((v) => v.action === 'within-appetite').length),
    closest: byClass((c) =>
      inClass(c)
        .filter((v) => v.action !== 'within-appetite' && Number.isFinite(fewest(v)))
        // A stable sort: fewest changes first, the order given otherwise.
        .sort((a, b) => fewest(a) - fewest(b))
        .slice(0, perGroup),
    ),
  }
}
