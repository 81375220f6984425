import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen once landed: a counter per engagement that every write to what its dashboard shows moves
// forward (its invitations, responses, answers, assessments, decisions, its profile and itself).
// The dashboard caches a page keyed by this number, so a cached page is never older than the last
// write. Triggers, not application code, keep it: every writer (the app, the demo seed, scripts, a
// future worker) bumps it without remembering to, in the writer's own transaction.
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
    .createTable('engagement_revision')
    .addColumn('engagement_id', 'text', (c) => c.primaryKey().references('engagement.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await sql`insert into engagement_revision (engagement_id) select id from engagement`.execute(db)
  if (db.getExecutor().adapter instanceof PostgresAdapter) return upPostgres(db)
  await sql
    .raw(
      `create trigger engagement_revision_start after insert on engagement begin
         insert or ignore into engagement_revision (engagement_id) values (new.id);
       end`,
    )
    .execute(db)
  for (const { table, engagementOf } of TRIGGERS) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      const row = event === 'delete' ? 'old' : 'new'
      await sql
        .raw(
          `create trigger ${table}_${event}_bumps_engagement_revision after ${event} on ${table} begin
             update engagement_revision set revision = revision + 1 where engagement_id = ${engagementOf(row)};
           end`,
        )
        .execute(db)
    }
  }
}

// PostgreSQL (added 2026-12-02; the SQLite statements above are unchanged): the same triggers in
// PL/pgSQL. Statement-level, reading the transition tables, so a statement that writes many rows
// (a bulk insert of vendors, a re-assessment of an engagement) moves each engagement's revision
// once instead of updating its row once per row written. One trigger per event, as transition
// tables require.
async function upPostgres(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create function engagement_revision_start() returns trigger language plpgsql as $$
       begin
         insert into engagement_revision (engagement_id) select id from new_rows on conflict do nothing;
         return null;
       end $$;
       create trigger engagement_revision_start after insert on engagement
         referencing new table as new_rows for each statement execute function engagement_revision_start();`,
    )
    .execute(db)
  for (const { table, engagementOf } of TRIGGERS) {
    for (const event of ['insert', 'update', 'delete'] as const) {
      const rows = event === 'delete' ? 'old_rows' : 'new_rows'
      const name = `${table}_${event}_bumps_engagement_revision`
      const engagements = engagementOf(event === 'delete' ? 'old' : 'new').replace(
        /\b(new|old)\.(\w+)/g,
        (_match, _row, column) => `${rows}.${column}`,
      )
      await sql
        .raw(
          `create function ${name}() returns trigger language plpgsql as $$
           begin
             update engagement_revision set revision = revision + 1
             where engagement_id in (select ${engagements} from ${rows});
             return null;
           end $$;
           create trigger ${name} after ${event} on ${table}
             referencing ${event === 'delete' ? 'old' : 'new'} table as ${rows}
             for each statement execute function ${name}();`,
        )
        .execute(db)
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // Dropping a function drops the triggers that call it.
    for (const { table } of TRIGGERS) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql.raw(`drop function if exists ${table}_${event}_bumps_engagement_revision() cascade`).execute(db)
      }
    }
    await sql.raw('drop function if exists engagement_revision_start() cascade').execute(db)
    await db.schema.dropTable('engagement_revision').execute()
    return
  }
  for (const { table } of TRIGGERS) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql.raw(`drop trigger if exists ${table}_${event}_bumps_engagement_revision`).execute(db)
    }
  }
  await sql.raw('drop trigger if exists engagement_revision_start').execute(db)
  await db.schema.dropTable('engagement_revision').execute()
}
