import {
  type CompiledKleene,
  compileConditionKleene,
  evaluateCondition,
  evaluateConditionExhaustive,
  type FactReader,
  factsOf,
  isUnknownFact,
  type LeafTrace,
  type Truth,
} from '../conditions/condition.ts'
import { type LocationClass, nearest } from '../geography/location-class.ts'
import { type Answers, questionsById } from '../questionnaire/answers.ts'
import type { QuestionnaireDefinition } from '../questionnaire/definition.ts'
import { profileFacts, visibleQuestionIds } from '../questionnaire/visibility.ts'
import type { Profile, RegimeId } from '../regulations/profile.ts'
import type { CertificateRecord } from './certificates.ts'
import {
  DERIVED_FACT_INPUTS,
  DERIVED_FACT_NAMES,
  type DerivedFactName,
  type DerivedFacts,
  deriveFacts,
} from './derived-facts.ts'
import type { ConditionKind, RegimePack, Rule, Severity } from './regime-pack.ts'
import type { ResidualRisk } from './residual-risk.ts'
import { type SectionScore, scoreAnswers } from './score.ts'
import { ENGINE_VERSION, RULES_VERSION } from './version.ts'

/**
 * The assessment engine: pure and deterministic. Same inputs, same output, no clock, no I/O, no
 * Node or Remix imports, so it runs on the server, in the CLI and in the browser alike.
 * Semantics follow the contract (`shared/contract/assessment.md` v1.1, "Semantics the engine must
 * honour" and "Semantics added in v1.1").
 *
 * Fail safe: a rule's condition is evaluated in three-valued logic (`evaluateConditionKleene`) and
 * the rule fires unless the answers rule it out. When it fires only because answers are missing or
 * "unknown", its finding or condition says so and asks for them (it never claims the vendor does the
 * bad thing), with the rule's own severity; questions the response's questionnaire version never
 * asked are named as such. Rules are dated by law: a rule outside its `effectiveFrom` …
 * `effectiveUntil` on `asOf` is not applied (the trace says so).
 */

export type Verdict = 'approve' | 'approve-with-conditions' | 'reject'
export type RegimeStatus = 'compliant' | 'conditional' | 'non-compliant'
export { RESIDUAL_RISKS, type ResidualRisk } from './residual-risk.ts'

/** Answers a rule needed and did not get: unanswered (or "unknown"), and not asked in this questionnaire version. */
export type MissingAnswers = { missingAnswers?: string[]; notAsked?: string[] }

export type Finding = {
  ruleId: string
  regime: RegimeId
  severity: Severity
  citation: string
  message: string
  remediation: string
  questionIds: string[]
  unverified?: true
} & MissingAnswers

export type AssessmentCondition = {
  id: string
  regime: RegimeId
  kind: ConditionKind
  citation: string
  text: string
  remediation: string
  unverified?: true
} & MissingAnswers

export type RecommendationLimit = {
  ruleId: string
  regime: RegimeId
  model: 'onshore' | 'nearshore'
  citation: string
  reason: string
} & MissingAnswers

export type Assessment = {
  engine: { version: string; rules: string }
  questionnaire: { id: string; version: number }
  asOf: string
  applicableRegimes: RegimeId[]
  locationClass: LocationClass
  verdict: Verdict
  recommendation: { model: LocationClass; reasons: string[]; limits: RecommendationLimit[] }
  score: number
  residualRisk: ResidualRisk
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
  /** False when `asOf` lies outside the rule's effective dates: the rule was not evaluated. */
  inForce: boolean
  outcome: Truth
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
  /** YYYY-MM-DD: the date certificates, report ages and the rules in force are judged against. */
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
  sanctions: 'US sanctions (OFAC)',
}

// `derived.<name>` → `<name>`, computed once instead of slicing the fact string on every read.
const DERIVED_KEY = new Map<string, DerivedFactName>(DERIVED_FACT_NAMES.map((name) => [`derived.${name}`, name]))

/** What a compiled rule reads: this assessment's answers, derived facts, profile facts and regimes. */
type RuleContext = {
  answers: Answers
  derived: Record<string, unknown>
  profile: Map<string, unknown>
  regimes: readonly string[]
}

