import { type Kysely, sql } from 'kysely'

// Frozen once landed: durable background jobs (app/jobs). A job is a row: queued until its run_at,
// then running under a lease (locked_by, locked_until) that a killed process cannot renew, so
// another runner takes it over when the lease lapses; done or failed at the end. At most one
// queued-or-running job per (name, singleton_key): enqueueing the same work twice is a no-op.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    .addColumn('payload_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'running', 'done', 'failed')`))
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()
  // The runner's question: which job is due (queued and run_at passed, or running with a lapsed lease)?
  await db.schema.createIndex('job_due_idx').on('job').columns(['state', 'run_at']).execute()
  await db.schema
    .createIndex('job_singleton_idx')
    .on('job')
    .columns(['name', 'singleton_key'])
    .unique()
    .where(sql<boolean>`state in ('queued', 'running')`)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job').execute()
}
