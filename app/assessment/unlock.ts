import {
  buyerAction,
  DEFAULT_POLICY,
  policyBlockers,
  type RiskPolicy,
  riskRank,
  VERDICT_RANK,
} from '../appetite/policy.ts'
import { factsOf } from '../conditions/condition.ts'
import { LOCATION_CLASSES, type LocationClass } from '../geography/location-class.ts'
import { type Answers, type CertificationAnswer, questionsById } from '../questionnaire/answers.ts'
import type { Question } from '../questionnaire/definition.ts'
import type { Profile } from '../regulations/profile.ts'
import { type AssessInput, type Assessment, assess, ruleInputs } from './engine.ts'
import {
  type AnswerLever,
  isProfileLever,
  LEVER_EFFORTS,
  type Lever,
  type LeverEffort,
  type LeverParty,
  type ProfileLever,
} from './lever.ts'
import type { Rule } from './regime-pack.ts'

/**
 * "What would change this": for one vendor's assessment, the smallest sets of changes that would
 * (a) clear its blockers (`target: "verdict"`), (b) bring its residual risk within the engagement's
 * appetite (`"risk"`), or (c) widen the recommended model by removing what needs an approval
 * (`"model"`). Changes come only from the levers the applicable regime packs declare (lever.ts):
 * the vendor's (`by: "vendor"`: its answers) and, searched apart, the buyer's own choices
 * (`by: "buyer"`: de-identified data, fewer individuals than a threshold, keys it holds).
 *
 * Every suggestion is verified by re-running the assessment with its changes: it reaches its
 * target, and no rule fires that did not fire before (no new finding above `info`, approval or
 * limit; a transfer mechanism may appear, since mechanisms change the verdict, not the model), and
 * neither the verdict, the model nor the residual risk gets worse. It names every rule it clears
 * and their citations. At most three changes; the smallest sets only (a larger set is tried only
 * when no smaller one works); ordered by number of changes, then effort (contract term < process <
 * certification < relocation), then the first rule cleared (DECISIONS.md). Pure and deterministic:
 * the same inputs give the same suggestions, whatever order the packs declare their levers in.
 *
 * @example unlock(input, { policy: { appetite: 'medium', blockingRules: [] } })
 *   // [{ target: 'verdict', to: 'approve', by: 'vendor', effort: 'contract-term',
 *   //    changes: [{ questionId: 'contract.baa', value: true }], labels: ['sign a business associate agreement'],
 *   //    clears: ['hipaa.baa-required'], citations: ['45 CFR 164.308(b)(1); 164.502(e); 164.504(e)'] }]
 */

export const UNLOCK_TARGETS = ['verdict', 'risk', 'model'] as const
export type UnlockTarget = (typeof UNLOCK_TARGETS)[number]

/** One change of a suggestion: a vendor's answer, or a fact of the buyer's profile. */
export type SuggestedChange = { questionId: string; value: unknown } | { profileFact: string; value: unknown }

/**
 * A verified suggestion: the stored shape (`assessment.appetite_json` → `suggestions`, docs/APPETITE.md), the CLI's `unlock` entries
 * (without `labels`) and what a remediation request can be pre-filled from (`changes` by question).
 */
export type Suggestion = {
  target: UnlockTarget
  /** What the target becomes: a verdict, a residual risk or a location class. */
  to: string
  by: LeverParty
  changes: SuggestedChange[]
  /** The lever's plain words for each change, in the same order. */
  labels: string[]
  /** Every rule that fired before and no longer does, sorted. */
  clears: string[]
  /** The citations of the rules cleared, in the order of `clears`, each once. */
  citations: string[]
  /** The costliest change's effort. */
  effort: LeverEffort
}

export type UnlockOptions = {
  policy?: RiskPolicy
  /** The assessment of `input` when the caller has it (saves one run). */
  base?: Assessment
  /** Only these targets and parties (default: all). */
  targets?: readonly UnlockTarget[]
  parties?: readonly LeverParty[]
}

