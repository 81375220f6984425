import { beforeAll, expect, test } from 'vitest'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { expectEachReassessedOnce, fiveStaleVendors, reassessmentChild } from '#test/support/reassessment-processes.ts'

/**
 * Two processes re-assessing the same list at once (a pg-boss job run again on another instance
 * after its time limit while the first still runs, or a table lease taken over): each batch claims
 * its assessments first, so each response is re-assessed once. On SQLite and PostgreSQL alike.
 */

beforeAll(async () => {
  await migrateToLatest(getDb())
})

test('two runs at once holding the same list (a job run again elsewhere while the first still runs): still once', async () => {
  const world = await fiveStaleVendors()
  const [a, b] = [reassessmentChild('direct'), reassessmentChild('direct')]
  // Both hold the same list of five before either starts.
  expect(await Promise.all([a.printed(/listed \d+/), b.printed(/listed \d+/)])).toEqual(['listed 5', 'listed 5'])
  a.process.stdin?.write('go\n')
  b.process.stdin?.write('go\n')
  const outputs = await Promise.all([a.printed(/reassessed \d+/), b.printed(/reassessed \d+/)])
  // Each batch claims its assessments first; what one run claimed, the other skips.
  expect(outputs.map((out) => Number(/reassessed (\d+)/.exec(out)?.[1])).reduce((x, y) => x + y)).toBe(5)
  await expectEachReassessedOnce(world)
}, 120_000)
