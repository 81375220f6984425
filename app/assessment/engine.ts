import {
  evaluateCondition,
  evaluateConditionExhaustive,
  type FactReader,
  type LeafTrace,
} from '../conditions/condition.ts'
import { type LocationClass, nearest } from '../geography/location-class.ts'
import type { Answers } from '../questionnaire/answers.ts'
import type { QuestionnaireDefinition } from '../questionnaire/definition.ts'
import { profileFacts, visibleQuestionIds } from '../questionnaire/visibility.ts'
import type { Profile, RegimeId } from '../regulations/profile.ts'
import type { CertificateRecord } from './certificates.ts'
import { DERIVED_FACT_NAMES, type DerivedFacts, deriveFacts } from './derived-facts.ts'
import type { ConditionKind, RegimePack, Rule, Severity } from './regime-pack.ts'
import { type SectionScore, scoreAnswers } from './score.ts'
import { ENGINE_VERSION, RULES_VERSION } from './version.ts'

/**
 * The assessment engine: pure and deterministic. Same inputs, same output, no clock, no I/O, no
 * Node or Remix imports, so it runs on the server, in the CLI and in the browser alike.
 * Semantics follow the contract (`shared/contract/assessment.md`, "Semantics the engine must honour").
 */

export type Verdict = 'approve' | 'approve-with-conditions' | 'reject'
export type RegimeStatus = 'compliant' | 'conditional' | 'non-compliant'

export type Finding = {
  ruleId: string
  regime: RegimeId
  severity: Severity
  citation: string
  message: string
  remediation: string
  questionIds: string[]
  unverified?: true
}

export type AssessmentCondition = {
  id: string
  regime: RegimeId
  kind: ConditionKind
  citation: string
  text: string
  remediation: string
  unverified?: true
}

export type RecommendationLimit = {
  ruleId: string
  regime: RegimeId
  model: 'onshore' | 'nearshore'
  citation: string
  reason: string
}

export type Assessment = {
  engine: { version: string; rules: string }
  questionnaire: { id: string; version: number }
  asOf: string
  applicableRegimes: RegimeId[]
  locationClass: LocationClass
  verdict: Verdict
  recommendation: { model: LocationClass; reasons: string[]; limits: RecommendationLimit[] }
  score: number
  sections: SectionScore[]
  regimes: { id: RegimeId; status: RegimeStatus }[]
  findings: Finding[]
  conditions: AssessmentCondition[]
  // Extensions beyond the contract's floor.
  countriesReached: string[]
  certifications: CertificateRecord[]
  warnings: string[]
}

export type RuleTrace = {
  ruleId: string
  regime: RegimeId
  kind: Rule['kind']
  fired: boolean
  conditions: LeafTrace[]
}

export type AssessmentTrace = {
  applicability: { regime: RegimeId; applies: boolean; conditions: LeafTrace[] }[]
  rules: RuleTrace[]
  derived: DerivedFacts
}

export type AssessInput = {
  profile: Profile
  questionnaire: QuestionnaireDefinition
  answers: Answers
  regimes: readonly RegimePack[]
  /** YYYY-MM-DD: the date certificates and report ages are judged against. */
  asOf: string
}

/** Short names of the regimes, as reasons and reports print them. */
export const REGIME_NAMES: Record<RegimeId, string> = {
  hipaa: 'HIPAA',
  glba: 'GLBA',
  'pci-dss': 'PCI DSS',
  itar: 'ITAR',
  ear: 'EAR',
  dfars: 'DFARS',
  'doj-dsp': 'DOJ Data Security Program',
  gdpr: 'GDPR',
  pipl: 'PIPL',
  ccpa: 'CCPA',
}

// `derived.<name>` → `<name>`, computed once instead of slicing the fact string on every read.
const DERIVED_KEY = new Map<string, string>(DERIVED_FACT_NAMES.map((name) => [`derived.${name}`, name]))

function factReader(profile: Profile, answers: Answers, derived: DerivedFacts, regimes: readonly string[]): FactReader {
  const derivedRecord = derived as unknown as Record<string, unknown>
  const profileValues = profileFacts(profile)
  return (fact) => {
    const key = DERIVED_KEY.get(fact)
    if (key !== undefined) return derivedRecord[key]
    if (fact.startsWith('profile.')) return profileValues.get(fact)
    if (fact === 'regimes') return regimes
    return answers[fact]
  }
}

