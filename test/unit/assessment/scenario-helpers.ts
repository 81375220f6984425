import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { assess } from '#app/assessment/engine.ts'
import { validateAnswers } from '#app/questionnaire/answers.ts'
import { parseProfile } from '#app/regulations/profile.ts'
import { coreQuestionnaire, getQuestionnaire, regimePacks } from '#questionnaires/index.ts'

/** A finding a scenario requires: its rule, and optionally its severity and whether it asks for a missing answer. */
export type ExpectedFinding = { ruleId: string; severity?: string; missing?: boolean; notAsked?: string[] }

/** The scenario file format shared by the contract examples and test/fixtures/scenarios. */
export type Scenario = {
  description: string
  asOf: string
  /** The questionnaire version the answers were given for (default: the newest). */
  questionnaireVersion?: number
  profile: unknown
  answers: Record<string, unknown>
  expect: {
    applicableRegimes: string[]
    locationClass: string
    verdict: string
    model: string
    blockingRegimes: string[]
    conditionRegimes: string[]
    // Optional, for scenarios that prove a rule below the verdict (contract v1.1 scenarios 68 on).
    residualRisk?: string
    findings?: ExpectedFinding[]
    absentFindings?: string[]
  }
}

export function loadScenarios(dir: string): { file: string; scenario: Scenario }[] {
  return (
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      // Numeric order: 9-… before 10-…, 99-… before 100-….
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((file) => ({ file, scenario: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario }))
  )
}

export function runScenario(scenario: Pick<Scenario, 'profile' | 'answers' | 'asOf' | 'questionnaireVersion'>) {
  const parsed = parseProfile(scenario.profile)
  if (!parsed.profile) throw new Error(`invalid profile: ${JSON.stringify(parsed.issues)}`)
  const questionnaire =
    scenario.questionnaireVersion === undefined
      ? coreQuestionnaire
      : getQuestionnaire(coreQuestionnaire.id, scenario.questionnaireVersion)
  if (!questionnaire) throw new Error(`no questionnaire version ${scenario.questionnaireVersion}`)
  const answers = validateAnswers(questionnaire, scenario.answers)
  if (answers.issues.length) throw new Error(`invalid answers: ${JSON.stringify(answers.issues)}`)
  const result = assess({
    profile: parsed.profile,
    questionnaire,
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
