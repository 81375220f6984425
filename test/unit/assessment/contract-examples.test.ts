import { describe, expect, it } from 'vitest'
import { loadScenarios, runScenario } from './scenario-helpers.ts'

// The contract's three worked examples, from the copies in test/fixtures/contract (contract-copies.test.ts
// holds them equal to ../shared/contract/examples where that folder exists).
const examples = loadScenarios('test/fixtures/contract/v1.1')

describe('contract examples', () => {
  it('finds all three examples', () => {
    expect(examples.map((e) => e.file)).toEqual([
      'german-retailer-india-vendor.json',
      'us-defense-puerto-rico-vendor.json',
      'us-hospital-india-vendor.json',
    ])
  })

  it.each(examples)('$file matches its expectation', ({ scenario }) => {
    const { summary, unknownKeys } = runScenario(scenario)
    expect(unknownKeys).toEqual([])
    expect(summary).toEqual({
      applicableRegimes: scenario.expect.applicableRegimes,
      locationClass: scenario.expect.locationClass,
      verdict: scenario.expect.verdict,
      model: scenario.expect.model,
      blockingRegimes: [...scenario.expect.blockingRegimes].sort(),
      conditionRegimes: [...scenario.expect.conditionRegimes].sort(),
    })
  })

  it('the German example rests on the SCC mechanism and nothing else', () => {
    const { assessment } = runScenario(examples[0]!.scenario)
    expect(assessment.conditions).toEqual([
      expect.objectContaining({
        id: 'gdpr.scc',
        regime: 'gdpr',
        kind: 'mechanism',
        citation: expect.stringContaining('46(2)(c)'),
      }),
    ])
    expect(assessment.regimes).toEqual([{ id: 'gdpr', status: 'conditional' }])
  })

  it('every example states the v1.1 residual risk, and the German ISO 27001 without an edition is held but asked about', () => {
    for (const { scenario } of examples) {
      expect(['low', 'medium', 'high', 'critical']).toContain(runScenario(scenario).assessment.residualRisk)
    }
    const { assessment } = runScenario(examples[0]!.scenario)
    expect(assessment.certifications.find((c) => c.type === 'iso27001')).toMatchObject({
      status: 'valid',
      editionMissing: true,
    })
    expect(assessment.findings.find((f) => f.ruleId === 'certificates.iso27001-edition')).toMatchObject({
      severity: 'low',
      questionIds: ['certifications.held'],
    })
  })

  it('the Puerto Rico example counts its C3PAO certificate after phase 2 (2026-11-10)', () => {
    const { assessment } = runScenario(examples[1]!.scenario)
    expect(assessment.certifications.find((c) => c.type === 'cmmc-l2')).toMatchObject({
      assessor: 'c3pao',
      cmmcStatus: 'final',
      status: 'valid',
    })
    expect(assessment.findings.filter((f) => f.ruleId.startsWith('dfars.cmmc'))).toEqual([])
  })

  it('the Puerto Rico example is limited to nearshore by ITAR and says so', () => {
    const { assessment } = runScenario(examples[1]!.scenario)
    expect(assessment.recommendation.limits.map((l) => l.ruleId)).toEqual(['itar.us-only-limit'])
    expect(assessment.recommendation.reasons[0]).toMatch(/^ITAR/)
  })
})
