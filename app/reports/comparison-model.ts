import { DEFAULT_APPETITE, type RiskAppetite } from '../appetite/policy.ts'
import {
  buildRecommendation,
  conditionSummary,
  groupPanelVendors,
  type Recommendation,
} from '../appetite/recommendation.ts'
import { type Assessment, REGIME_NAMES, type RegimeStatus, type Verdict } from '../assessment/engine.ts'
import { DECISION_LABELS, type DecisionRecord } from '../decisions/decision.ts'
import type { LocationClass } from '../geography/location-class.ts'
import { questionsById } from '../questionnaire/answers.ts'
import type { QuestionnaireDefinition } from '../questionnaire/definition.ts'
import type { Profile, RegimeId } from '../regulations/profile.ts'
import { type AcceptanceRecord, acceptanceText, activeAcceptancesByRule } from '../remediation/acceptance.ts'
import { LOCATION_LABELS, locationLabel } from '../vocabulary/location-class.ts'
import { VERDICT_LABELS } from '../vocabulary/verdict.ts'
import { answerText, certificationTypeLabel, countryListText, countryText, NOT_ANSWERED } from './answer-text.ts'
import {
  CERTIFICATE_STATUS_LABELS,
  type ProfileSummary,
  REGIME_STATUS_LABELS,
  type ReportAppetite,
  reportAppetite,
  type StoredAppetite,
  summariseProfile,
} from './report-model.ts'

/**
 * Two to six vendors of one engagement side by side: the headline, section scores, each regime's
 * status, blockers and conditions, and the key facts a committee asks about. Pure and serialisable.
 */

const MIN_COMPARED = 2
const MAX_COMPARED = 6

/** The answers the key facts read (ids from questionnaires/cross-border-core/v1.json). */
const KEY_FACT_QUESTIONS = {
  storage: 'storage.primaryCountries',
  backup: 'storage.backupCountries',
  personnel: 'access.personnelCountries',
  subprocessors: 'access.subprocessorCountries',
  encryptionAtRest: 'handling.encryptionAtRest',
  encryptionInTransit: 'handling.encryptionInTransit',
  endToEnd: 'handling.endToEndEncryption',
  keyLocations: 'handling.keyLocationCountries',
  destruction: 'destruction.method',
  destructionCertificate: 'destruction.certificateProvided',
  certifications: 'certifications.held',
} as const

export type ComparisonVendorInput = {
  invitationId: string
  company: string
  country: string
  status: string
  submittedAt: string | null
  answers: Readonly<Record<string, unknown>>
  assessment: Assessment | undefined
  /** What the engagement's risk policy made of it, as stored with it. */
  appetite?: StoredAppetite
  decision: DecisionRecord | undefined
  /** Risk acceptances of this vendor; one holding on `today` is shown with its blocker. */
  acceptances?: readonly AcceptanceRecord[]
}

type ComparisonInput = {
  engagement: { id: string; name: string }
  /** The engagement's risk appetite now (the panel's words; each vendor's action is as stored). Default medium. */
  appetite?: RiskAppetite
  profile: Profile
  questionnaire: QuestionnaireDefinition | undefined
  vendors: readonly ComparisonVendorInput[]
  today: string
}

export type KeyFacts = {
  storageCountries: string
  backupCountries: string
  personnelCountries: string
  subprocessorCountries: string
  encryptionAtRest: string
  encryptionInTransit: string
  keyCustody: string
  destruction: string
  certifications: string[]
}

export type ComparisonVendor = {
  invitationId: string
  company: string
  country: string
  assessed: boolean
  verdict: Verdict | undefined
  verdictLabel: string
  score: number | undefined
  locationClass: LocationClass | undefined
  locationLabel: string
  modelLabel: string
  asOf: string | undefined
  engineVersion: string | undefined
  rulesVersion: string | undefined
  sectionScores: Record<string, number>
  regimeStatuses: Record<string, { status: RegimeStatus; label: string } | undefined>
  blockers: { ruleId: string; regimeName: string; citation: string; message: string; acceptance: string | undefined }[]
  conditions: { id: string; regimeName: string; kindLabel: string; citation: string; text: string }[]
  keyFacts: KeyFacts
  decisionLabel: string | undefined
  decisionComment: string | undefined
  /** The vendor's line (law, residual risk, what to do) and what would change it. */
  risk: ReportAppetite | undefined
}

export type Comparison = {
  engagement: { id: string; name: string }
  profile: ProfileSummary
  generatedOn: string
  sections: { id: string; title: string }[]
  regimes: { id: RegimeId; name: string }[]
  vendors: ComparisonVendor[]
  /** Engine and rules versions of the compared assessments (several when they differ). */
  versions: string[]
  /** Nearshore or offshore, and with whom, among the compared vendors. */
  recommendation: Recommendation
}

