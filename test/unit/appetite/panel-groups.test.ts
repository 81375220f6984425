import { describe, expect, test } from 'vitest'
import { maxChangesByClass } from '#app/appetite/recommendation.server.ts'

const group = (locationClass: string, within: boolean | null, changes: number | null, count: number) => ({
  locationClass,
  within,
  changes,
  count,
})

describe('which vendors outside appetite can be among a class’s first few', () => {
  test('the fewest changes that still give each class its few, every group of the class counted apart', () => {
    const groups = [
      // Onshore: 989 need one change, so no vendor needing two or three can rank in its first 3.
      group('onshore', false, 1, 989),
      group('onshore', false, 2, 1947),
      group('onshore', true, 2, 138),
      // Offshore: 1 needs one change, 1 needs two, 617 need three: all three levels can rank.
      group('offshore', false, 1, 1),
      group('offshore', false, 2, 1),
      group('offshore', false, 3, 617),
      // Nearshore: a vendor judged without an action is a group of its own; it needs its few too.
      group('nearshore', false, 1, 5),
      group('nearshore', null, 2, 1),
      group('nearshore', null, 3, 4),
    ]
    expect(maxChangesByClass(groups, 3)).toEqual({ onshore: 1, offshore: 3, nearshore: 3 })
    // Vendors within appetite all rank (the query keeps them whatever their changes).
    expect(maxChangesByClass([group('onshore', true, 1, 10)], 3)).toEqual({})
  })
})
