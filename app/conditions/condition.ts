import { isAnswered } from './answered.ts'

/**
 * The one condition language of Shoreline, used by questionnaire visibility (`visibleWhen`),
 * regime applicability (`appliesWhen`) and regime rules (`when`). It follows json-rules-engine's
 * vocabulary: `all` / `any` / `not` over leaves `{ fact, operator, value }`. It is data only: no
 * string expressions, no functions, so definitions serialise, diff and validate.
 *
 * A fact is one of
 * - a question id (`storage.primaryCountries`): the vendor's answer, `undefined` when unanswered;
 * - `profile.<path>` (`profile.homeCountry`, `profile.volumes.usPersonalHealthData`,
 *   `profile.flags.dodContractor`, `profile.dataCategories`, `profile.purposes`);
 * - `regimes`: the ids of the regimes that apply to the engagement (for visibility);
 * - `derived.<name>`: a fact the engine computes from answers, profile and geography
 *   (see `derived-facts.ts`).
 *
 * Example: fire when PHI is in scope and the vendor has not agreed to a BAA (unanswered counts
 * as "no", so the engine fails safe):
 * ```json
 * { "all": [
 *   { "fact": "profile.dataCategories", "operator": "contains", "value": "phi" },
 *   { "fact": "contract.baa", "operator": "notEqual", "value": true } ] }
 * ```
 */

export const OPERATORS = [
  'equal', // actual === value
  'notEqual', // actual !== value (true for an unanswered fact)
  'in', // value is an array and contains actual
  'notIn', // value is an array and does not contain actual (true for an unanswered fact)
  'contains', // actual is an array containing value
  'doesNotContain', // actual is not an array containing value (true for an unanswered fact)
  'containsAny', // actual is an array sharing at least one element with value (an array)
  'containsNone', // actual shares no element with value (true for an unanswered fact)
  'allIn', // actual is an array, every element of which is in value (true for an empty array)
  'gt',
  'gte',
  'lt',
  'lte', // numeric comparisons; false when actual is not a number
  'answered', // actual is an answer by isAnswered (answered.ts): present and not blank text (value ignored)
  'notAnswered', // the opposite of answered (value ignored)
] as const
export type Operator = (typeof OPERATORS)[number]

/** A JSON scalar, or a list of them: what a condition compares a fact with. */
export type ConditionValue = string | number | boolean | null | Array<string | number | boolean | null>

export type FactCondition = { fact: string; operator: Operator; value?: ConditionValue }
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FactCondition

// The zod schemas that check a condition in a definition file live in condition-schema.ts: the
// vendor's section evaluates conditions in the browser and must not build them (README decision 87).

/**
 * Three-valued truth for rules that must fail safe (Kleene's logic): a leaf whose fact is not known
 * is `unknown`; `all` is false if any part is false, else unknown if any part is unknown; `any` is
 * true if any part is true, else unknown if any part is unknown; `not` keeps unknown.
 */
export type Truth = 'true' | 'false' | 'unknown'

/** One leaf as the engine saw it: what it compared and what came out. */
export type LeafTrace = {
  fact: string
  operator: Operator
  value: ConditionValue | undefined
  actual: unknown
  result: boolean | 'unknown'
}

/**
 * A fact is not known when it is unanswered (`undefined`) or answered "unknown" (the value of the
 * yes / no / unknown questions). `null` is an answer ("no single majority owner"), not unknown.
 */
export function isUnknownFact(actual: unknown): boolean {
  return actual === undefined || actual === 'unknown'
}

export type FactReader = (fact: string) => unknown

function asArray(actual: unknown): unknown[] | undefined {
  return Array.isArray(actual) ? actual : undefined
}

