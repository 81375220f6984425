import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen once landed. What changes is PostgreSQL's; SQLite gets the (empty) table so that both
// read the revision with the same query, and keeps its triggers: its writers take the database's
// one write lock in turn anyway.
//
// The engagement revision (2026-11-30T0100) was one row per engagement, and its triggers updated it
// as soon as a statement wrote an answer, a response or an assessment. On PostgreSQL that update
// holds the row's lock until the transaction ends, so the saves of an engagement's vendors queued
// behind one another, each waiting for the commit (and its disk flush) of the one before: 50
// vendors saving at once gave p95 219.5 ms against a goal of 30 ms (docs/PERFORMANCE.md,
// 2026-12-03). Now:
// - The revision is the engagement_revision row's number plus the sum of the engagement's rows in
//   engagement_revision_shard, read in one statement (one snapshot). Each committed write adds one
//   to one row, so the sum grows with every commit, as the single number did: a cache keyed by it
//   is still never older than the last committed write.
// - A write moves the shard of the connection that makes it (the server process id modulo 32), so
//   two connections' transactions almost never wait for each other (only two instances'
//   connections that share the remainder can).
// - The move happens at commit (a deferred constraint trigger), so a shard row is locked only for
//   the commit itself, not for the whole transaction.
// Constraint triggers are row-level (PostgreSQL has no deferred statement-level triggers), so a
// statement that writes many rows queues one event per row: the first event of a transaction moves
// the shard, and the rest find the row already written by this transaction (its xmin is the
// transaction's id) and leave it, one new row version per transaction and engagement.
const TRIGGERS: Array<{ table: string; engagementOf: (row: 'new' | 'old') => string }> = [
  { table: 'engagement', engagementOf: (row) => `${row}.id` },
  { table: 'regulatory_profile', engagementOf: (row) => `${row}.engagement_id` },
  { table: 'invitation', engagementOf: (row) => `${row}.engagement_id` },
  { table: 'vendor_decision', engagementOf: (row) => `${row}.engagement_id` },
  {
    table: 'response',
    engagementOf: (row) => `(select engagement_id from invitation where invitation.id = ${row}.invitation_id)`,
  },
  {
    table: 'answer',
    engagementOf: (row) =>
      `(select invitation.engagement_id from response join invitation on invitation.id = response.invitation_id where response.id = ${row}.response_id)`,
  },
  {
    table: 'assessment',
    engagementOf: (row) =>
      `(select invitation.engagement_id from response join invitation on invitation.id = response.invitation_id where response.id = ${row}.response_id)`,
  },
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('engagement_revision_shard')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id').onDelete('cascade'))
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('engagement_revision_shard_pk', ['engagement_id', 'shard'])
    .execute()
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  for (const { table, engagementOf } of TRIGGERS) {
    // The statement-level triggers of 2026-11-30T0100: dropping their functions drops them.
    for (const event of ['insert', 'update', 'delete']) {
      await sql.raw(`drop function if exists ${table}_${event}_bumps_engagement_revision() cascade`).execute(db)
    }
    const name = `${table}_bumps_engagement_revision_at_commit`
    await sql
      .raw(
        `create function ${name}() returns trigger language plpgsql as $$
         declare
           target text;
         begin
           if tg_op = 'DELETE' then
             target := ${engagementOf('old')};
           else
             target := ${engagementOf('new')};
           end if;
           -- An engagement deleted in this transaction has no revision left to move.
           insert into engagement_revision_shard as s (engagement_id, shard, revision)
             select target, pg_backend_pid() % 32, 1 where exists (select 1 from engagement where id = target)
           on conflict (engagement_id, shard) do update set revision = s.revision + 1
             where s.xmin <> pg_current_xact_id()::xid;
           return null;
         end $$;
         create constraint trigger ${name} after insert or update or delete on ${table}
           deferrable initially deferred
           for each row execute function ${name}();`,
      )
      .execute(db)
  }
}

export async function down(): Promise<void> {
  // Forward-only (README).
}