const sortedCache = new WeakMap<readonly RegimePack[], RegimePack[]>()
function sortedPacks(packs: readonly RegimePack[]): RegimePack[] {
  let sorted = sortedCache.get(packs)
  if (!sorted) {
    sorted = [...packs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    sortedCache.set(packs, sorted)
  }
  return sorted
}

function profileFactReader(profile: Profile): FactReader {
  const values = profileFacts(profile)
  return (fact) => values.get(fact)
}

/**
 * The regimes a profile triggers, without assessing anything: each pack's `appliesWhen`, exactly
 * as `assess` evaluates it, but no answers, derived facts or rules. For pages and endpoints that
 * only need visibility (the vendor's form, progress on the buyer's list).
 */
export function applicableRegimeIds(profile: Profile, packs: readonly RegimePack[]): RegimeId[] {
  const read = profileFactReader(profile)
  return sortedPacks(packs)
    .filter((pack) => evaluateCondition(pack.appliesWhen, read))
    .map((pack) => pack.id)
}

export function assess(input: AssessInput): { assessment: Assessment; trace: AssessmentTrace } {
  const { profile, questionnaire, answers, asOf } = input
  const derived = deriveFacts(profile, answers, asOf)
  const packs = sortedPacks(input.regimes)

  // Applicability reads profile facts only (a test holds every pack to that); `regimes` is not known yet.
  const profileOnly = profileFactReader(profile)
  const applicability: AssessmentTrace['applicability'] = []
  const applicable: RegimePack[] = []
  for (const pack of packs) {
    const conditions: LeafTrace[] = []
    const applies = evaluateConditionExhaustive(pack.appliesWhen, profileOnly, conditions)
    applicability.push({ regime: pack.id, applies, conditions })
    if (applies) applicable.push(pack)
  }
  const applicableRegimes = applicable.map((pack) => pack.id)
  const read = factReader(profile, answers, derived, applicableRegimes)

  const findings: Finding[] = []
  const conditions: AssessmentCondition[] = []
  const limits: RecommendationLimit[] = []
  const rules: RuleTrace[] = []
  const regimes: Assessment['regimes'] = []
  for (const pack of applicable) {
    let blocked = false
    let conditional = false
    for (const rule of pack.rules) {
      const leaves: LeafTrace[] = []
      const fired = evaluateConditionExhaustive(rule.when, read, leaves)
      rules.push({ ruleId: rule.id, regime: pack.id, kind: rule.kind, fired, conditions: leaves })
      if (!fired) continue
      // Plain assignments rather than object spreads: this loop is the engine's hot path.
      if (rule.kind === 'finding') {
        if (rule.severity === 'blocker') blocked = true
        const finding: Finding = {
          ruleId: rule.id,
          regime: pack.id,
          severity: rule.severity,
          citation: rule.citation,
          message: rule.message,
          remediation: rule.remediation,
          questionIds: rule.questionIds,
        }
        if (rule.unverified) finding.unverified = true
        findings.push(finding)
      } else if (rule.kind === 'condition') {
        conditional = true
        const condition: AssessmentCondition = {
          id: rule.id,
          regime: pack.id,
          kind: rule.conditionKind,
          citation: rule.citation,
          text: rule.message,
          remediation: rule.remediation,
        }
        if (rule.unverified) condition.unverified = true
        conditions.push(condition)
      } else {
        limits.push({
          ruleId: rule.id,
          regime: pack.id,
          model: rule.model,
          citation: rule.citation,
          reason: rule.reason,
        })
      }
    }
    regimes.push({ id: pack.id, status: blocked ? 'non-compliant' : conditional ? 'conditional' : 'compliant' })
  }

  const verdict: Verdict = findings.some((finding) => finding.severity === 'blocker')
    ? 'reject'
    : conditions.length > 0
      ? 'approve-with-conditions'
      : 'approve'

  let model: LocationClass = 'offshore'
  for (const limit of limits) model = nearest(model, limit.model)
  const reasons = limits.map((limit) => `${REGIME_NAMES[limit.regime]} (${limit.citation}): ${limit.reason}`)
  if (limits.length === 0) {
    reasons.push(
      applicable.length === 0
        ? 'No regulatory regime applies to this profile, so nothing restricts where the work is done.'
        : `No applicable regime (${applicable.map((pack) => REGIME_NAMES[pack.id]).join(', ')}) requires a government licence or approval to use offshore locations; transfer mechanisms and contract terms do not restrict location.`,
    )
  }
  if (nearest(model, derived.locationClass) !== derived.locationClass) {
    reasons.push(
      `This vendor is ${derived.locationClass}, beyond the recommended ${model} model: using it needs the government approvals listed under conditions.`,
    )
  }

  const visible = visibleQuestionIds(questionnaire, { answers, regimes: applicableRegimes, profile })
  const { score, sections } = scoreAnswers(questionnaire, answers, visible, derived.validCertificationTypes)

  const warnings: string[] = []
  if (!derived.anyLocationAnswered) {
    warnings.push(
      'No storage, backup, personnel or subprocessor country was answered; the vendor is treated as offshore.',
    )
  }
  for (const cert of derived.certificates) {
    if (cert.status !== 'valid')
      warnings.push(`Certification ${cert.type} (issued ${cert.issued}) is ${cert.status}: ${cert.reason}.`)
  }

  return {
    assessment: {
      engine: { version: ENGINE_VERSION, rules: RULES_VERSION },
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      asOf,
      applicableRegimes,
      locationClass: derived.locationClass,
      verdict,
      recommendation: { model, reasons, limits },
      score,
      sections,
      regimes,
      findings,
      conditions,
      countriesReached: derived.countriesReached,
      certifications: derived.certificates,
      warnings,
    },
    trace: { applicability, rules, derived },
  }
}
