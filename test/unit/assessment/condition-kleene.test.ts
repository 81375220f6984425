import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Condition,
  compileConditionKleene,
  evaluateCondition,
  evaluateConditionKleene,
  type LeafTrace,
} from '#app/conditions/condition.ts'

// The engine fires a rule unless the answers rule it out; these properties are what makes that
// fail safe: a definite result holds whatever the unknown facts turn out to be, and knowing less
// never turns a firing rule off.
const FACTS = ['a', 'b', 'c'] as const
type Facts = Record<(typeof FACTS)[number], boolean | undefined>
const leaf = (fact: string, value: boolean): Condition => ({ fact, operator: 'equal', value })
const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ fact: fc.constantFrom(...FACTS), value: fc.boolean() }).map(({ fact, value }) => leaf(fact, value)),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c
const factsArb = fc.record({
  a: fc.option(fc.boolean(), { nil: undefined }),
  b: fc.option(fc.boolean(), { nil: undefined }),
  c: fc.option(fc.boolean(), { nil: undefined }),
})

function kleene(condition: Condition, facts: Facts) {
  const unknownFacts: string[] = []
  const trace: LeafTrace[] = []
  const result = evaluateConditionKleene(condition, (fact) => facts[fact as 'a'], trace, unknownFacts)
  return { result, unknownFacts, trace }
}

/** Every way of filling in the unknown facts. */
function completions(facts: Facts): Facts[] {
  return FACTS.reduce<Facts[]>(
    (all, fact) =>
      facts[fact] === undefined ? all.flatMap((f) => [true, false].map((v) => ({ ...f, [fact]: v }))) : all,
    [facts],
  )
}

describe('evaluateConditionKleene', () => {
  it('agrees with two-valued evaluation when every fact is known', () => {
    fc.assert(
      fc.property(conditionArb, fc.record({ a: fc.boolean(), b: fc.boolean(), c: fc.boolean() }), (cond, facts) => {
        expect(kleene(cond, facts).result).toBe(String(evaluateCondition(cond, (f) => facts[f as 'a'])))
      }),
    )
  })

  it('a definite result holds for every completion of the unknown facts', () => {
    fc.assert(
      fc.property(conditionArb, factsArb, (cond, facts) => {
        const { result } = kleene(cond, facts)
        fc.pre(result !== 'unknown')
        for (const complete of completions(facts))
          expect(String(evaluateCondition(cond, (f) => complete[f as 'a']))).toBe(result)
      }),
    )
  })

  it('forgetting a fact never turns a result into its opposite, so a firing rule keeps firing', () => {
    fc.assert(
      fc.property(conditionArb, factsArb, fc.constantFrom(...FACTS), (cond, facts, forget) => {
        const before = kleene(cond, facts).result
        const after = kleene(cond, { ...facts, [forget]: undefined }).result
        expect([before, 'unknown']).toContain(after)
      }),
    )
  })

  it('names the unknown facts behind an unknown result, and none otherwise', () => {
    fc.assert(
      fc.property(conditionArb, factsArb, (cond, facts) => {
        const { result, unknownFacts } = kleene(cond, facts)
        expect(unknownFacts.length > 0).toBe(result === 'unknown')
        for (const fact of unknownFacts) expect(facts[fact as 'a']).toBeUndefined()
      }),
    )
  })

  it('compiled once, it gives the interpreter’s result, trace and unknown facts', () => {
    fc.assert(
      fc.property(conditionArb, factsArb, (cond, facts) => {
        const compiled = compileConditionKleene(cond, (fact) => (context: Facts) => context[fact as 'a'])
        const trace: LeafTrace[] = []
        const unknownFacts: string[] = []
        const result = compiled(facts, trace, unknownFacts)
        expect({ result, trace, unknownFacts }).toEqual(kleene(cond, facts))
      }),
    )
  })

  it('drops the unknown facts of a part that did not decide the outcome', () => {
    const { result, unknownFacts, trace } = kleene(
      { all: [leaf('a', true), leaf('b', true)] },
      {
        a: undefined,
        b: false,
        c: undefined,
      },
    )
    expect(result).toBe('false')
    expect(unknownFacts).toEqual([])
    expect(trace.map((t) => [t.fact, t.result])).toEqual([
      ['a', 'unknown'],
      ['b', false],
    ])
  })

  it('treats "unknown" as unknown, null as an answer, and keeps answered / notAnswered definite', () => {
    const read = (values: Record<string, unknown>) => (fact: string) => values[fact]
    const run = (cond: Condition, values: Record<string, unknown>) =>
      evaluateConditionKleene(cond, read(values), [], [])
    const coc: Condition = { fact: 'x', operator: 'equal', value: 'yes' }
    expect(run(coc, { x: 'unknown' })).toBe('unknown')
    expect(run(coc, { x: 'no' })).toBe('false')
    expect(run({ fact: 'x', operator: 'in', value: ['CN'] }, { x: null })).toBe('false')
    expect(run({ fact: 'x', operator: 'notAnswered' }, {})).toBe('true')
    expect(run({ fact: 'x', operator: 'answered' }, { x: 'unknown' })).toBe('true')
  })
})
