import { applicableRegimeIds } from '#app/assessment/engine.ts'
import { isAnswered } from '#app/conditions/answered.ts'
import { countryName } from '#app/geography/countries.ts'
import type { Question, QuestionnaireDefinition } from '#app/questionnaire/definition.ts'
import { visibleQuestionIds } from '#app/questionnaire/visibility.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { getQuestionnaire, regimePacks } from '#questionnaires/index.ts'

type Answers = Record<string, unknown>

/**
 * The questionnaire the demo seed pins its engagements to (db/seed.ts): the newest, v2, as new
 * engagements get. One demo vendor answered the frozen v1 (DemoVendor.questionnaireVersion).
 */
export const DEMO_QUESTIONNAIRE = getQuestionnaire('cross-border-core', 2)!
const COUNTRIES_OF_CONCERN = new Set(['CN', 'HK', 'MO', 'CU', 'IR', 'KP', 'RU', 'VE'])

/**
 * A submitted demo vendor answers every required question it is shown, as a real vendor must to
 * submit: the story's answers stand, and the rest are filled in the vendor's character (a vendor
 * with strong controls answers the remaining controls well, a weak one poorly), consistently with
 * what it already said (ownership from its owner country, subprocessors from its list).
 */
export function completeDemoAnswers(
  answers: Answers,
  profile: unknown,
  vendor: { company: string; country: string },
  questionnaire: QuestionnaireDefinition = DEMO_QUESTIONNAIRE,
) {
  const strong = answers['handling.mfaForAllAccess'] !== false
  const regimes = applicableRegimeIds(ProfileSchema.parse(profile), regimePacks)
  const owner = (answers['company.majorityOwnerCountry'] as string | null | undefined) ?? vendor.country
  const dataCountries = [
    ...((answers['storage.primaryCountries'] as string[] | undefined) ?? []),
    ...((answers['storage.backupCountries'] as string[] | undefined) ?? []),
  ]
  const chosen: Answers = {
    'company.legalName': vendor.company,
    'company.ownershipDetails': `Founders and staff, ${countryName(owner ?? vendor.country)}, 100 %`,
    'company.countryOfConcernOwnership': owner && COUNTRIES_OF_CONCERN.has(owner) ? 'yes' : 'no',
    'company.sanctionsScreening': strong,
    'storage.restrictedCountryReplication': dataCountries.some((c) => COUNTRIES_OF_CONCERN.has(c))
      ? 'yes'
      : strong
        ? 'no'
        : 'unknown',
    'storage.residencyCommitment': strong,
    'storage.usesSubprocessors': ((answers['access.subprocessorCountries'] as string[] | undefined) ?? []).length > 0,
    'storage.subprocessorList': 'Amazon Web Services, hosting and backup, United States',
    'handling.plaintextAccessRequired': true,
    'handling.keyLocationCountries': strong ? ['US'] : ((answers['storage.primaryCountries'] as string[]) ?? []),
    'handling.logRetentionDays': 365,
    'destruction.standard': strong ? 'nist-800-88-rev2' : 'none',
    'incident.planTestedDate': '2026-05-15',
    'dod.cmmcStatus': strong ? 'final' : 'none',
    'dod.cmmcAffirmationDate': '2026-02-01',
    'dod.sprsScore': strong ? 110 : -20,
    'contract.sccModule': 'module-2',
  }
  const fallback = (question: Question): unknown => {
    switch (question.type) {
      case 'yes-no':
        return strong
      case 'single-choice':
        return question.choices[0]?.value
      case 'integer':
        return Math.max(question.min ?? 1, 1)
      case 'date':
        return '2026-01-15'
      case 'country':
        return vendor.country
      case 'country-list':
        return [vendor.country]
      case 'multiple-choice':
        return [question.choices[0]?.value]
      case 'certification-list':
        return [] // "we hold none"
      default:
        return 'Described in our security policy, version 3 (available on request).'
    }
  }
  const result: Answers = { ...answers }
  const questions = questionnaire.sections.flatMap((s) => s.questions)
  // Answers reveal follow-up questions; a few passes reach the fixed point.
  for (let pass = 0; pass < 5; pass++) {
    const visible = visibleQuestionIds(questionnaire, { answers: result, regimes, profile })
    const missing = questions.filter(
      (q) => q.required && q.type !== 'file' && visible.has(q.id) && !isAnswered(result[q.id]),
    )
    if (missing.length === 0) break
    for (const q of missing) result[q.id] = q.id in chosen ? chosen[q.id] : fallback(q)
  }
  return result
}
