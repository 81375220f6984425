import type { Assessment } from '#app/assessment/engine.ts'
import { getDb } from '#app/db.server.ts'
import { createVendor } from './vendors.ts'

/** The stamp of the release before 2026.12, which had no sanctions regime (issue 11). */
export const OLD_STAMP = { engine: '1.0.0', rules: '2026.11' } as const

/** A US hospital's vendor whose answers pass HIPAA; its headquarters decide the sanctions verdict. */
export const hospitalVendorAnswers = (hqCountry: string) => ({
  'company.hqCountry': hqCountry,
  'company.incorporationCountry': hqCountry,
  'storage.primaryCountries': ['US'],
  'storage.backupCountries': ['US'],
  'access.personnelCountries': ['IN'],
  'access.subprocessorCountries': [],
  'contract.baa': true,
  'storage.usesSubprocessors': false,
  'destruction.method': 'nist-800-88-purge',
})

/**
 * Rewrites a response's current assessment as rules 2026.11 (engine 1.0.0) made it: that release
 * had no sanctions regime, so a vendor headquartered in Iran was approved (issue 11's first point).
 */
export async function ageCurrentAssessment(responseId: string): Promise<string> {
  const row = await getDb()
    .selectFrom('assessment')
    .select(['id', 'result_json'])
    .where('response_id', '=', responseId)
    .where('is_current', '=', 1)
    .executeTakeFirstOrThrow()
  const result = JSON.parse(row.result_json) as Assessment
  const findings = result.findings.filter((f) => f.regime !== 'sanctions')
  const verdict = findings.some((f) => f.severity === 'blocker')
    ? 'reject'
    : result.conditions.length
      ? 'approve-with-conditions'
      : 'approve'
  const old = {
    ...result,
    engine: { version: OLD_STAMP.engine, rules: OLD_STAMP.rules },
    applicableRegimes: result.applicableRegimes.filter((r) => r !== 'sanctions'),
    regimes: result.regimes.filter((r) => r.id !== 'sanctions'),
    findings,
    verdict,
  }
  await getDb()
    .updateTable('assessment')
    .set({
      engine_version: OLD_STAMP.engine,
      rules_version: OLD_STAMP.rules,
      verdict,
      blocker_count: findings.filter((f) => f.severity === 'blocker').length,
      result_json: JSON.stringify(old),
      created_at: '2026-11-20T09:00:00.000Z',
    })
    .where('id', '=', row.id)
    .execute()
  return row.id
}

/**
 * A submitted vendor of the engagement whose current assessment was made by rules 2026.11. With
 * headquarters in a sanctioned country its verdict changes under 2026.12 (approve → reject).
 */
export async function staleVendor(
  organisationId: string,
  engagementId: string,
  { company, hqCountry }: { company: string; hqCountry: string },
) {
  const { invitationId } = await createVendor(organisationId, engagementId, {
    company,
    country: hqCountry,
    answers: hospitalVendorAnswers(hqCountry),
  })
  const { id: responseId } = await getDb()
    .selectFrom('response')
    .select('id')
    .where('invitation_id', '=', invitationId)
    .executeTakeFirstOrThrow()
  const oldAssessmentId = await ageCurrentAssessment(responseId)
  return { invitationId, responseId, oldAssessmentId }
}

/** Every assessment of a response, oldest first. */
export function assessmentsOf(responseId: string) {
  return getDb()
    .selectFrom('assessment')
    .select(['id', 'is_current', 'engine_version', 'rules_version', 'verdict'])
    .where('response_id', '=', responseId)
    .orderBy('created_at')
    .execute()
}

/** The verdict changes recorded in the audit log, oldest first. */
export async function verdictChangeEvents() {
  const rows = await getDb()
    .selectFrom('audit_event')
    .select(['subject_id', 'engagement_id', 'actor_type', 'detail_json'])
    .where('action', '=', 'assessment.verdict-changed')
    .orderBy('created_at')
    .execute()
  return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail_json) as Record<string, unknown> }))
}
