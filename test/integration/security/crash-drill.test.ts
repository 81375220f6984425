import { describe, expect, test } from 'vitest'
import { runCrashDrill } from '../../../scripts/drill-crash-run.ts'

// The crash drill's short version (DECISIONS.md: 2 kills, 10 vendors, 20 seconds); the full one
// is `npm run drill:crash`.
describe('crash drill', () => {
  test('SIGKILL during autosaves loses no acknowledged save and leaves the database intact', async () => {
    const result = await runCrashDrill({
      kills: 2,
      vendors: 10,
      seconds: 20,
      databaseFile: process.env.DATABASE_URL as string,
    })
    expect(result.acknowledged).toBeGreaterThan(50)
    expect(result).toMatchObject({ kills: 2, lost: 0, integrity: 'ok' })
  }, 120_000)
})