const KEY_CUSTODY: Record<string, string> = {
  none: 'No encryption at rest: no keys',
  'provider-managed': 'The cloud provider holds the keys',
  'vendor-managed-keys': 'The vendor holds the keys',
  'customer-managed-keys': 'We (the customer) hold the keys',
}

function keyFacts(vendor: ComparisonVendorInput, questionnaire: QuestionnaireDefinition | undefined): KeyFacts {
  const questions = questionnaire ? questionsById(questionnaire) : new Map()
  const text = (id: string) => answerText(questions.get(id), vendor.answers[id])
  const atRest = vendor.answers[KEY_FACT_QUESTIONS.encryptionAtRest]
  const custodyParts: string[] = []
  if (typeof atRest === 'string') custodyParts.push(KEY_CUSTODY[atRest] ?? text(KEY_FACT_QUESTIONS.encryptionAtRest))
  const keyLocations = vendor.answers[KEY_FACT_QUESTIONS.keyLocations]
  if (Array.isArray(keyLocations) && keyLocations.length) custodyParts.push(`keys in ${countryListText(keyLocations)}`)
  const endToEnd = vendor.answers[KEY_FACT_QUESTIONS.endToEnd]
  if (endToEnd === true) custodyParts.push('end-to-end encrypted (the vendor never holds plaintext)')
  const destructionParts: string[] = []
  if (vendor.answers[KEY_FACT_QUESTIONS.destruction] !== undefined)
    destructionParts.push(text(KEY_FACT_QUESTIONS.destruction))
  const certificate = vendor.answers[KEY_FACT_QUESTIONS.destructionCertificate]
  if (certificate === true) destructionParts.push('certificate of sanitisation provided')
  if (certificate === false) destructionParts.push('no certificate of sanitisation')
  const certQuestion = questions.get(KEY_FACT_QUESTIONS.certifications)
  // The assessment's register, judged as of the assessment date; without one, the answer as given.
  const certifications = vendor.assessment
    ? vendor.assessment.certifications.map(
        (c) =>
          `${certificationTypeLabel(c.type, certQuestion)}${c.edition ? ` (${c.edition})` : ''}: ${CERTIFICATE_STATUS_LABELS[c.status].toLowerCase()}${c.validUntil ? ` until ${c.validUntil}` : ''}`,
      )
    : Array.isArray(vendor.answers[KEY_FACT_QUESTIONS.certifications])
      ? [text(KEY_FACT_QUESTIONS.certifications)]
      : []
  return {
    storageCountries: text(KEY_FACT_QUESTIONS.storage),
    backupCountries: text(KEY_FACT_QUESTIONS.backup),
    personnelCountries: text(KEY_FACT_QUESTIONS.personnel),
    subprocessorCountries: text(KEY_FACT_QUESTIONS.subprocessors),
    encryptionAtRest: text(KEY_FACT_QUESTIONS.encryptionAtRest),
    encryptionInTransit: text(KEY_FACT_QUESTIONS.encryptionInTransit),
    keyCustody: custodyParts.length ? custodyParts.join('; ') : NOT_ANSWERED,
    destruction: destructionParts.length ? destructionParts.join('; ') : NOT_ANSWERED,
    certifications,
  }
}

/**
 * Builds the comparison, vendors in the order given (the order of the URL).
 * @example buildComparison({ engagement, profile, questionnaire, vendors: [a, b, c], today }).vendors[0].verdictLabel
 */
