import type { Kysely } from 'kysely'

/**
 * Issue 11 stage 2: questionnaire `cross-border-core` v2 asks what the rules release 2026.12 reads
 * (PI protection certification, FIPS 140 version, the CMMC assessor and status of certificate rows).
 * An engagement's questionnaire version is the one its new responses start on, so every engagement
 * on v1 moves to v2: vendors who open their link from now on answer v2. Responses keep the version
 * they were opened with (response.questionnaire_version is not touched), as do their assessments.
 *
 * SQL: update engagement set questionnaire_version = 2
 *      where questionnaire_id = 'cross-border-core' and questionnaire_version = 1
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('engagement')
    .set({ questionnaire_version: 2 })
    .where('questionnaire_id', '=', 'cross-border-core')
    .where('questionnaire_version', '=', 1)
    .execute()
}

/** Forward-only in practice; down only undoes the move for engagements with no v2 response yet. */
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('engagement')
    .set({ questionnaire_version: 1 })
    .where('questionnaire_id', '=', 'cross-border-core')
    .where('questionnaire_version', '=', 2)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('response')
            .innerJoin('invitation', 'invitation.id', 'response.invitation_id')
            .select('response.id')
            .whereRef('invitation.engagement_id', '=', 'engagement.id')
            .where('response.questionnaire_version', '=', 2),
        ),
      ),
    )
    .execute()
}