function compareLeaf(operator: Operator, actual: unknown, value: ConditionValue | undefined): boolean {
  switch (operator) {
    case 'equal':
      return actual === value
    case 'notEqual':
      return actual !== value
    case 'in':
      return Array.isArray(value) && (value as unknown[]).includes(actual)
    case 'notIn':
      return !(Array.isArray(value) && (value as unknown[]).includes(actual))
    case 'contains':
      return asArray(actual)?.includes(value) ?? false
    case 'doesNotContain':
      return !(asArray(actual)?.includes(value) ?? false)
    case 'containsAny': {
      const list = asArray(actual)
      return !!list && Array.isArray(value) && list.some((item) => (value as unknown[]).includes(item))
    }
    case 'containsNone': {
      const list = asArray(actual)
      return !list || !Array.isArray(value) || !list.some((item) => (value as unknown[]).includes(item))
    }
    case 'allIn': {
      const list = asArray(actual)
      return !!list && Array.isArray(value) && list.every((item) => (value as unknown[]).includes(item))
    }
    case 'gt':
      return typeof actual === 'number' && typeof value === 'number' && actual > value
    case 'gte':
      return typeof actual === 'number' && typeof value === 'number' && actual >= value
    case 'lt':
      return typeof actual === 'number' && typeof value === 'number' && actual < value
    case 'lte':
      return typeof actual === 'number' && typeof value === 'number' && actual <= value
    case 'answered':
      return isAnswered(actual)
    case 'notAnswered':
      return !isAnswered(actual)
  }
}

/**
 * Evaluates a condition against facts. When `trace` is given, every leaf that was evaluated is
 * appended to it with the value it saw, so reports can show why a rule fired without
 * recomputing anything. `all` and `any` short-circuit, like json-rules-engine.
 */
export function evaluateCondition(condition: Condition, read: FactReader, trace?: LeafTrace[]): boolean {
  if ('all' in condition) return condition.all.every((child) => evaluateCondition(child, read, trace))
  if ('any' in condition) return condition.any.some((child) => evaluateCondition(child, read, trace))
  if ('not' in condition) return !evaluateCondition(condition.not, read, trace)
  const actual = read(condition.fact)
  const result = compareLeaf(condition.operator, actual, condition.value)
  trace?.push({ fact: condition.fact, operator: condition.operator, value: condition.value, actual, result })
  return result
}

/** Every fact a condition reads, in order of first appearance. */
export function factsOf(condition: Condition, into: string[] = []): string[] {
  if ('all' in condition) for (const child of condition.all) factsOf(child, into)
  else if ('any' in condition) for (const child of condition.any) factsOf(child, into)
  else if ('not' in condition) factsOf(condition.not, into)
  else if (!into.includes(condition.fact)) into.push(condition.fact)
  return into
}

/**
 * Like `evaluateCondition` with a trace, but without short-circuiting: every leaf is evaluated
 * and traced, so a report can show each leaf's result even when an earlier sibling already
 * decided the outcome (json-rules-engine likewise reports every condition of a rule). The
 * boolean result is the same as `evaluateCondition`'s.
 */
export function evaluateConditionExhaustive(condition: Condition, read: FactReader, trace: LeafTrace[]): boolean {
  if ('all' in condition) {
    let result = true
    for (const child of condition.all) if (!evaluateConditionExhaustive(child, read, trace)) result = false
    return result
  }
  if ('any' in condition) {
    let result = false
    for (const child of condition.any) if (evaluateConditionExhaustive(child, read, trace)) result = true
    return result
  }
  if ('not' in condition) return !evaluateConditionExhaustive(condition.not, read, trace)
  return evaluateCondition(condition, read, trace)
}

/**
 * Evaluates a condition in three-valued logic and traces every leaf (no short-circuit, like
 * `evaluateConditionExhaustive`). `answered` and `notAnswered` always have a definite result; any
 * other leaf whose fact is unknown (see `isUnknownFact`) is `unknown`, and its fact is appended to
 * `unknownFacts` when it decides the outcome (facts of parts that did not matter are dropped).
 *
 * The engine fires a rule when this is `true` or `unknown`: a rule fires unless the answers given
 * rule it out, which is what "an unanswered or unknown answer counts as the answer that fails it"
 * means for a whole condition. Replacing a known fact by an unknown one can only turn a result into
 * `unknown`, never into its opposite, so removing an answer never stops a rule from firing.
 *
 * Example: `{ all: [{ fact: 'contract.baa', operator: 'notEqual', value: true }] }` is `true` for
 * `false`, `false` for `true`, and `unknown` (with unknownFacts `['contract.baa']`) when unanswered.
 */
