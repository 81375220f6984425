import type { Kysely } from 'kysely'

// Frozen once landed: server-side sessions. The cookie carries a random 256-bit id (signed); only
// its SHA-256 is stored, so a copy of the database opens no session. A buyer's session ends after
// 30 minutes idle or 12 hours after login (expires_at), on logout, on a password change and when the
// member is removed; a vendor's after 12 hours idle or when its link's generation is replaced.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('user_session_user_idx').on('user_session').columns(['user_id']).execute()
  await db.schema
    .createTable('vendor_session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    .addColumn('link_generation', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('vendor_session_invitation_idx').on('vendor_session').columns(['invitation_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('vendor_session').execute()
  await db.schema.dropTable('user_session').execute()
}
