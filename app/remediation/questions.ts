import { questionnaires } from '#questionnaires/index.ts'
import type { Finding } from '../assessment/engine.ts'
import { questionsById } from '../questionnaire/answers.ts'
import type { Question } from '../questionnaire/definition.ts'

/**
 * The definitions of the questions a request asks. A question of the vendor's own (pinned)
 * questionnaire version comes from it; one that version never asked (a newer version added it, or
 * a profile change made a rule read it) comes from the newest version that has it: ids keep their
 * meaning across versions (README decision 52), so the engine reads the answer under the same id.
 */
export function questionsForRequest(
  { questionnaireId, questionnaireVersion }: { questionnaireId: string; questionnaireVersion: number },
  questionIds: readonly string[],
): Question[] {
  const versions = questionnaires
    .filter((q) => q.id === questionnaireId)
    .sort(
      (a, b) =>
        Number(b.version === questionnaireVersion) - Number(a.version === questionnaireVersion) ||
        b.version - a.version,
    )
  const out: Question[] = []
  for (const id of questionIds) {
    for (const version of versions) {
      const question = questionsById(version).get(id)
      if (question) {
        out.push(question)
        break
      }
    }
  }
  return out
}

/** The questions an item asks that a vendor can answer in a form (files are uploads, not fields). */
export function answerableQuestions(questions: readonly Question[]): Question[] {
  return questions.filter((q) => q.type !== 'file')
}

/** A finding's words kept with an item (what the manager saw when sending it). */
export function itemFinding(f: Finding) {
  return {
    ruleId: f.ruleId,
    regime: f.regime,
    severity: f.severity,
    citation: f.citation,
    message: f.message,
    remediation: f.remediation,
  }
}
