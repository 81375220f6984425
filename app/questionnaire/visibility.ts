import { type Condition, evaluateCondition, type FactReader } from '../conditions/condition.ts'
import type { QuestionnaireDefinition, Section } from './definition.ts'

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

function visibilityFacts(context: VisibilityContext): FactReader {
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

/** The parts of a section visibility reads: its own condition and its questions' conditions. */
type VisibilitySection = Pick<Section, 'visibleWhen' | 'questions'>

function addVisible(section: VisibilitySection, read: FactReader, into: Set<string>): Set<string> {
  if (!visible(section.visibleWhen, read)) return into
  for (const question of section.questions) if (visible(question.visibleWhen, read)) into.add(question.id)
  return into
}

/**
 * THE definition of "visible": the ids of the questions a vendor sees; a question in a hidden
 * section is hidden. The engine (hidden questions neither earn nor count), the vendor's and the
 * buyer's progress, the section form and the reports all call this module.
 */
export function visibleQuestionIds(definition: QuestionnaireDefinition, context: VisibilityContext): Set<string> {
  const read = visibilityFacts(context)
  const ids = new Set<string>()
  for (const section of definition.sections) addVisible(section, read, ids)
  return ids
}

/**
 * One section's visible question ids, by the same rule: the vendor form re-evaluates its own
 * section as the vendor types, with only the facts that section's conditions read.
 */
export function visibleQuestionIdsInSection(section: VisibilitySection, context: VisibilityContext): Set<string> {
  return addVisible(section, visibilityFacts(context), new Set())
}
