import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { assess } from '#app/assessment/engine.ts'
import { validateAnswers } from '#app/questionnaire/answers.ts'
import { parseProfile } from '#app/regulations/profile.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

/** The scenario file format shared by the contract examples and test/fixtures/scenarios. */
export type Scenario = {
  description: string
  asOf: string
  profile: unknown
  answers: Record<string, unknown>
  expect: {
    applicableRegimes: string[]
    locationClass: string
    verdict: string
    model: string
    blockingRegimes: string[]
    conditionRegimes: string[]
  }
}

export function loadScenarios(dir: string): { file: string; scenario: Scenario }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, scenario: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario }))
}

export function runScenario(scenario: Pick<Scenario, 'profile' | 'answers' | 'asOf'>) {
  const parsed = parseProfile(scenario.profile)
  if (!parsed.profile) throw new Error(`invalid profile: ${JSON.stringify(parsed.issues)}`)
  const answers = validateAnswers(coreQuestionnaire, scenario.answers)
  if (answers.issues.length) throw new Error(`invalid answers: ${JSON.stringify(answers.issues)}`)
  const result = assess({
    profile: parsed.profile,
    questionnaire: coreQuestionnaire,
    answers: answers.answers,
    regimes: regimePacks,
    asOf: scenario.asOf,
  })
  const { assessment } = result
  const blockingRegimes = [
    ...new Set(assessment.findings.filter((f) => f.severity === 'blocker').map((f) => f.regime)),
  ].sort()
  const conditionRegimes = [...new Set(assessment.conditions.map((c) => c.regime))].sort()
  return {
    ...result,
    unknownKeys: answers.unknownKeys,
    summary: {
      applicableRegimes: assessment.applicableRegimes,
      locationClass: assessment.locationClass,
      verdict: assessment.verdict,
      model: assessment.recommendation.model,
      blockingRegimes,
      conditionRegimes,
    },
  }
}
