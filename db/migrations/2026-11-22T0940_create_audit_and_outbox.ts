import { type Kysely, sql } from 'kysely'

// Frozen once landed: the audit log (who did what, when), the outbound email log (the development
// outbox when no SMTP server is configured, and a record of every send and failure otherwise), and
// a one-row table /healthz writes to prove the database accepts writes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.references('engagement.id').onDelete('cascade'))
    .addColumn('actor_type', 'text', (c) => c.notNull().check(sql`actor_type in ('user', 'vendor', 'system')`))
    .addColumn('actor_user_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('actor_invitation_id', 'text', (c) => c.references('invitation.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('audit_event_organisation_idx')
    .on('audit_event')
    .columns(['organisation_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('audit_event_engagement_idx')
    .on('audit_event')
    .columns(['engagement_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('outbound_email')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('outbox', 'queued', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('invitation_id', 'text', (c) => c.references('invitation.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema
    .createIndex('outbound_email_organisation_idx')
    .on('outbound_email')
    .columns(['organisation_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('health_check')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('health_check').execute()
  await db.schema.dropTable('outbound_email').execute()
  await db.schema.dropTable('audit_event').execute()
}
