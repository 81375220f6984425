import type { Kysely } from 'kysely'

/**
 * The dashboard's recommendation panel takes the profile's ceiling from the newest judged current
 * assessment of the engagement when no vendor of the filtered view has one. `created_at` sits after
 * the result JSON in an assessment row, so sorting by it read every row's overflow pages: about
 * 220 ms per first look at 2,000 vendors, a third of the views in `bench:web`'s first-look run.
 * This index holds everything that query reads (the response, current or not, the action, the time,
 * the id), so it is answered from the index alone. (A partial index on `is_current = 1 and
 * buyer_action is not null` was not chosen by SQLite's planner over the appetite index.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('assessment_current_judged_created_idx')
    .on('assessment')
    .columns(['response_id', 'is_current', 'buyer_action', 'created_at', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assessment_current_judged_created_idx').execute()
}
