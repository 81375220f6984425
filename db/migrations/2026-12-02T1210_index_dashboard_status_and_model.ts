import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen once landed: the two sorts of the engagement dashboard that 2026-12-02T1200 left slow with
// 20,000 vendors in an engagement (docs/PERFORMANCE.md, 2026-12-02).
//
// By model: the index held the model's rank but not the `model` column itself, so SQLite read every
// walked row from the table to compute the rank again (30 to 60 ms for a page in the middle of
// 20,000 vendors, against under 1 ms for the other keys). The two indexes are made again with the
// column.
//
// By status: a vendor's status reads "expired" once its link's expiry has passed (unless it
// submitted or was revoked), which depends on the time of asking, so that order was sorted on every
// request (15 to 35 ms). The page is now a merge of two walks that SQLite does itself
// (app/dashboard/queries.server.ts): the vendors whose link has not expired, along an index by the
// rank of their stored status (the same ranks the dashboard sorts by: invited 1 … submitted 5,
// revoked 7), and the vendors whose link has expired (rank 6), found through a partial index of the
// open invitations by expiry, and sorted by name (usually few).
//
// Indexes only, no trigger. SQLite only: on PostgreSQL the dashboard sorts by status (it does not
// merge the two walks, app/dashboard/queries.server.ts), and 2026-12-02T1200's expression indexes
// already serve the order by model there (PostgreSQL reads the indexed expression from the index),
// so this migration changes nothing on PostgreSQL.
const onPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter
const FILTER_COLUMNS = 'verdict, location_class, decision, status, expires_at, contact_email'
const MODEL_RANK = "(case model when 'onshore' then 1 when 'nearshore' then 2 when 'offshore' then 3 end)"
const STATUS_RANK =
  "(case status when 'invited' then 1 when 'opened' then 2 when 'in-progress' then 3 when 'reopened' then 4 when 'submitted' then 5 when 'expired' then 6 else 7 end)"

const INDEXES: Record<string, string> = {
  invitation_summary_model_asc: `engagement_id, (${MODEL_RANK}) is null, ${MODEL_RANK} asc, vendor_company collate nocase, invitation_id, model, ${FILTER_COLUMNS}`,
  invitation_summary_model_desc: `engagement_id, (${MODEL_RANK}) is null, ${MODEL_RANK} desc, vendor_company collate nocase, invitation_id, model, ${FILTER_COLUMNS}`,
  invitation_summary_status_asc: `engagement_id, ${STATUS_RANK} asc, vendor_company collate nocase, invitation_id, ${FILTER_COLUMNS}`,
  invitation_summary_status_desc: `engagement_id, ${STATUS_RANK} desc, vendor_company collate nocase, invitation_id, ${FILTER_COLUMNS}`,
}

export async function up(db: Kysely<any>): Promise<void> {
  if (onPostgres(db)) return
  await sql`drop index invitation_summary_model_asc`.execute(db)
  await sql`drop index invitation_summary_model_desc`.execute(db)
  for (const [name, columns] of Object.entries(INDEXES)) {
    await sql.raw(`create index ${name} on invitation_summary (${columns})`).execute(db)
  }
  await sql
    .raw(
      `create index invitation_summary_open_by_expiry on invitation_summary
         (engagement_id, expires_at, vendor_company, ${FILTER_COLUMNS})
         where status not in ('submitted', 'revoked')`,
    )
    .execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (onPostgres(db)) return
  await sql`drop index invitation_summary_open_by_expiry`.execute(db)
  for (const name of Object.keys(INDEXES)) await sql.raw(`drop index ${name}`).execute(db)
  for (const dir of ['asc', 'desc']) {
    await sql
      .raw(
        `create index invitation_summary_model_${dir} on invitation_summary
           (engagement_id, (${MODEL_RANK}) is null, ${MODEL_RANK} ${dir}, vendor_company collate nocase, invitation_id, ${FILTER_COLUMNS})`,
      )
      .execute(db)
  }
}
