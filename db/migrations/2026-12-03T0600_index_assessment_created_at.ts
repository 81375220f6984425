import type { Kysely } from 'kysely'

/**
 * "Changed since your last visit" asks which of an engagement's vendors have an assessment made
 * after the member's previous visit. Walking from the engagement's invitations read every vendor's
 * assessments: 1.4 ms per dashboard view at 2,000 vendors, and ten times that at 20,000, on every
 * first look. With this index the query starts from the few assessments made since the visit
 * (app/history/queries.server.ts) and costs about 0.2 ms whatever the engagement's size.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('assessment_created_idx')
    .on('assessment')
    .columns(['created_at', 'response_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assessment_created_idx').execute()
}