/** At most this many changes per suggestion (DECISIONS.md). */
export const MAX_CHANGES = 3
/** At most this many suggestions per target and party. */
export const SUGGESTIONS_PER_TARGET = 3
/**
 * Re-assessments one search (a target and a party) and one vendor may spend. Sets are tried
 * smallest and cheapest first, and only those that touch every rule to clear, so a budget runs out
 * only for vendors with many blockers that three changes rarely clear; it bounds the time per
 * vendor (a search stopped by it says so, and proves nothing by finding nothing).
 */
export const VERIFICATIONS_PER_SEARCH = 32
export const VERIFICATIONS_PER_VENDOR = 64

const EFFORT_RANK = new Map<LeverEffort, number>(LEVER_EFFORTS.map((effort, i) => [effort, i]))
const MODEL_RANK = new Map<LocationClass, number>(LOCATION_CLASSES.map((model, i) => [model, i]))

/** A lever made concrete for this vendor: the change it makes, or nothing when it would change nothing. */
type Candidate = {
  party: LeverParty
  effort: number
  label: string
  /** The question or profile fact it changes: one change per subject in a suggestion. */
  subject: string
  change: SuggestedChange
  /** The question it answers (answer levers), or the profile fact it changes. */
  fact: string
  profile: boolean
  scored: boolean
  key: string
  /** The rules that fired which this change can affect (filled in by `touchedRules`). */
  touches: Set<string>
  /** A profile change that alone raises the score (visibility can hide unscored questions). */
  raisesScore: boolean
}

/** What fired in an assessment: findings, conditions and limits, by rule id. */
type Fired = Map<
  string,
  { kind: 'finding' | 'condition' | 'limit'; severity?: string; conditionKind?: string; citation: string }
>

function firedRules(assessment: Assessment): Fired {
  const fired: Fired = new Map()
  for (const f of assessment.findings)
    fired.set(f.ruleId, { kind: 'finding', severity: f.severity, citation: f.citation })
  for (const c of assessment.conditions)
    fired.set(c.id, { kind: 'condition', conditionKind: c.kind, citation: c.citation })
  for (const l of assessment.recommendation.limits) fired.set(l.ruleId, { kind: 'limit', citation: l.citation })
  return fired
}

/**
 * The rules `next` fires that `base` did not (a finding above `info`, an approval or a limit; a
 * transfer mechanism or an info finding may appear): empty when nothing got worse. When the verdict,
 * the model or the residual risk got worse without any such rule, the answer is `null`.
 */
