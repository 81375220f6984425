import { addMonths } from '../assessment/dates.ts'
import { REGIME_NAMES } from '../assessment/engine.ts'
import { DATA_CATEGORY_INFO } from '../engagements/profile-form.ts'
import type { Profile, RegimeId } from '../regulations/profile.ts'

/**
 * The inherent risk tier of an engagement, from its profile alone (before any vendor answers), and
 * how often its vendors are asked to review their answers. Which laws apply is the engine's answer
 * (`applicableRegimeIds`, passed in): the volume thresholds of the DOJ programme and of China's
 * rules, and every other applicability test, stay in the regime packs and are never repeated here.
 * This module only ranks what the engine says applies. Pure; the clock is a parameter.
 */

export const TIERS = ['low', 'medium', 'high', 'critical'] as const
export type Tier = (typeof TIERS)[number]

export const TIER_LABELS: Record<Tier, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' }

/** Months between reviews by tier (../shared/DECISIONS.md); an engagement may set its own. */
export const DEFAULT_CADENCE_MONTHS: Record<Tier, number> = { critical: 6, high: 12, medium: 24, low: 36 }
export const MIN_CADENCE_MONTHS = 1
export const MAX_CADENCE_MONTHS = 60

/**
 * The tier each regime puts an engagement in: national-security and export-control regimes and the
 * DOJ bulk-data programme (licences, criminal penalties, prohibited transactions) are critical;
 * sector laws over sensitive data (health, financial, cardholder, China's PIPL) are high; general
 * privacy laws are medium; sanctions screening applies to everyone and adds nothing on its own.
 */
const REGIME_TIERS: Record<RegimeId, Tier> = {
  itar: 'critical',
  ear: 'critical',
  dfars: 'critical',
  'doj-dsp': 'critical',
  hipaa: 'high',
  glba: 'high',
  'pci-dss': 'high',
  pipl: 'high',
  gdpr: 'medium',
  ccpa: 'medium',
  sanctions: 'low',
}

export type TierReason = { tier: Tier; text: string }
export type InherentTier = { tier: Tier; reasons: TierReason[] }

const rank = (tier: Tier) => TIERS.indexOf(tier)
const higher = (a: Tier, b: Tier) => (rank(a) >= rank(b) ? a : b)
const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`

/**
 * The tier and the reasons behind it, highest first.
 *
 *   inherentTier(profile, ['hipaa', 'sanctions'])
 *   // { tier: 'high', reasons: [{ tier: 'high', text: 'HIPAA applies (Patient health information (PHI))' }, …] }
 */
export function inherentTier(profile: Profile, applicableRegimes: readonly RegimeId[]): InherentTier {
  const reasons: TierReason[] = []
  const categories = profile.dataCategories.map((c) => DATA_CATEGORY_INFO[c]?.label ?? c)
  for (const regime of applicableRegimes) {
    const tier = REGIME_TIERS[regime]
    if (regime === 'sanctions') continue
    reasons.push({ tier, text: `${REGIME_NAMES[regime]} applies${volumeNote(regime, profile)}` })
  }
  if (profile.flags.criticalInformationInfrastructureOperator) {
    reasons.push({ tier: 'critical', text: 'The buyer is a critical information infrastructure operator' })
  }
  if (profile.flags.dodContractor && !applicableRegimes.includes('dfars')) {
    reasons.push({ tier: 'high', text: 'The buyer is a US defence contractor' })
  }
  if (reasons.length === 0 && categories.length > 0) {
    reasons.push({ tier: 'medium', text: `Regulated or confidential data: ${categories.join(', ')}` })
  }
  if (reasons.length === 0) {
    reasons.push({ tier: 'low', text: 'No regulated data categories and no law beyond sanctions screening applies' })
  }
  reasons.sort((a, b) => rank(b.tier) - rank(a.tier) || a.text.localeCompare(b.text))
  const tier = reasons.reduce<Tier>((worst, r) => higher(worst, r.tier), 'low')
  if (categories.length > 0) reasons.push({ tier, text: `Data categories: ${categories.join(', ')}` })
  return { tier, reasons }
}

/** The volumes that brought a volume-dependent regime in, in words (the engine decided it applies). */
function volumeNote(regime: RegimeId, profile: Profile): string {
  const v = profile.volumes
  const named: string[] = []
  if (regime === 'doj-dsp') {
    if (v.usPersonalHealthData) named.push(`health data of ${plural(v.usPersonalHealthData, 'US person')}`)
    if (v.usPersonalFinancialData) named.push(`financial data of ${plural(v.usPersonalFinancialData, 'US person')}`)
    if (v.usCoveredPersonalIdentifiers) named.push(plural(v.usCoveredPersonalIdentifiers, 'covered identifier'))
    if (v.usBiometricIdentifiers) named.push(plural(v.usBiometricIdentifiers, 'biometric identifier'))
    if (v.usPreciseGeolocationDevices) named.push(plural(v.usPreciseGeolocationDevices, 'geolocation device'))
    if (v.usHumanGenomicData) named.push(plural(v.usHumanGenomicData, 'genome'))
  }
  if (regime === 'pipl') {
    if (v.cnPersonalInformationIndividuals) named.push(plural(v.cnPersonalInformationIndividuals, 'individual'))
    if (v.cnSensitivePersonalInformationIndividuals)
      named.push(`${plural(v.cnSensitivePersonalInformationIndividuals, 'individual')} (sensitive)`)
  }
  return named.length ? ` (${named.join('; ')})` : ''
}

/** Months between reviews: the engagement's own setting, else its tier's. */
export function cadenceMonths(tier: Tier, override: number | null | undefined): number {
  return override ?? DEFAULT_CADENCE_MONTHS[tier]
}

/** The day a vendor is next asked to review: its last submission plus the cadence. */
export function nextReviewOn(lastSubmittedOn: string, months: number): string {
  return addMonths(lastSubmittedOn.slice(0, 10), months)
}

/** Whether a review is due on `today` (the injected clock). */
export function isReviewDue(lastSubmittedOn: string, months: number, today: string): boolean {
  return today >= nextReviewOn(lastSubmittedOn, months)
}
