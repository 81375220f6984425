import { type Kysely, sql } from 'kysely'

// Frozen once landed: the engine's output for a response under a profile, stamped with the engine,
// rules and questionnaire versions so a report can be reproduced. The full Assessment and the rule
// trace are JSON text; the columns beside them are what dashboards sort and filter on.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull().references('response.id').onDelete('cascade'))
    .addColumn('engine_version', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'text', (c) => c.notNull())
    .addColumn('questionnaire_id', 'text', (c) => c.notNull())
    .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) =>
      c.notNull().check(sql`verdict in ('approve', 'approve-with-conditions', 'reject')`),
    )
    .addColumn('location_class', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('blocker_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('condition_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('profile_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('trace_json', 'text', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('assessment_response_current_idx')
    .on('assessment')
    .columns(['response_id', 'is_current'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment').execute()
}
