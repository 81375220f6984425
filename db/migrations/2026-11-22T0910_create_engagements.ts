import { type Kysely, sql } from 'kysely'

// Frozen once landed: an engagement (one outsourcing project of an organisation) pinned to a
// questionnaire version, and its regulatory profile (the contract's Profile, stored as JSON text).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('engagement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_date', 'text')
    .addColumn('questionnaire_id', 'text', (c) => c.notNull())
    .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'archived')`))
    .addColumn('created_by_user_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('engagement_organisation_idx')
    .on('engagement')
    .columns(['organisation_id', 'status'])
    .execute()

  await db.schema
    .createTable('regulatory_profile')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('engagement_id', 'text', (c) => c.notNull().unique().references('engagement.id').onDelete('cascade'))
    .addColumn('profile_json', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('regulatory_profile').execute()
  await db.schema.dropTable('engagement').execute()
}
