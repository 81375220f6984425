import { describe, expect, test } from 'vitest'
import { assess } from '#app/assessment/engine.ts'
import { describeDiff, diffAssessments, isQuiet } from '#app/history/diff.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { LOCATION_LABELS } from '#app/vocabulary/location-class.ts'
import { getQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import scenario from '#test/fixtures/scenarios/02-hipaa-baa-refused-india.json' with { type: 'json' }

const profile = ProfileSchema.parse(scenario.profile)
const questionnaire = getQuestionnaire('cross-border-core')!
const run = (answers: Record<string, unknown>) =>
  assess({ profile, questionnaire, answers, regimes: regimePacks, asOf: scenario.asOf }).assessment

describe('the diff between two assessment versions', () => {
  test('signing the BAA resolves the blocker, changes the verdict and names the changed answer', () => {
    const before = { assessment: run(scenario.answers), answers: scenario.answers as Record<string, unknown> }
    const fixedAnswers = { ...scenario.answers, 'contract.baa': true }
    const after = { assessment: run(fixedAnswers), answers: fixedAnswers }
    const diff = diffAssessments(before, after)
    expect(diff.verdict).toEqual({ before: 'reject', after: after.assessment.verdict, changed: true })
    expect(diff.findingsResolved.map((f) => f.ruleId)).toContain('hipaa.baa-required')
    expect(diff.findingsAdded).toEqual([])
    expect(diff.answersChanged).toEqual([{ questionId: 'contract.baa', before: false, after: true }])
    expect(isQuiet(diff)).toBe(false)
    expect(describeDiff(diff)[0]).toBe(
      `Verdict: Reject → ${after.assessment.verdict === 'approve' ? 'Approve' : 'Approve with conditions'}`,
    )
  })

  test('a changed model reads as the furthest model the law allows, in the app’s words, never as a recommendation', () => {
    const a = run(scenario.answers)
    const b = { ...a, recommendation: { ...a.recommendation, model: 'onshore' as const } }
    const diff = diffAssessments({ assessment: a, answers: null }, { assessment: b, answers: null })
    expect(diff.model).toEqual({ before: a.recommendation.model, after: 'onshore', changed: true })
    expect(describeDiff(diff)).toContain(`Furthest allowed: ${LOCATION_LABELS[a.recommendation.model]} → Onshore`)
    expect(describeDiff(diff).join('\n')).not.toMatch(/recommended/i)
  })

  test('without stored answers on either side, which answers changed is unknown (null), not "none"', () => {
    const a = run(scenario.answers)
    const diff = diffAssessments({ assessment: a, answers: null }, { assessment: a, answers: scenario.answers })
    expect(diff.answersChanged).toBeNull()
    expect(isQuiet(diff)).toBe(true)
    expect(describeDiff(diff)).toEqual(['Nothing that affects the verdict changed.'])
  })
})