export function evaluateConditionKleene(
  condition: Condition,
  read: FactReader,
  trace: LeafTrace[],
  unknownFacts: string[],
): Truth {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition
    const parts = isAll ? condition.all : condition.any
    const decisive: Truth = isAll ? 'false' : 'true'
    const mark = unknownFacts.length
    let result: Truth = isAll ? 'true' : 'false'
    for (const child of parts) {
      const value = evaluateConditionKleene(child, read, trace, unknownFacts)
      if (value === decisive) result = decisive
      else if (value === 'unknown' && result !== decisive) result = 'unknown'
    }
    if (result !== 'unknown' && unknownFacts.length !== mark) unknownFacts.length = mark
    return result
  }
  if ('not' in condition) {
    const value = evaluateConditionKleene(condition.not, read, trace, unknownFacts)
    return value === 'unknown' ? value : value === 'true' ? 'false' : 'true'
  }
  const actual = read(condition.fact)
  const definite = condition.operator === 'answered' || condition.operator === 'notAnswered'
  if (!definite && isUnknownFact(actual)) {
    trace.push({
      fact: condition.fact,
      operator: condition.operator,
      value: condition.value,
      actual,
      result: 'unknown',
    })
    unknownFacts.push(condition.fact)
    return 'unknown'
  }
  const result = compareLeaf(condition.operator, actual, condition.value)
  trace.push({ fact: condition.fact, operator: condition.operator, value: condition.value, actual, result })
  return result ? 'true' : 'false'
}

/**
 * `evaluateConditionKleene` compiled once per condition: the tree walk, the operator dispatch and
 * the fact lookup are resolved ahead of time into closures, so evaluating a rule for another vendor
 * is a few direct calls. `access(fact)` returns how to read that fact from a context. Same results,
 * trace and unknown facts as the interpreter (a property test holds them equal).
 */
export type CompiledKleene<C> = (context: C, trace: LeafTrace[], unknownFacts: string[]) => Truth

export function compileConditionKleene<C>(
  condition: Condition,
  access: (fact: string) => (context: C) => unknown,
): CompiledKleene<C> {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition
    const parts = (isAll ? condition.all : condition.any).map((child) => compileConditionKleene(child, access))
    const decisive: Truth = isAll ? 'false' : 'true'
    const neutral: Truth = isAll ? 'true' : 'false'
    return (context, trace, unknownFacts) => {
      const mark = unknownFacts.length
      let result: Truth = neutral
      for (const part of parts) {
        const value = part(context, trace, unknownFacts)
        if (value === decisive) result = decisive
        else if (value === 'unknown' && result !== decisive) result = 'unknown'
      }
      if (result !== 'unknown' && unknownFacts.length !== mark) unknownFacts.length = mark
      return result
    }
  }
  if ('not' in condition) {
    const inner = compileConditionKleene(condition.not, access)
    return (context, trace, unknownFacts) => {
      const value = inner(context, trace, unknownFacts)
      return value === 'unknown' ? value : value === 'true' ? 'false' : 'true'
    }
  }
  const { fact, operator, value } = condition
  const read = access(fact)
  const definite = operator === 'answered' || operator === 'notAnswered'
  return (context, trace, unknownFacts) => {
    const actual = read(context)
    if (!definite && isUnknownFact(actual)) {
      trace.push({ fact, operator, value, actual, result: 'unknown' })
      unknownFacts.push(fact)
      return 'unknown'
    }
    const result = compareLeaf(operator, actual, value)
    trace.push({ fact, operator, value, actual, result })
    return result ? 'true' : 'false'
  }
}
