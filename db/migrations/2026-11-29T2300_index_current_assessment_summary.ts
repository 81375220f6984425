import type { Kysely } from 'kysely'

// Frozen once landed: the engagement dashboard reads, for every vendor of an engagement, the current
// assessment's headline columns to count, filter and sort them. An assessment row also carries its
// full result and rule trace as JSON (tens of kilobytes), so each row spans its own pages and reading
// `verdict` from the table touches them all. This covering index answers the join and those columns
// from the index alone. Measured with 2,000 vendors (docs/PERFORMANCE.md, "Web"): the count query
// went from 6.5 to 3.4 ms and the page query from 8.5 to 5.6 ms. It supersedes nothing: the
// (response_id, is_current) index stays for the other queries' narrower lookups.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('assessment_current_summary_idx')
    .on('assessment')
    .columns([
      'response_id',
      'is_current',
      'score',
      'verdict',
      'location_class',
      'model',
      'blocker_count',
      'condition_count',
      'as_of',
    ])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assessment_current_summary_idx').execute()
}
