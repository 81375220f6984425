import { type Kysely, sql } from 'kysely'

// Frozen once landed: a manager's decision on a vendor (shortlist, approve or reject, with a
// comment). Every decision is kept as history; the latest per invitation has is_current = 1, so the
// dashboard reads one row per vendor from an index and a report can show who decided what, when.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vendor_decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id').onDelete('cascade'))
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('shortlisted', 'approved', 'rejected')`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by_user_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('vendor_decision_engagement_current_idx')
    .on('vendor_decision')
    .columns(['engagement_id', 'is_current'])
    .execute()
  await db.schema
    .createIndex('vendor_decision_invitation_current_idx')
    .on('vendor_decision')
    .columns(['invitation_id', 'is_current'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vendor_decision').execute()
}
