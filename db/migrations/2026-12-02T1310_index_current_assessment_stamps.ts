import { type Kysely, sql } from 'kysely'

/**
 * On start the server asks which engine and rules versions the current assessments were made with
 * (a newer release re-assesses them in the background). An assessment row carries its result and
 * trace as JSON ahead of `is_current`, so answering from the table reads every row's overflow
 * pages; this partial index answers it, and lists a stamp's assessments, from the index alone.
 * Partial indexes exist in SQLite and PostgreSQL alike.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('assessment_current_stamp_idx')
    .on('assessment')
    .columns(['engine_version', 'rules_version', 'created_at'])
    .where(sql.ref('is_current'), '=', 1)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assessment_current_stamp_idx').execute()
}
