import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadScenarios, runScenario } from './scenario-helpers.ts'

// Scenario fixtures written independently from the brief (test/fixtures/scenarios/*.json), in the
// contract examples' format. Our own engine fixtures (test/fixtures/engine/scenarios) run too.
const dirs = ['test/fixtures/scenarios', 'test/fixtures/engine/scenarios'].filter((dir) => existsSync(dir))
const scenarios = dirs.flatMap((dir) => loadScenarios(dir).map((entry) => ({ ...entry, file: `${dir}/${entry.file}` })))

describe('scenario fixtures', () => {
  it('has scenarios to run', () => {
    expect(scenarios.length).toBeGreaterThan(0)
  })

  it.each(scenarios)('$file', ({ scenario }) => {
    const { summary } = runScenario(scenario)
    expect(summary).toEqual({
      applicableRegimes: scenario.expect.applicableRegimes,
      locationClass: scenario.expect.locationClass,
      verdict: scenario.expect.verdict,
      model: scenario.expect.model,
      blockingRegimes: [...scenario.expect.blockingRegimes].sort(),
      conditionRegimes: [...scenario.expect.conditionRegimes].sort(),
    })
  })
})