export function buildComparison(input: ComparisonInput): Comparison {
  const sections = new Map<string, string>()
  const regimeIds = new Set<RegimeId>()
  const versions = new Set<string>()
  for (const vendor of input.vendors) {
    for (const s of vendor.assessment?.sections ?? []) if (!sections.has(s.id)) sections.set(s.id, s.title)
    for (const r of vendor.assessment?.regimes ?? []) regimeIds.add(r.id)
    for (const id of vendor.assessment?.applicableRegimes ?? []) regimeIds.add(id)
    if (vendor.assessment)
      versions.add(`engine ${vendor.assessment.engine.version}, rules ${vendor.assessment.engine.rules}`)
  }
  const regimes = [...regimeIds]
    .map((id) => ({ id, name: REGIME_NAMES[id] ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name))

  const vendors = input.vendors.map((vendor): ComparisonVendor => {
    const a = vendor.assessment
    const statuses = new Map(a?.regimes.map((r) => [r.id, r.status]) ?? [])
    return {
      invitationId: vendor.invitationId,
      company: vendor.company,
      country: countryText(vendor.country),
      assessed: a !== undefined,
      verdict: a?.verdict,
      verdictLabel: a ? VERDICT_LABELS[a.verdict] : 'Not assessed (not submitted)',
      score: a?.score,
      locationClass: a?.locationClass,
      locationLabel: a ? locationLabel(a.locationClass, input.profile.homeCountry, a.countriesReached ?? []) : '—',
      modelLabel: a ? LOCATION_LABELS[a.recommendation.model] : '—',
      asOf: a?.asOf,
      engineVersion: a?.engine.version,
      rulesVersion: a?.engine.rules,
      sectionScores: Object.fromEntries(a?.sections.map((s) => [s.id, s.score]) ?? []),
      regimeStatuses: Object.fromEntries(
        regimes.map((r) => {
          const status = a
            ? (statuses.get(r.id) ?? (a.applicableRegimes.includes(r.id) ? 'compliant' : undefined))
            : undefined
          return [r.id, status ? { status, label: REGIME_STATUS_LABELS[status] } : undefined]
        }),
      ),
      blockers: (a?.findings ?? [])
        .filter((f) => f.severity === 'blocker')
        .map((f) => {
          const accepted = activeAcceptancesByRule(vendor.acceptances ?? [], input.today).get(f.ruleId)
          return {
            ruleId: f.ruleId,
            regimeName: REGIME_NAMES[f.regime] ?? f.regime,
            citation: f.citation,
            message: f.message,
            acceptance: accepted ? acceptanceText(accepted) : undefined,
          }
        }),
      conditions: (a?.conditions ?? []).map((c) => ({
        id: c.id,
        regimeName: REGIME_NAMES[c.regime] ?? c.regime,
        kindLabel: c.kind === 'approval' ? 'Government approval' : 'Transfer mechanism',
        citation: c.citation,
        text: c.text,
      })),
      keyFacts: keyFacts(vendor, input.questionnaire),
      decisionLabel: vendor.decision ? DECISION_LABELS[vendor.decision.decision] : undefined,
      decisionComment: vendor.decision?.comment || undefined,
      risk: a ? reportAppetite(a, vendor.appetite) : undefined,
    }
  })

  return {
    engagement: input.engagement,
    profile: summariseProfile(input.profile),
    generatedOn: input.today,
    sections: [...sections].map(([id, title]) => ({ id, title })),
    regimes,
    vendors,
    versions: [...versions],
    recommendation: comparisonRecommendation(input),
  }
}

/** The panel over the compared vendors, in the order compared. */
function comparisonRecommendation(input: ComparisonInput): Recommendation {
  const assessed = input.vendors.flatMap((vendor) => {
    const a = vendor.assessment
    if (!a) return []
    const judgement = vendor.appetite?.judgement
    return [
      {
        invitationId: vendor.invitationId,
        company: vendor.company,
        score: a.score,
        residualRisk: a.residualRisk ?? null,
        verdict: a.verdict,
        locationClass: a.locationClass,
        conditions: a.conditions.map((c) =>
          conditionSummary({ regimeName: REGIME_NAMES[c.regime] ?? c.regime, kind: c.kind, citation: c.citation }),
        ),
        suggestions: judgement?.suggestions ?? [],
        action: judgement?.action ?? vendor.appetite?.action ?? undefined,
        ceiling: judgement?.ceiling,
      },
    ]
  })
  return buildRecommendation({
    appetite: input.appetite ?? DEFAULT_APPETITE,
    ceiling: assessed.find((v) => v.ceiling)?.ceiling,
    ...groupPanelVendors(assessed),
    considered: assessed.length,
    orderNote: 'Best means first in the order compared.',
  })
}

type CompareSelection = { ok: true; ids: string[] } | { ok: false; message: string }

/**
 * The `v` parameters of a comparison URL: 2 to 6 distinct ids (duplicates are dropped, the order
 * kept). Anything else is a clear message for a 400 page.
 */
export function parseCompareSelection(searchParams: URLSearchParams): CompareSelection {
  const ids = [
    ...new Set(
      searchParams
        .getAll('v')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ]
  if (ids.length < MIN_COMPARED)
    return {
      ok: false,
      message: `Choose at least ${MIN_COMPARED} vendors to compare (${ids.length === 0 ? 'none was' : 'only 1 was'} chosen).`,
    }
  if (ids.length > MAX_COMPARED)
    return {
      ok: false,
      message: `Choose at most ${MAX_COMPARED} vendors to compare (${ids.length} were chosen).`,
    }
  return { ok: true, ids }
}
