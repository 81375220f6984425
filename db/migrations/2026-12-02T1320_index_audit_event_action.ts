import type { Kysely } from 'kysely'

/**
 * The engagement dashboard and the vendor report show the verdicts a rules release changed, read
 * from the audit log (`assessment.verdict-changed` events). The log's engagement index would scan
 * every event of the engagement for them; this one goes to the action directly.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('audit_event_engagement_action_idx')
    .on('audit_event')
    .columns(['engagement_id', 'action', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_event_engagement_action_idx').execute()
}
