import { type Condition, evaluateCondition, type FactReader } from '../conditions/condition.ts'
import type { QuestionnaireDefinition } from './definition.ts'

/**
 * Which questions a vendor sees, from its answers, the regimes that apply and the buyer's profile.
 * Facts: question ids, `profile.<path>` and `regimes`. Used by scoring (hidden questions neither
 * earn nor count) and by the vendor form on client and server, so it is pure and has no imports
 * beyond the condition evaluator.
 */

export type VisibilityContext = {
  answers: Readonly<Record<string, unknown>>
  regimes: readonly string[]
  profile: unknown
}

export function readPath(root: unknown, path: string): unknown {
  let value = root
  let start = 0
  while (value !== undefined && value !== null) {
    const dot = path.indexOf('.', start)
    const key = dot === -1 ? path.slice(start) : path.slice(start, dot)
    value = (value as Record<string, unknown>)[key]
    if (dot === -1) return value
    start = dot + 1
  }
  return undefined
}

// Profile facts are read by many conditions per assessment: flatten each profile once into a map
// from `profile.<path>` to its value (cached per profile object), so a read is one lookup.
const profileFactCache = new WeakMap<object, Map<string, unknown>>()
export function profileFacts(profile: unknown): Map<string, unknown> {
  if (typeof profile !== 'object' || profile === null) return new Map()
  let facts = profileFactCache.get(profile)
  if (!facts) {
    facts = new Map()
    const walk = (value: unknown, prefix: string) => {
      facts!.set(prefix, value)
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [key, child] of Object.entries(value)) walk(child, `${prefix}.${key}`)
      }
    }
    for (const [key, value] of Object.entries(profile)) walk(value, `profile.${key}`)
    profileFactCache.set(profile, facts)
  }
  return facts
}

export function readProfileFact(profile: unknown, fact: string): unknown {
  return profileFacts(profile).get(fact)
}

export function visibilityFacts(context: VisibilityContext): FactReader {
  const profile = profileFacts(context.profile)
  return (fact) => {
    if (fact === 'regimes') return context.regimes
    if (fact.startsWith('profile.')) return profile.get(fact)
    return context.answers[fact]
  }
}

function visible(condition: Condition | undefined, read: FactReader): boolean {
  return condition === undefined || evaluateCondition(condition, read)
}

/** The ids of the visible questions; a question in a hidden section is hidden. */
export function visibleQuestionIds(definition: QuestionnaireDefinition, context: VisibilityContext): Set<string> {
  const read = visibilityFacts(context)
  const ids = new Set<string>()
  for (const section of definition.sections) {
    if (!visible(section.visibleWhen, read)) continue
    for (const question of section.questions) if (visible(question.visibleWhen, read)) ids.add(question.id)
  }
  return ids
}
