import type { Assessment } from '#app/assessment/engine.ts'
import { getDb } from '#app/db.server.ts'

/** The engine's result stored as a vendor's current assessment, or undefined before it submits. */
export async function findCurrentResult(invitationId: string): Promise<Assessment | undefined> {
  const row = await getDb()
    .selectFrom('assessment')
    .innerJoin('response', 'response.id', 'assessment.response_id')
    .select('assessment.result_json')
    .where('response.invitation_id', '=', invitationId)
    .where('assessment.is_current', '=', 1)
    .executeTakeFirst()
  return row ? (JSON.parse(row.result_json) as Assessment) : undefined
}
