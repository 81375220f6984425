import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Condition,
  evaluateCondition,
  evaluateConditionExhaustive,
  type LeafTrace,
} from '#app/conditions/condition.ts'

const leaf = (fact: string, value: boolean): Condition => ({ fact, operator: 'equal', value })
const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .record({ fact: fc.constantFrom('a', 'b', 'c'), value: fc.boolean() })
      .map(({ fact, value }) => leaf(fact, value)),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c

describe('evaluateConditionExhaustive', () => {
  it('agrees with evaluateCondition and traces every leaf', () => {
    fc.assert(
      fc.property(
        conditionArb,
        fc.record({ a: fc.boolean(), b: fc.boolean(), c: fc.boolean() }),
        (condition, facts) => {
          const read = (fact: string) => facts[fact as 'a']
          const trace: LeafTrace[] = []
          expect(evaluateConditionExhaustive(condition, read, trace)).toBe(evaluateCondition(condition, read))
          const countLeaves = (c: Condition): number =>
            'all' in c
              ? c.all.reduce((n, x) => n + countLeaves(x), 0)
              : 'any' in c
                ? c.any.reduce((n, x) => n + countLeaves(x), 0)
                : 'not' in c
                  ? countLeaves(c.not)
                  : 1
          expect(trace).toHaveLength(countLeaves(condition))
        },
      ),
    )
  })

  it('records a leaf after a deciding sibling', () => {
    const trace: LeafTrace[] = []
    const result = evaluateConditionExhaustive({ all: [leaf('a', true), leaf('b', true)] }, () => false, trace)
    expect(result).toBe(false)
    expect(trace.map((t) => [t.fact, t.result])).toEqual([
      ['a', false],
      ['b', false],
    ])
  })
})
