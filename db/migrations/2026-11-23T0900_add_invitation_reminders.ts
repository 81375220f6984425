import type { Kysely } from 'kysely'

// Frozen once landed: when the last reminder went out for an invitation (at most one a day) and
// which kind; the status of its last email (a failed send is shown and can be retried); and links.
// Only hashes of links are stored, so a reminder cannot repeat the invitation's link: it issues an
// extra link (invitation_link) of the current generation. "Resend" moves to a new generation, which
// kills every older link and every vendor session opened with one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitation').addColumn('last_reminder_at', 'text').execute()
  await db.schema.alterTable('invitation').addColumn('last_reminder_kind', 'text').execute()
  await db.schema.alterTable('invitation').addColumn('last_email_status', 'text').execute()
  await db.schema
    .alterTable('invitation')
    .addColumn('link_generation', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.createIndex('invitation_expires_idx').on('invitation').column('expires_at').execute()
  await db.schema
    .createTable('invitation_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('invitation_link_invitation_idx').on('invitation_link').column('invitation_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invitation_link').execute()
  await db.schema.dropIndex('invitation_expires_idx').execute()
  await db.schema.alterTable('invitation').dropColumn('link_generation').execute()
  await db.schema.alterTable('invitation').dropColumn('last_email_status').execute()
  await db.schema.alterTable('invitation').dropColumn('last_reminder_kind').execute()
  await db.schema.alterTable('invitation').dropColumn('last_reminder_at').execute()
}
