import type { QuestionnaireDefinition, QuestionScoring } from '../questionnaire/definition.ts'

/**
 * The 0-100 posture score: each visible scored question contributes `weight × points(answer)`
 * out of `weight`; hidden questions count for nothing, unanswered ones earn 0. The score is
 * monotone as long as the questionnaire's points grow with stronger answers; certificates count
 * only while held (valid or expiring).
 */

export type SectionScore = { id: string; title: string; score: number }

function pointsFor(scoring: QuestionScoring, value: unknown, heldTypes: readonly string[]): number {
  if (value === undefined || value === null) return 0
  switch (scoring.kind) {
    case 'byValue':
      return scoring.points[String(value)] ?? 0
    case 'bands': {
      if (typeof value !== 'number') return 0
      for (const band of scoring.bands) {
        if ((band.gte === undefined || value >= band.gte) && (band.lte === undefined || value <= band.lte)) {
          return band.points
        }
      }
      return 0
    }
    case 'sumOfChoices': {
      if (!Array.isArray(value)) return 0
      let sum = 0
      for (const choice of new Set(value as string[])) sum += scoring.points[choice] ?? 0
      return Math.min(1, sum)
    }
    case 'certifications': {
      let sum = 0
      for (const type of heldTypes) sum += scoring.points[type] ?? 0
      return Math.min(1, sum)
    }
  }
}

const percent = (earned: number, max: number) => (max > 0 ? Math.round((100 * earned) / max) : 0)

export function scoreAnswers(
  definition: QuestionnaireDefinition,
  answers: Readonly<Record<string, unknown>>,
  visible: ReadonlySet<string>,
  heldCertificationTypes: readonly string[],
): { score: number; sections: SectionScore[] } {
  let earned = 0
  let max = 0
  const sections: SectionScore[] = []
  for (const section of definition.sections) {
    let sectionEarned = 0
    let sectionMax = 0
    for (const question of section.questions) {
      if (!question.scoring || !visible.has(question.id)) continue
      sectionMax += question.scoring.weight
      sectionEarned +=
        question.scoring.weight * pointsFor(question.scoring, answers[question.id], heldCertificationTypes)
    }
    if (sectionMax === 0) continue
    sections.push({ id: section.id, title: section.title.en, score: percent(sectionEarned, sectionMax) })
    earned += sectionEarned
    max += sectionMax
  }
  return { score: percent(earned, max), sections }
}
