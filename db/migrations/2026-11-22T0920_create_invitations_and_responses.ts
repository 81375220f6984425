import { type Kysely, sql } from 'kysely'

// Frozen once landed: a vendor invited to an engagement (only the hash of its secret link is
// stored), the vendor's response pinned to a questionnaire version, one row per answer with a
// version for optimistic concurrency, and uploaded evidence files.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id').onDelete('cascade'))
    .addColumn('vendor_company', 'text', (c) => c.notNull())
    .addColumn('vendor_country', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('invited')
        .check(sql`status in ('invited', 'opened', 'in-progress', 'submitted', 'reopened', 'revoked', 'expired')`),
    )
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reopened_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_activity_at', 'text')
    .addColumn('invited_by_user_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('invitation_engagement_email_unique', ['engagement_id', 'contact_email'])
    .execute()
  await db.schema
    .createIndex('invitation_engagement_idx')
    .on('invitation')
    .columns(['engagement_id', 'status'])
    .execute()
  await db.schema.createIndex('invitation_organisation_idx').on('invitation').column('organisation_id').execute()

  await db.schema
    .createTable('response')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().unique().references('invitation.id').onDelete('cascade'))
    .addColumn('questionnaire_id', 'text', (c) => c.notNull())
    .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'submitted')`))
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('answer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull().references('response.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('answer_response_question_unique', ['response_id', 'question_id'])
    .execute()

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull().references('response.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('certificate_type', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute()
  await db.schema.createIndex('evidence_response_idx').on('evidence').column('response_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evidence').execute()
  await db.schema.dropTable('answer').execute()
  await db.schema.dropTable('response').execute()
  await db.schema.dropTable('invitation').execute()
}