/** How a rule reads a fact, decided once per fact name. Derived and profile facts are never answers. */
function accessor(fact: string): (context: RuleContext) => unknown {
  const derived = DERIVED_KEY.get(fact)
  if (derived !== undefined) return (context) => context.derived[derived]
  if (fact.startsWith('derived.')) return () => undefined
  if (fact.startsWith('profile.')) return (context) => context.profile.get(fact)
  if (fact === 'regimes') return (context) => context.regimes
  return (context) => context.answers[fact]
}

/** Every rule of a pack compiled once, in the pack's order. */
const compiledCache = new WeakMap<RegimePack, CompiledKleene<RuleContext>[]>()
function compiledRules(pack: RegimePack): CompiledKleene<RuleContext>[] {
  let rules = compiledCache.get(pack)
  if (!rules) {
    rules = pack.rules.map((rule) => compileConditionKleene(rule.when, accessor))
    compiledCache.set(pack, rules)
  }
  return rules
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
 * The questions a rule reads, directly or through derived facts (computed once per rule): the
 * coverage check counts them as read, and a rule none of whose inputs is answered keeps its regime
 * from being `compliant`.
 */
const inputCache = new WeakMap<Rule, readonly string[]>()
export function ruleInputs(rule: Rule): readonly string[] {
  let inputs = inputCache.get(rule)
  if (!inputs) {
    const out: string[] = []
    for (const fact of factsOf(rule.when)) {
      const derived = DERIVED_KEY.get(fact)
      const ids: readonly string[] = derived
        ? DERIVED_FACT_INPUTS[derived]
        : fact === 'regimes' || fact.startsWith('profile.')
          ? []
          : [fact]
      for (const id of ids) if (!out.includes(id)) out.push(id)
    }
    inputs = out
    inputCache.set(rule, inputs)
  }
  return inputs
}

export function ruleInForce(rule: Pick<Rule, 'effectiveFrom' | 'effectiveUntil'>, asOf: string): boolean {
  return rule.effectiveFrom <= asOf && (rule.effectiveUntil === undefined || asOf <= rule.effectiveUntil)
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

/** Contract v1.1: what risk remains where the law allows the work. */
export function residualRiskOf(findings: readonly Pick<Finding, 'severity'>[], score: number): ResidualRisk {
  let worst = 0
  for (const finding of findings) {
    if (finding.severity === 'blocker') return 'critical'
    if (finding.severity === 'high') worst = Math.max(worst, 2)
    else if (finding.severity === 'medium') worst = Math.max(worst, 1)
  }
  if (worst === 2 || score < 50) return 'high'
  if (worst === 1 || score < 70) return 'medium'
  return 'low'
}

/** Unanswered, answered "unknown", both (in that order), and not asked in this questionnaire version. */
type Missing = {
  unanswered: string[]
  unknown: string[]
  answers: string[]
  notAsked: string[]
  /** These answers as one string (the texts' cache key). */
  key: string
  /** The texts that depend only on these answers, built on first use. */
  clause?: string
  ask?: string
}

export function assess(input: AssessInput): { assessment: Assessment; trace: AssessmentTrace } {
  const { profile, questionnaire, answers, asOf } = input
  const derived = deriveFacts(profile, answers, asOf)
  const packs = sortedPacks(input.regimes)
  const asked = questionsById(questionnaire)

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
  const context: RuleContext = {
    answers,
    derived: derived as unknown as Record<string, unknown>,
    profile: profileFacts(profile),
    regimes: applicableRegimes,
  }

  /** The questions behind the unknown facts of a rule, sorted into what to tell the buyer. */
  // Rules that read the same unknown facts share one answer (many rules read the same few facts).
  const missingCache = new Map<string, Missing>()
  const missingOf = (facts: readonly string[]): Missing => {
    const key = facts.length === 1 ? facts[0]! : facts.join('|')
    let cached = missingCache.get(key)
    if (cached === undefined) {
      cached = computeMissing(facts)
      missingCache.set(key, cached)
    }
    return cached
  }
  const computeMissing = (facts: readonly string[]): Missing => {
    const out: Missing = { unanswered: [], unknown: [], answers: [], notAsked: [], key: '' }
    for (const fact of facts) {
      const derivedKey = DERIVED_KEY.get(fact)
      const ids = derivedKey === undefined ? [fact] : (derived.missing[derivedKey] ?? DERIVED_FACT_INPUTS[derivedKey])
      for (const id of ids) {
        const kind = !asked.has(id) ? 'n' : answers[id] === 'unknown' ? 'k' : 'u'
        const into = kind === 'n' ? out.notAsked : kind === 'k' ? out.unknown : out.unanswered
        if (into.includes(id)) continue
        into.push(id)
        out.key += `${kind}${id},`
      }
    }
    out.answers = out.unknown.length === 0 ? out.unanswered : [...out.unanswered, ...out.unknown]
    return out
  }

  const unknownFacts: string[] = [] // reused by every rule: only an unknown outcome reads it
  const findings: Finding[] = []
  const conditions: AssessmentCondition[] = []
  const limits: RecommendationLimit[] = []
  const rules: RuleTrace[] = []
  const regimes: Assessment['regimes'] = []
  for (const pack of applicable) {
    let blocked = false
    let conditional = false
    let unresolved = false
    const evaluate = compiledRules(pack)
    for (let r = 0; r < pack.rules.length; r++) {
      const rule = pack.rules[r]!
      if (!ruleInForce(rule, asOf)) {
        rules.push({
          ruleId: rule.id,
          regime: pack.id,
          kind: rule.kind,
          inForce: false,
          outcome: 'false',
          fired: false,
          conditions: [],
        })
        continue
      }
      const leaves: LeafTrace[] = []
      if (unknownFacts.length > 0) unknownFacts.length = 0
      const outcome = evaluate[r]!(context, leaves, unknownFacts)
      const fired =
        outcome === 'true' || (outcome === 'unknown' && !(rule.kind === 'finding' && rule.onUnknown === 'skip'))
      rules.push({
        ruleId: rule.id,
        regime: pack.id,
        kind: rule.kind,
        inForce: true,
        outcome,
        fired,
        conditions: leaves,
      })
      if (!fired) continue
      const missing = outcome === 'unknown' ? missingOf(unknownFacts) : undefined
      const texts = missing ? missingTexts(missing, rule, questionnaire) : undefined
      // No regime is compliant on a rule none of whose inputs was answered (contract v1.1).
      if (missing && ruleInputs(rule).every((id) => isUnknownFact(answers[id]))) unresolved = true
      // Plain assignments rather than object spreads: this loop is the engine's hot path.
      if (rule.kind === 'finding') {
        if (rule.severity === 'blocker') blocked = true
        const finding: Finding = {
          ruleId: rule.id,
          regime: pack.id,
          severity: rule.severity,
          citation: rule.citation,
          message: texts ? texts.message : fill(rule.message, derived),
          remediation: texts ? texts.remediation : rule.remediation,
          questionIds: missing ? withMissing(rule.questionIds, missing) : rule.questionIds,
        }
        if (rule.unverified) finding.unverified = true
        if (missing) addMissing(finding, missing)
        findings.push(finding)
      } else if (rule.kind === 'condition') {
        conditional = true
        const condition: AssessmentCondition = {
          id: rule.id,
          regime: pack.id,
          kind: rule.conditionKind,
          citation: rule.citation,
          text: texts ? `${fill(rule.message, derived)} ${texts.clause}` : fill(rule.message, derived),
          remediation: texts ? texts.remediation : rule.remediation,
        }
        if (rule.unverified) condition.unverified = true
        if (missing) addMissing(condition, missing)
        conditions.push(condition)
      } else {
        const limit: RecommendationLimit = {
          ruleId: rule.id,
          regime: pack.id,
          model: rule.model,
          citation: rule.citation,
          reason: texts ? `${rule.reason} ${texts.clause}` : rule.reason,
        }
        if (missing) addMissing(limit, missing)
        limits.push(limit)
      }
    }
    if (blocked) dropConditionsAnsweredByBlockers(findings, conditions, pack.id)
    regimes.push({
      id: pack.id,
      status: blocked ? 'non-compliant' : conditional || unresolved ? 'conditional' : 'compliant',
    })
  }

  const certificateFinding = iso27001EditionFinding(derived, applicable, asOf)
  if (certificateFinding) findings.push(certificateFinding)

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
  const { score, sections } = scoreAnswers(questionnaire, answers, visible, derived.validCertificationTypes ?? [])

  const warnings: string[] = []
  if (!derived.anyLocationAnswered) {
    warnings.push(
      'No storage, backup, personnel or subprocessor country was answered; the vendor is treated as offshore.',
    )
  } else if (derived.locationListsMissing.length > 0) {
    warnings.push(
      `Not answered: ${derived.locationListsMissing.join(', ')}; until they are, the vendor is treated as offshore.`,
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
      residualRisk: residualRiskOf(findings, score),
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

/**
 * A condition that fired only because an answer is missing, while a blocker of the same regime asks
 * for that same answer, is the other face of that blocker: unanswered "will you sign the SCCs?" both
 * blocks (no mechanism) and would be the mechanism. The blocker decides the verdict either way, so
 * the condition is dropped rather than listed as a step to take.
 */
function dropConditionsAnsweredByBlockers(findings: Finding[], conditions: AssessmentCondition[], regime: RegimeId) {
  if (!conditions.some((c) => c.regime === regime && (c.missingAnswers || c.notAsked))) return
  const asked = new Set<string>()
  for (const f of findings)
    if (f.regime === regime && f.severity === 'blocker') for (const id of f.missingAnswers ?? []) asked.add(id)
  for (const f of findings)
    if (f.regime === regime && f.severity === 'blocker') for (const id of f.notAsked ?? []) asked.add(id)
  for (let i = conditions.length - 1; i >= 0; i--) {
    const c = conditions[i]!
    if (c.regime !== regime) continue
    const ids = [...(c.missingAnswers ?? []), ...(c.notAsked ?? [])]
    if (ids.length > 0 && ids.some((id) => asked.has(id))) conditions.splice(i, 1)
  }
}

/** `{derived.sanctionedCountries}` in a message becomes the fact's value ("CU, IR"). */
const placeholders = new Map<string, boolean>()
function fill(message: string, derived: DerivedFacts): string {
  let has = placeholders.get(message)
  if (has === undefined) {
    has = message.includes('{derived.')
    placeholders.set(message, has)
  }
  if (!has) return message
  return message.replace(/\{derived\.([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = (derived as unknown as Record<string, unknown>)[name]
    return Array.isArray(value) ? value.join(', ') : value === undefined ? whole : String(value)
  })
}

/** The texts of a rule that fired on missing answers. */
type MissingTexts = { clause: string; message: string; remediation: string }

/**
 * The texts depend on the rule only through its citation and remediation; the part that names the
 * missing answers is built once per set of missing answers and assessment, and shared by every rule
 * that fired on it (concatenation keeps the rest cheap).
 */
function missingTexts(missing: Missing, rule: Rule, questionnaire: QuestionnaireDefinition): MissingTexts {
  if (missing.clause === undefined || missing.ask === undefined) {
    const shared = sharedTexts(missing, questionnaire)
    missing.clause = shared.clause
    missing.ask = shared.ask
  }
  return {
    clause: missing.clause,
    message: `This requirement (${rule.citation}) cannot be confirmed without the vendor's answer, so it counts as not met. ${missing.clause}`,
    remediation: `${missing.ask} What the answers must show: ${rule.remediation}`,
  }
}

/** The same gaps recur across vendors: their texts are kept per questionnaire (bounded). */
const sharedCache = new WeakMap<QuestionnaireDefinition, Map<string, { clause: string; ask: string }>>()
function sharedTexts(missing: Missing, questionnaire: QuestionnaireDefinition) {
  let cache = sharedCache.get(questionnaire)
  if (!cache) {
    cache = new Map()
    sharedCache.set(questionnaire, cache)
  }
  const key = missing.key
  let texts = cache.get(key)
  if (texts === undefined) {
    texts = { clause: missingClause(missing, questionnaire), ask: missingAsk(missing, questionnaire) }
    if (cache.size >= 5_000) cache.clear()
    cache.set(key, texts)
  }
  return texts
}

const describedCache = new WeakMap<QuestionnaireDefinition, Map<string, string>>()
function describe(ids: readonly string[], questionnaire: QuestionnaireDefinition): string {
  let cache = describedCache.get(questionnaire)
  if (!cache) {
    cache = new Map()
    describedCache.set(questionnaire, cache)
  }
  let out = ''
  for (const id of ids) {
    let text = cache.get(id)
    if (text === undefined) {
      const prompt = questionsById(questionnaire).get(id)?.prompt.en
      text = prompt ? `“${prompt}” (${id})` : id
      cache.set(id, text)
    }
    out = out === '' ? text : `${out}; ${text}`
  }
  return out
}

// The texts below are built by concatenation, never `join`: V8 keeps a concatenation as a cheap
// rope until the text is read, and this runs for every rule that fires on a missing answer.
const list = (ids: readonly string[]) => {
  let out = ''
  for (const id of ids) out = out === '' ? id : `${out}, ${id}`
  return out
}

function missingClause(missing: Missing, questionnaire: QuestionnaireDefinition): string {
  let parts = ''
  const add = (part: string) => {
    parts = parts === '' ? part : `${parts}; ${part}`
  }
  if (missing.unanswered.length) add(`not answered: ${describe(missing.unanswered, questionnaire)}`)
  if (missing.unknown.length) add(`answered “unknown”: ${describe(missing.unknown, questionnaire)}`)
  if (missing.notAsked.length) {
    add(
      `not asked in this questionnaire version (${questionnaire.id} v${questionnaire.version}): ${list(missing.notAsked)}`,
    )
  }
  return `Shoreline assumes the answer that fails this until it has one (${parts}).`
}

function missingAsk(missing: Missing, questionnaire: QuestionnaireDefinition): string {
  let steps = ''
  if (missing.answers.length) steps = `Ask the vendor to answer ${list(missing.answers)}.`
  if (missing.notAsked.length) {
    const notAsked = `Ask the questions that ${questionnaire.id} v${questionnaire.version} does not contain (${list(missing.notAsked)}), e.g. in a remediation request.`
    steps = steps === '' ? notAsked : `${steps} ${notAsked}`
  }
  return steps
}

/** The rule's questions and the ones to ask (the rule's own list when it already names them all). */
function withMissing(questionIds: readonly string[], missing: Missing): string[] {
  let out: string[] | undefined
  for (const ids of [missing.answers, missing.notAsked]) {
    for (const id of ids) {
      if ((out ?? questionIds).includes(id)) continue
      out ??= [...questionIds]
      out.push(id)
    }
  }
  return out ?? (questionIds as string[])
}

function addMissing(target: MissingAnswers, missing: Missing): void {
  if (missing.answers.length) target.missingAnswers = missing.answers
  if (missing.notAsked.length) target.notAsked = missing.notAsked
}

/** ISO/IEC 27001:2013 certificates are void since 2025-11-01 (IAF MD 26): one without an edition is asked about. */
const ISO27001_EDITION_MATTERS_FROM = '2025-11-01'

/**
 * Contract v1.1: an `iso27001` entry without `edition` counts as held, with a finding that asks for
 * the edition. A certificate belongs to no one law, so the finding is reported once, under the first
 * applicable regime (none applies: the certificate register's warning is all there is).
 */
function iso27001EditionFinding(
  derived: DerivedFacts,
  applicable: readonly RegimePack[],
  asOf: string,
): Finding | undefined {
  const first = applicable[0]
  if (!first || asOf < ISO27001_EDITION_MATTERS_FROM) return undefined
  const withoutEdition = derived.certificates.filter(
    (c) => c.editionMissing && (c.status === 'valid' || c.status === 'expiring'),
  )
  if (withoutEdition.length === 0) return undefined
  return {
    ruleId: 'certificates.iso27001-edition',
    regime: first.id,
    severity: 'low',
    citation: 'IAF MD 26 (ISO/IEC 27001:2013 certificates void after 2025-10-31)',
    message: `An ISO/IEC 27001 certificate (issued ${withoutEdition.map((c) => c.issued).join(', ')}) was given without its edition. It counts as held, but a 2013 certificate has been void since 2025-11-01.`,
    remediation:
      'Ask the vendor for the edition printed on the certificate (2013 or 2022), with the certificate itself.',
    questionIds: ['certifications.held'],
  }
}
