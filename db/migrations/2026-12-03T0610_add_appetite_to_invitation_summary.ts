import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen once landed. The dashboard's recommendation panel ranks the engagement's vendors by what
// the appetite made of each (the current assessment's buyer action, and how many answer changes
// would qualify it), in the table's order. It joined every vendor to its response and current
// assessment to read those two columns: 53 ms per new view at 20,000 vendors on a quiet machine,
// 160 to 200 ms on a busy one, most of a first look (docs/PERFORMANCE.md). The summary row now
// carries them, with the residual risk the rows show, kept by the same triggers as the assessment's
// other headline columns (2026-12-02T1200), so the panel reads one table.
//
// The assessment triggers of 2026-12-02T1200 are replaced by the same ones over the longer column
// list; an assessment's buyer action changes when the engagement's appetite does (every submitted
// vendor is judged again), so an update of those columns fires them too.
const COLUMNS =
  'score, verdict, location_class, model, blocker_count, condition_count, assessed_as_of, buyer_action, qualify_changes, residual_risk'
const NULLS = COLUMNS.split(',')
  .map(() => 'null')
  .join(', ')
const CURRENT_ASSESSMENT = (responseId: string) =>
  `(select a.score, a.verdict, a.location_class, a.model, a.blocker_count, a.condition_count, a.as_of,
      a.buyer_action, a.qualify_changes, a.residual_risk
      from assessment a where a.response_id = ${responseId} and a.is_current = 1
      order by a.created_at desc limit 1)`
const SUMMARY_OF_RESPONSE = (responseId: string) =>
  `(engagement_id, invitation_id) = (select i.engagement_id, i.id from response r
      join invitation i on i.id = r.invitation_id where r.id = ${responseId})`
const UPDATE_OF = `is_current, score, verdict, location_class, model, blocker_count, condition_count, as_of,
      response_id, buyer_action, qualify_changes, residual_risk`

const SQLITE_TRIGGERS: Record<string, string> = {
  invitation_summary_on_response_delete: `after delete on response begin
      update invitation_summary set (${COLUMNS}) = (select ${NULLS})
      where (engagement_id, invitation_id) = (select engagement_id, id from invitation where id = old.invitation_id);
    end`,
  invitation_summary_on_assessment_insert: `after insert on assessment begin
      update invitation_summary set (${COLUMNS}) = ${CURRENT_ASSESSMENT('new.response_id')}
      where ${SUMMARY_OF_RESPONSE('new.response_id')};
    end`,
  invitation_summary_on_assessment_update: `after update of ${UPDATE_OF} on assessment begin
      update invitation_summary set (${COLUMNS}) = ${CURRENT_ASSESSMENT('new.response_id')}
      where ${SUMMARY_OF_RESPONSE('new.response_id')};
      update invitation_summary set (${COLUMNS}) = ${CURRENT_ASSESSMENT('old.response_id')}
      where old.response_id <> new.response_id and ${SUMMARY_OF_RESPONSE('old.response_id')};
    end`,
  invitation_summary_on_assessment_delete: `after delete on assessment begin
      update invitation_summary set (${COLUMNS}) = ${CURRENT_ASSESSMENT('old.response_id')}
      where ${SUMMARY_OF_RESPONSE('old.response_id')};
    end`,
}

const POSTGRES_TRIGGERS: Record<string, { on: string; body: string }> = {
  invitation_summary_on_response_delete: {
    on: 'after delete on response',
    // Each column set on its own: PostgreSQL types a row of bare nulls as text.
    body: `update invitation_summary set ${COLUMNS.split(', ')
      .map((column) => `${column} = null`)
      .join(', ')}
      where (engagement_id, invitation_id) = (select engagement_id, id from invitation where id = old.invitation_id);`,
  },
  invitation_summary_on_assessment_insert: {
    on: 'after insert on assessment',
    body: `update invitation_summary set (${COLUMNS}) = ${CURRENT_ASSESSMENT('new.response_id')}
      where ${SUMMARY_OF_RESPONSE('new.response_id')};`,
  },
  invitation_summary_on_assessment_update: {
    on: `after update of ${UPDATE_OF} on assessment`,
    body: `update invitation_summary set (${COLUMNS}) = ${CURRENT_ASSESSMENT('new.response_id')}
      where ${SUMMARY_OF_RESPONSE('new.response_id')};
      if old.response_id <> new.response_id then
        update invitation_summary set (${COLUMNS}) = ${CURRENT_ASSESSMENT('old.response_id')}
        where ${SUMMARY_OF_RESPONSE('old.response_id')};
      end if;`,
  },
  invitation_summary_on_assessment_delete: {
    on: 'after delete on assessment',
    body: `update invitation_summary set (${COLUMNS}) = ${CURRENT_ASSESSMENT('old.response_id')}
      where ${SUMMARY_OF_RESPONSE('old.response_id')};`,
  },
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema.alterTable('invitation_summary').addColumn('buyer_action', 'text').execute()
  await db.schema.alterTable('invitation_summary').addColumn('qualify_changes', 'integer').execute()
  await db.schema.alterTable('invitation_summary').addColumn('residual_risk', 'text').execute()
  await sql`
    update invitation_summary set (buyer_action, qualify_changes, residual_risk) = (
      select a.buyer_action, a.qualify_changes, a.residual_risk
      from response r join assessment a on a.response_id = r.id and a.is_current = 1
      where r.invitation_id = invitation_summary.invitation_id
      order by a.created_at desc limit 1)
  `.execute(db)
  if (postgres) {
    for (const [name, { on, body }] of Object.entries(POSTGRES_TRIGGERS)) {
      await sql
        .raw(
          `drop trigger if exists ${name} on ${on.split(' on ').at(-1)};
           create or replace function ${name}() returns trigger language plpgsql as $$
           begin
             ${body}
             return null;
           end $$;
           create trigger ${name} ${on} for each row execute function ${name}();`,
        )
        .execute(db)
    }
    return
  }
  for (const [name, body] of Object.entries(SQLITE_TRIGGERS)) {
    await sql.raw(`drop trigger if exists ${name}`).execute(db)
    await sql.raw(`create trigger ${name} ${body}`).execute(db)
  }
}

export async function down(): Promise<void> {
  // Forward-only (README): the columns are harmless to an older build, which neither reads nor writes them.
}