function newlyFired(base: Assessment, baseFired: Fired, next: Assessment): string[] | null {
  const out: string[] = []
  for (const f of next.findings) if (f.severity !== 'info' && !baseFired.has(f.ruleId)) out.push(f.ruleId)
  for (const c of next.conditions) if (c.kind === 'approval' && !baseFired.has(c.id)) out.push(c.id)
  for (const l of next.recommendation.limits) if (!baseFired.has(l.ruleId)) out.push(l.ruleId)
  if (out.length > 0) return out
  const worse =
    VERDICT_RANK[next.verdict] < VERDICT_RANK[base.verdict] ||
    (MODEL_RANK.get(next.recommendation.model) ?? 0) < (MODEL_RANK.get(base.recommendation.model) ?? 0) ||
    riskRank(next.residualRisk) > riskRank(base.residualRisk)
  return worse ? null : out
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Points a scored choice earns (undefined when the question does not score by value). */
function pointsOf(question: Question, value: unknown): number | undefined {
  if (question.scoring?.kind !== 'byValue' || value === undefined) return undefined
  return question.scoring.points[String(value)]
}

function answerCandidate(
  lever: AnswerLever,
  input: AssessInput,
  base: Assessment,
  questions: Map<string, Question>,
): Candidate | undefined {
  const question = questions.get(lever.questionId)
  if (!question) return undefined // not asked in this questionnaire version: a remediation request asks it
  const current = input.answers[lever.questionId]
  let value: unknown
  if (lever.addCertificate) {
    const held = base.certifications.some(
      (c) =>
        c.type === lever.addCertificate?.type &&
        (c.status === 'valid' || c.status === 'expiring') &&
        (lever.addCertificate.assessor === undefined || c.assessor === lever.addCertificate.assessor),
    )
    if (held) return undefined
    const certificate: CertificationAnswer = { ...lever.addCertificate, issued: input.asOf }
    value = [...(Array.isArray(current) ? (current as CertificationAnswer[]) : []), certificate]
  } else if (lever.valueFrom === 'homeCountry') {
    value = question.type === 'country-list' ? [input.profile.homeCountry] : input.profile.homeCountry
  } else if (lever.valueFrom === 'asOf') {
    value = input.asOf
  } else {
    value = lever.value
  }
  if (sameJson(current, value)) return undefined
  if (typeof current === 'number' && typeof value === 'number') {
    if (lever.improves === 'lower' && current <= value) return undefined
    if (lever.improves === 'higher' && current >= value) return undefined
  }
  const now = pointsOf(question, current)
  const then = pointsOf(question, value)
  if (now !== undefined && then !== undefined && now >= then) return undefined
  return {
    party: lever.by,
    effort: EFFORT_RANK.get(lever.effort) ?? 0,
    label: lever.label,
    subject: lever.questionId,
    change: { questionId: lever.questionId, value },
    fact: lever.questionId,
    profile: false,
    scored: question.scoring !== undefined,
    key: `${lever.by}|${lever.questionId}|${JSON.stringify(value)}`,
    touches: new Set(),
    raisesScore: false,
  }
}

const VOLUME_PREFIX = 'profile.volumes.'

function profileCandidate(lever: ProfileLever, profile: Profile): Candidate | undefined {
  let value: unknown
  if (lever.without !== undefined) {
    if (!(profile.dataCategories as readonly string[]).includes(lever.without)) return undefined
    value = profile.dataCategories.filter((c) => c !== lever.without)
  } else {
    const volumes = profile.volumes as Record<string, number>
    const current = volumes[lever.profileFact.slice(VOLUME_PREFIX.length)]
    if (current === undefined || lever.value === undefined || current <= lever.value) return undefined
    value = lever.value
  }
  return {
    party: 'buyer',
    effort: EFFORT_RANK.get(lever.effort) ?? 0,
    label: lever.label,
    subject: lever.profileFact,
    change: { profileFact: lever.profileFact, value },
    fact: lever.profileFact,
    profile: true,
    scored: false,
    key: `buyer|${lever.profileFact}|${JSON.stringify(value)}`,
    touches: new Set(),
    raisesScore: false,
  }
}

/** The levers of the applicable packs, made concrete for this vendor, distinct and in a fixed order. */
function candidatesOf(input: AssessInput, base: Assessment): Candidate[] {
  const questions = questionsById(input.questionnaire)
  const byKey = new Map<string, Candidate>()
  const packs = [...input.regimes].sort((a, b) => compare(a.id, b.id))
  for (const pack of packs) {
    if (!base.applicableRegimes.includes(pack.id)) continue
    for (const lever of (pack.levers ?? []) as Lever[]) {
      const candidate = isProfileLever(lever)
        ? profileCandidate(lever, input.profile)
        : answerCandidate(lever, input, base, questions)
      if (!candidate) continue
      const known = byKey.get(candidate.key)
      // Declared in two packs: the cheaper effort and the first label in pack order stand.
      if (!known || candidate.effort < known.effort) byKey.set(candidate.key, candidate)
    }
  }
  return [...byKey.values()].sort(byOrder)
}

/** The candidates' fixed order: cheapest first, then by question and value. */
function byOrder(a: Candidate, b: Candidate): number {
  return a.effort - b.effort || compare(a.subject, b.subject) || compare(a.key, b.key)
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * What the search shares for one vendor: the base assessment, what fired in it, and every
 * re-assessment made so far (the same set of changes serves several targets).
 */
type Context = {
  input: AssessInput
  base: Assessment
  baseFired: Fired
  rules: Map<string, Rule>
  memo: Map<string, Assessment>
  /** Verifications left for this vendor. */
  budget: number
}

/** The assessment with a set of changes applied (once per set). */
function reassess(context: Context, combo: readonly Candidate[]): Assessment {
  const key = combo.map((c) => c.key).join('&')
  const known = context.memo.get(key)
  if (known) return known
  const { input } = context
  let answers: Answers | undefined
  let profile: Profile | undefined
  for (const candidate of combo) {
    const change = candidate.change
    if ('questionId' in change) {
      answers ??= { ...input.answers }
      answers[change.questionId] = change.value
    } else {
      profile ??= { ...input.profile, volumes: { ...input.profile.volumes } }
      if (change.profileFact === 'profile.dataCategories') {
        profile.dataCategories = change.value as Profile['dataCategories']
      } else {
        const volume = change.profileFact.slice(VOLUME_PREFIX.length)
        ;(profile.volumes as Record<string, number>)[volume] = change.value as number
      }
    }
  }
  const next = assess({ ...input, answers: answers ?? input.answers, profile: profile ?? input.profile }).assessment
  context.memo.set(key, next)
  return next
}

/** The facts a condition reads, once per condition object (packs are parsed once). */
const factsCache = new WeakMap<object, readonly string[]>()
function factsRead(condition: Rule['when']): readonly string[] {
  let facts = factsCache.get(condition)
  if (!facts) {
    facts = factsOf(condition)
    factsCache.set(condition, facts)
  }
  return facts
}

/** Whether an answer change can affect a rule: the rule reads its question, directly or through a derived fact. */
function reads(context: Context, ruleId: string, candidate: Candidate): boolean {
  if (candidate.profile) return true
  const rule = context.rules.get(ruleId)
  // A finding no pack defines (the certificate edition) reads the certificates.
  return rule ? ruleInputs(rule).includes(candidate.fact) : candidate.fact === 'certifications.held'
}

/**
 * Which of the rules that fired each candidate can affect: an answer change, the rules that read
 * its question (directly or through a derived fact); a profile change, the rules that read the
 * profile fact or belong to a regime whose applicability does, and whatever it clears on its own
 * (a derived fact can read the profile too: China's volume thresholds).
 */
function touchedRules(context: Context, candidates: readonly Candidate[]): void {
  const { input, base, baseFired } = context
  const fired = [...baseFired.keys()]
  const packOf = new Map<string, (typeof input.regimes)[number]>()
  for (const pack of input.regimes) for (const rule of pack.rules) packOf.set(rule.id, pack)
  for (const candidate of candidates) {
    if (!candidate.profile) {
      for (const id of fired) if (reads(context, id, candidate)) candidate.touches.add(id)
      continue
    }
    for (const id of fired) {
      const rule = context.rules.get(id)
      const pack = packOf.get(id)
      if (
        (rule && factsRead(rule.when).includes(candidate.fact)) ||
        (pack && factsRead(pack.appliesWhen).includes(candidate.fact))
      )
        candidate.touches.add(id)
    }
    const alone = reassess(context, [candidate])
    const stillFired = firedRules(alone)
    for (const id of fired) if (!stillFired.has(id)) candidate.touches.add(id)
    candidate.raisesScore = alone.score > base.score
  }
}

/** What one target asks of a changed assessment, and the rules that stand in its way. */
type Goal = {
  target: UnlockTarget
  reached: (next: Assessment) => boolean
  to: (next: Assessment) => string
  /** Rules that must stop firing: a set of changes must touch each one's questions. */
  rules: string[]
  /** The score the target needs when the base falls short of it (a scored answer must change). */
  scoreBelow: boolean
}

/** The score residual risk needs to be at most `appetite` (contract v1.1: below 50 is high, below 70 medium). */
const SCORE_FOR: Record<RiskPolicy['appetite'], number> = { low: 70, medium: 50, high: 0 }
const TOO_SEVERE: Record<RiskPolicy['appetite'], readonly string[]> = {
  low: ['blocker', 'high', 'medium'],
  medium: ['blocker', 'high'],
  high: ['blocker'],
}

function goalsOf(base: Assessment, policy: RiskPolicy): Goal[] {
  const goals: Goal[] = []
  if (base.verdict === 'reject') {
    goals.push({
      target: 'verdict',
      reached: (next) => next.verdict !== 'reject',
      to: (next) => next.verdict,
      rules: base.findings.filter((f) => f.severity === 'blocker').map((f) => f.ruleId),
      scoreBelow: false,
    })
  }
  if (buyerAction(base, policy) !== 'within-appetite') {
    const severe = TOO_SEVERE[policy.appetite]
    const raised = policyBlockers(base, policy)
    goals.push({
      target: 'risk',
      reached: (next) => buyerAction(next, policy) === 'within-appetite',
      to: (next) => next.residualRisk,
      rules: base.findings.filter((f) => severe.includes(f.severity) || raised.includes(f.ruleId)).map((f) => f.ruleId),
      scoreBelow: base.score < SCORE_FOR[policy.appetite],
    })
  }
  const model = base.recommendation.model
  if (model !== 'offshore') {
    const rank = MODEL_RANK.get(model) ?? 0
    goals.push({
      target: 'model',
      reached: (next) => (MODEL_RANK.get(next.recommendation.model) ?? 0) > rank,
      to: (next) => next.recommendation.model,
      rules: base.recommendation.limits.filter((l) => l.model === model).map((l) => l.ruleId),
      scoreBelow: false,
    })
  }
  return goals
}

/**
 * The smallest verified sets of `candidates` that reach `goal`, best first; `exhausted` when every
 * set up to MAX_CHANGES that could work was tried (so an empty answer proves there is none).
 */
function search(
  context: Context,
  candidates: readonly Candidate[],
  goal: Goal,
  party: LeverParty,
): { suggestions: Suggestion[]; exhausted: boolean } {
  const { base, baseFired } = context
  const needsScore = goal.scoreBelow
  const raisesScore = (c: Candidate) => c.scored || c.raisesScore
  const relevant = candidates.filter((c) => goal.rules.some((r) => c.touches.has(r)) || (needsScore && raisesScore(c)))
  // A rule no lever touches cannot be cleared: nothing to try.
  if (goal.rules.some((r) => !relevant.some((c) => c.touches.has(r)))) return { suggestions: [], exhausted: true }

  // What each candidate touches as a bit mask over the rules to clear (and one bit for the score):
  // a set of changes is worth verifying only when together they touch every one of them.
  const bits = goal.rules.length + (needsScore ? 1 : 0)
  const words = Math.max(1, Math.ceil(bits / 32))
  const masks = relevant.map((c) => {
    const mask = new Uint32Array(words)
    goal.rules.forEach((r, i) => {
      if (c.touches.has(r)) mask[i >>> 5]! |= 1 << (i & 31)
    })
    if (needsScore && raisesScore(c)) mask[goal.rules.length >>> 5]! |= 1 << (goal.rules.length & 31)
    return mask
  })
  const full = new Uint32Array(words)
  for (let i = 0; i < bits; i++) full[i >>> 5]! |= 1 << (i & 31)
  const covered = (mask: Uint32Array) => mask.every((word, w) => (word & full[w]!) >>> 0 === full[w]! >>> 0)

  let budget = VERIFICATIONS_PER_SEARCH
  let stopped = false
  /** Sets that clear the rules in the way but make others fire: one more change may keep those quiet. */
  let repairable: { combo: Candidate[]; fired: string[] }[] = []
  for (let size = 1; size <= MAX_CHANGES && !stopped; size++) {
    const found: Suggestion[] = []
    // Once enough are found, a costlier set can no longer make the list.
    let effortBound = Number.POSITIVE_INFINITY
    const broke: typeof repairable = []
    const tryCombo = (combo: Candidate[]) => {
      if (budget-- <= 0 || context.budget-- <= 0) {
        stopped = true
        return
      }
      const next = reassess(context, combo)
      const fired = newlyFired(base, baseFired, next)
      if (fired === null) return
      if (fired.length > 0) {
        // It cleared what it had to, but set other rules off: worth one more change, if one fits.
        const stillFired = firedRules(next)
        if (goal.rules.every((r) => !stillFired.has(r))) broke.push({ combo, fired })
        return
      }
      if (!goal.reached(next)) return
      const suggestion = suggestionOf(goal, party, combo, next, baseFired)
      if (found.some((f) => JSON.stringify(f.changes) === JSON.stringify(suggestion.changes))) return
      found.push(suggestion)
      if (found.length >= SUGGESTIONS_PER_TARGET)
        effortBound = Math.max(...best(found).map((f) => EFFORT_RANK.get(f.effort) ?? 0))
    }
    for (const { combo, fired } of repairable) {
      for (const extra of candidates) {
        if (stopped) break
        if (combo.some((c) => c.subject === extra.subject) || extra.effort > effortBound) continue
        if (!fired.every((id) => reads(context, id, extra))) continue
        tryCombo([...combo, extra].sort(byOrder))
      }
    }
    const chosen: number[] = []
    const stack = Array.from({ length: size + 1 }, () => new Uint32Array(words))
    const visit = (from: number, depth: number) => {
      for (let i = from; i < relevant.length && !stopped; i++) {
        const candidate = relevant[i]!
        if (candidate.effort > effortBound) continue
        if (chosen.some((j) => relevant[j]!.subject === candidate.subject)) continue
        const acc = stack[depth + 1]!
        for (let w = 0; w < words; w++) acc[w] = stack[depth]![w]! | masks[i]![w]!
        chosen.push(i)
        if (depth + 1 < size) visit(i + 1, depth + 1)
        else if (covered(acc)) tryCombo(chosen.map((j) => relevant[j]!))
        chosen.pop()
      }
    }
    visit(0, 0)
    if (found.length > 0) return { suggestions: best(found), exhausted: !stopped }
    repairable = broke
  }
  return { suggestions: [], exhausted: !stopped }
}

const best = (found: Suggestion[]) => found.sort(compareSuggestions).slice(0, SUGGESTIONS_PER_TARGET)

function suggestionOf(
  goal: Goal,
  party: LeverParty,
  combo: readonly Candidate[],
  next: Assessment,
  baseFired: Fired,
): Suggestion {
  const nextFired = firedRules(next)
  const clears = [...baseFired.keys()].filter((id) => !nextFired.has(id)).sort(compare)
  const citations: string[] = []
  for (const id of clears) {
    const citation = baseFired.get(id)?.citation
    if (citation && !citations.includes(citation)) citations.push(citation)
  }
  const effort = Math.max(...combo.map((c) => c.effort))
  return {
    target: goal.target,
    to: goal.to(next),
    by: party,
    changes: combo.map((c) => c.change),
    labels: combo.map((c) => c.label),
    clears,
    citations,
    effort: LEVER_EFFORTS[effort] ?? 'relocation',
  }
}

const TARGET_RANK = new Map<UnlockTarget, number>(UNLOCK_TARGETS.map((t, i) => [t, i]))

/** Smallest first, then cheapest, then by the first rule cleared; the rest only makes the order total. */
export function compareSuggestions(a: Suggestion, b: Suggestion): number {
  return (
    a.changes.length - b.changes.length ||
    (EFFORT_RANK.get(a.effort) ?? 0) - (EFFORT_RANK.get(b.effort) ?? 0) ||
    compare(a.clears[0] ?? '', b.clears[0] ?? '') ||
    // The vendor's change before the buyer's own choice, all else equal (the usual way out).
    compare(b.by, a.by) ||
    (TARGET_RANK.get(a.target) ?? 0) - (TARGET_RANK.get(b.target) ?? 0) ||
    compare(JSON.stringify(a.changes), JSON.stringify(b.changes))
  )
}

/** The suggestions for one vendor's assessment, vendor's and buyer's, smallest first. */
export function unlock(input: AssessInput, options: UnlockOptions = {}): Suggestion[] {
  const policy = options.policy ?? DEFAULT_POLICY
  const base = options.base ?? assess(input).assessment
  const goals = goalsOf(base, policy).filter((goal) => !options.targets || options.targets.includes(goal.target))
  if (goals.length === 0) return []
  const rules = new Map<string, Rule>()
  for (const pack of input.regimes) for (const rule of pack.rules) rules.set(rule.id, rule)
  const context: Context = {
    input,
    base,
    baseFired: firedRules(base),
    rules,
    memo: new Map(),
    budget: VERIFICATIONS_PER_VENDOR,
  }
  const candidates = candidatesOf(input, base)
  touchedRules(context, candidates)
  const out: Suggestion[] = []
  for (const party of options.parties ?? (['vendor', 'buyer'] as const)) {
    const mine = candidates.filter((c) => c.party === party)
    if (mine.length === 0) continue
    let blockersStay = false
    for (const goal of goals) {
      // Risk within appetite needs the blockers cleared too: when no set clears them, none does both.
      if (goal.target === 'risk' && blockersStay) continue
      const { suggestions, exhausted } = search(context, mine, goal, party)
      if (goal.target === 'verdict' && suggestions.length === 0 && exhausted) blockersStay = true
      out.push(...suggestions)
    }
  }
  return out.sort(compareSuggestions)
}

/** A limit on the model, as the ceiling reports it. */
export type ModelLimit = { ruleId: string; regime: string; model: LocationClass; citation: string; reason: string }

/**
 * How far the law lets this profile's work go (the engagement's "furthest allowed"), without any
 * vendor yet: the model of a vendor that pulls every lever the applicable packs declare (the
 * best practice the packs know: end-to-end encryption, FIPS modules, data kept at home …), beside
 * the model of a vendor that answered nothing (the fail-safe outlook). `lifted` are the limits
 * such a vendor can earn its way out of (ITAR's carve-out), `limits` those that stay for this
 * profile whatever the vendor does (a Chinese buyer over the CAC thresholds, a DFARS cloud service),
 * and `buyerChoices` the buyer's own changes that would widen it further (fewer individuals).
 */
export type Ceiling = {
  model: LocationClass
  failSafeModel: LocationClass
  limits: ModelLimit[]
  lifted: ModelLimit[]
  buyerChoices: Suggestion[]
}

const ceilingCache = new Map<string, Ceiling>()
let ceilingRegimes: AssessInput['regimes'] | undefined

export function profileCeiling(input: Omit<AssessInput, 'answers'>): Ceiling {
  // Deterministic in its inputs, and the same for every vendor of an engagement: kept (bounded).
  const key = `${input.questionnaire.id}@${input.questionnaire.version}|${input.asOf}|${JSON.stringify(input.profile)}`
  const known = input.regimes === ceilingRegimes ? ceilingCache.get(key) : undefined
  if (known) return known
  const empty: AssessInput = { ...input, answers: {} }
  const failSafe = assess(empty).assessment
  const answers: Answers = {}
  for (const candidate of candidatesOf(empty, failSafe)) {
    const change = candidate.change
    if (candidate.party !== 'vendor' || !('questionId' in change)) continue
    if (change.questionId === 'certifications.held') {
      answers[change.questionId] = [
        ...((answers[change.questionId] as unknown[]) ?? []),
        ...(change.value as unknown[]),
      ]
    } else if (!(change.questionId in answers)) answers[change.questionId] = change.value
  }
  const ideal = assess({ ...input, answers }).assessment
  // The rule's own reason: the fail-safe run appends what its empty answers leave unknown.
  const reasons = new Map<string, string>()
  for (const pack of input.regimes)
    for (const rule of pack.rules) if (rule.kind === 'limit') reasons.set(rule.id, rule.reason)
  const limitOf = (l: Assessment['recommendation']['limits'][number]): ModelLimit => ({
    ruleId: l.ruleId,
    regime: l.regime,
    model: l.model,
    citation: l.citation,
    reason: reasons.get(l.ruleId) ?? l.reason,
  })
  const staying = new Set(ideal.recommendation.limits.map((l) => l.ruleId))
  const ceiling: Ceiling = {
    model: ideal.recommendation.model,
    failSafeModel: failSafe.recommendation.model,
    limits: ideal.recommendation.limits.map(limitOf),
    lifted: failSafe.recommendation.limits.filter((l) => !staying.has(l.ruleId)).map(limitOf),
    buyerChoices: unlock({ ...input, answers }, { base: ideal, targets: ['model'], parties: ['buyer'] }),
  }
  if (input.regimes !== ceilingRegimes) {
    ceilingRegimes = input.regimes
    ceilingCache.clear()
  }
  if (ceilingCache.size >= 100) ceilingCache.clear()
  ceilingCache.set(key, ceiling)
  return ceiling
}
