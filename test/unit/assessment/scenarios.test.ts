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
    const { summary, assessment, unknownKeys } = runScenario(scenario)
    expect(unknownKeys).toEqual([])
    expect(summary).toEqual({
      applicableRegimes: scenario.expect.applicableRegimes,
      locationClass: scenario.expect.locationClass,
      verdict: scenario.expect.verdict,
      model: scenario.expect.model,
      blockingRegimes: [...scenario.expect.blockingRegimes].sort(),
      conditionRegimes: [...scenario.expect.conditionRegimes].sort(),
    })
    if (scenario.expect.residualRisk) expect(assessment.residualRisk).toBe(scenario.expect.residualRisk)
    for (const want of scenario.expect.findings ?? []) {
      const found = assessment.findings.filter((f) => f.ruleId === want.ruleId)
      expect(found, `finding ${want.ruleId}`).toHaveLength(1)
      const finding = found[0]!
      if (want.severity) expect(finding.severity, want.ruleId).toBe(want.severity)
      if (want.missing !== undefined) {
        const asks = (finding.missingAnswers?.length ?? 0) + (finding.notAsked?.length ?? 0) > 0
        expect(asks, `${want.ruleId} asks for a missing answer`).toBe(want.missing)
        // A finding that rests on a missing answer says so; it never claims the bad fact.
        if (want.missing) expect(finding.message).toMatch(/cannot be confirmed without the vendor's answer/)
      }
      if (want.notAsked) expect(finding.notAsked, want.ruleId).toEqual(want.notAsked)
    }
    const ruleIds = assessment.findings.map((f) => f.ruleId)
    for (const absent of scenario.expect.absentFindings ?? []) expect(ruleIds, `no ${absent}`).not.toContain(absent)
  })
})
