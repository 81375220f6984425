import { type Kysely, PostgresAdapter, sql } from 'kysely'

// Frozen once landed: one summary row per invitation with exactly what the engagement dashboard
// filters, sorts and counts on (the vendor's name and email, its status and link expiry, its current
// assessment's headline columns and its current decision). Without it, every view joined each of
// the engagement's invitations to its response and current assessment and sorted the result: about
// 110 ms of CPU per view with 20,000 vendors (docs/PERFORMANCE.md). The table is clustered by
// engagement (WITHOUT ROWID, primary key engagement then invitation), so counting reads one range.
//
// An index per sort key and direction holds the engagement's rows in exactly the dashboard's order
// (vendors without the value last, then name, then id) and every column a filter reads, so a page is
// a walk along one index that stops after its 50 rows: no sort, and no table lookup however the view
// is filtered. Sorting instead kept offset + 50 rows in SQLite's sorter: 15 to 35 ms of CPU for a
// page in the middle of 20,000 vendors, against under 1 ms along the index. A page in the back half
// is read backwards along the same index (app/dashboard/queries.server.ts). The order by status is
// the exception: "expired" depends on the time of asking, so it is sorted.
//
// Triggers keep it, in the writer's own transaction, like the engagement revision of 2026-11-30T0100:
// every writer (the app, the demo seed, the bench generator, a script, a test) is covered without
// remembering to. Each trigger recomputes its columns from the source rows rather than applying a
// difference, so the order in which an assessment is added and its predecessor retired does not
// matter. SQLite only (WITHOUT ROWID, trigger syntax): a PostgreSQL port writes this file's branch
// with the same table (a plain primary key) and the same statements in trigger functions.
const ASSESSMENT_COLUMNS = 'score, verdict, location_class, model, blocker_count, condition_count, assessed_as_of'
const CURRENT_ASSESSMENT = (responseId: string) =>
  `(select a.score, a.verdict, a.location_class, a.model, a.blocker_count, a.condition_count, a.as_of
      from assessment a where a.response_id = ${responseId} and a.is_current = 1
      order by a.created_at desc limit 1)`
const SUMMARY_OF_RESPONSE = (responseId: string) =>
  `(engagement_id, invitation_id) = (select i.engagement_id, i.id from response r
      join invitation i on i.id = r.invitation_id where r.id = ${responseId})`
const CURRENT_DECISION = (invitationId: string) =>
  `(select d.decision, d.created_at from vendor_decision d
      where d.invitation_id = ${invitationId} and d.is_current = 1 order by d.created_at desc limit 1)`

/**
 * Each sort key's expression, exactly as app/dashboard/queries.server.ts orders by it (an index
 * serves an ORDER BY only when the expressions match; a test checks every key's query plan).
 */
const SORT_KEYS: Record<string, string> = {
  score: 'score',
  verdict: "(case verdict when 'approve' then 1 when 'approve-with-conditions' then 2 when 'reject' then 3 end)",
  location: "(case location_class when 'onshore' then 1 when 'nearshore' then 2 when 'offshore' then 3 end)",
  model: "(case model when 'onshore' then 1 when 'nearshore' then 2 when 'offshore' then 3 end)",
  blockers: 'blocker_count',
  conditions: 'condition_count',
  decision: "(case decision when 'approved' then 1 when 'shortlisted' then 2 when 'rejected' then 3 end)",
  submitted: 'submitted_at',
}
/** What the filters read, carried in every index so a filtered walk never visits the table. */
const FILTER_COLUMNS = 'verdict, location_class, decision, status, expires_at, contact_email'

function sortIndexes(): Record<string, string> {
  const indexes: Record<string, string> = {
    invitation_summary_vendor_asc: `engagement_id, vendor_company collate nocase, invitation_id, ${FILTER_COLUMNS}`,
    invitation_summary_vendor_desc: `engagement_id, vendor_company collate nocase desc, invitation_id, ${FILTER_COLUMNS}`,
  }
  for (const [name, key] of Object.entries(SORT_KEYS)) {
    for (const dir of ['asc', 'desc']) {
      indexes[`invitation_summary_${name}_${dir}`] =
        `engagement_id, (${key}) is null, ${key} ${dir}, vendor_company collate nocase, invitation_id, ${FILTER_COLUMNS}`
    }
  }
  return indexes
}

const TRIGGERS: Record<string, string> = {
  invitation_summary_on_invitation_insert: `after insert on invitation begin
      insert into invitation_summary
        (engagement_id, invitation_id, vendor_company, contact_email, status, expires_at, submitted_at)
      values (new.engagement_id, new.id, new.vendor_company, new.contact_email, new.status, new.expires_at,
        new.submitted_at);
    end`,
  invitation_summary_on_invitation_update: `after update of vendor_company, contact_email, status, expires_at,
      submitted_at on invitation begin
      update invitation_summary set vendor_company = new.vendor_company, contact_email = new.contact_email,
        status = new.status, expires_at = new.expires_at, submitted_at = new.submitted_at
      where engagement_id = new.engagement_id and invitation_id = new.id;
    end`,
  invitation_summary_on_invitation_delete: `after delete on invitation begin
      delete from invitation_summary where engagement_id = old.engagement_id and invitation_id = old.id;
    end`,
  invitation_summary_on_response_delete: `after delete on response begin
      update invitation_summary set (${ASSESSMENT_COLUMNS}) = (select null, null, null, null, null, null, null)
      where (engagement_id, invitation_id) = (select engagement_id, id from invitation where id = old.invitation_id);
    end`,
  invitation_summary_on_assessment_insert: `after insert on assessment begin
      update invitation_summary set (${ASSESSMENT_COLUMNS}) = ${CURRENT_ASSESSMENT('new.response_id')}
      where ${SUMMARY_OF_RESPONSE('new.response_id')};
    end`,
  invitation_summary_on_assessment_update: `after update of is_current, score, verdict, location_class, model,
      blocker_count, condition_count, as_of, response_id on assessment begin
      update invitation_summary set (${ASSESSMENT_COLUMNS}) = ${CURRENT_ASSESSMENT('new.response_id')}
      where ${SUMMARY_OF_RESPONSE('new.response_id')};
      update invitation_summary set (${ASSESSMENT_COLUMNS}) = ${CURRENT_ASSESSMENT('old.response_id')}
      where old.response_id <> new.response_id and ${SUMMARY_OF_RESPONSE('old.response_id')};
    end`,
  invitation_summary_on_assessment_delete: `after delete on assessment begin
      update invitation_summary set (${ASSESSMENT_COLUMNS}) = ${CURRENT_ASSESSMENT('old.response_id')}
      where ${SUMMARY_OF_RESPONSE('old.response_id')};
    end`,
  invitation_summary_on_decision_insert: `after insert on vendor_decision begin
      update invitation_summary set (decision, decided_at) = ${CURRENT_DECISION('new.invitation_id')}
      where engagement_id = new.engagement_id and invitation_id = new.invitation_id;
    end`,
  invitation_summary_on_decision_update: `after update of is_current, decision, invitation_id on vendor_decision begin
      update invitation_summary set (decision, decided_at) = ${CURRENT_DECISION('new.invitation_id')}
      where engagement_id = new.engagement_id and invitation_id = new.invitation_id;
    end`,
  invitation_summary_on_decision_delete: `after delete on vendor_decision begin
      update invitation_summary set (decision, decided_at) = ${CURRENT_DECISION('old.invitation_id')}
      where engagement_id = old.engagement_id and invitation_id = old.invitation_id;
    end`,
}

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return upPostgres(db)
  await db.schema
    .createTable('invitation_summary')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('invitation_id', 'text', (c) => c.notNull())
    .addColumn('vendor_company', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('score', 'integer')
    .addColumn('verdict', 'text')
    .addColumn('location_class', 'text')
    .addColumn('model', 'text')
    .addColumn('blocker_count', 'integer')
    .addColumn('condition_count', 'integer')
    .addColumn('assessed_as_of', 'text')
    .addColumn('decision', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('invitation_summary_pk', ['engagement_id', 'invitation_id'])
    .modifyEnd(sql`without rowid`)
    .execute()
  await sql`
    insert into invitation_summary (engagement_id, invitation_id, vendor_company, contact_email, status, expires_at,
      submitted_at, score, verdict, location_class, model, blocker_count, condition_count, assessed_as_of, decision,
      decided_at)
    select i.engagement_id, i.id, i.vendor_company, i.contact_email, i.status, i.expires_at,
      i.submitted_at, a.score, a.verdict, a.location_class, a.model, a.blocker_count, a.condition_count, a.as_of,
      d.decision, d.created_at
    from invitation i
    left join response r on r.invitation_id = i.id
    left join assessment a on a.id = (select id from assessment where response_id = r.id and is_current = 1
      order by created_at desc limit 1)
    left join vendor_decision d on d.id = (select id from vendor_decision where invitation_id = i.id and is_current = 1
      order by created_at desc limit 1)
  `.execute(db)
  for (const [name, columns] of Object.entries(sortIndexes())) {
    await sql.raw(`create index ${name} on invitation_summary (${columns})`).execute(db)
  }
  for (const [name, body] of Object.entries(TRIGGERS)) {
    await sql.raw(`create trigger ${name} ${body}`).execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  for (const name of Object.keys(TRIGGERS))
    await sql.raw(postgres ? `drop function if exists ${name}() cascade` : `drop trigger if exists ${name}`).execute(db)
  await db.schema.dropTable('invitation_summary').execute()
}

// --- PostgreSQL (added 2026-12-02; the SQLite statements above are unchanged) ---------------------
// The same table (a plain primary key: PostgreSQL has no WITHOUT ROWID), filled the same way, the
// same sort indexes with lower() for SQLite's NOCASE collation (app/db/queries.server.ts,
// `caseInsensitive`, orders by the same expression), and each trigger's statements in a PL/pgSQL
// function: the SQLite bodies are reused, with `new.`/`old.` as PL/pgSQL reads them, except where
// the syntax differs (clearing the assessment columns, and the second update of an assessment
// moved to another response).
const POSTGRES_TRIGGERS: Record<string, { on: string; body: string }> = {
  invitation_summary_on_invitation_insert: { on: 'after insert on invitation', body: '' },
  invitation_summary_on_invitation_update: {
    on: 'after update of vendor_company, contact_email, status, expires_at, submitted_at on invitation',
    body: '',
  },
  invitation_summary_on_invitation_delete: { on: 'after delete on invitation', body: '' },
  invitation_summary_on_response_delete: {
    on: 'after delete on response',
    body: `update invitation_summary set score = null, verdict = null, location_class = null, model = null,
        blocker_count = null, condition_count = null, assessed_as_of = null
      where (engagement_id, invitation_id) = (select engagement_id, id from invitation where id = old.invitation_id);`,
  },
  invitation_summary_on_assessment_insert: { on: 'after insert on assessment', body: '' },
  invitation_summary_on_assessment_update: {
    on: `after update of is_current, score, verdict, location_class, model, blocker_count, condition_count, as_of,
      response_id on assessment`,
    body: `update invitation_summary set (${ASSESSMENT_COLUMNS}) = ${CURRENT_ASSESSMENT('new.response_id')}
      where ${SUMMARY_OF_RESPONSE('new.response_id')};
      if old.response_id <> new.response_id then
        update invitation_summary set (${ASSESSMENT_COLUMNS}) = ${CURRENT_ASSESSMENT('old.response_id')}
        where ${SUMMARY_OF_RESPONSE('old.response_id')};
      end if;`,
  },
  invitation_summary_on_assessment_delete: { on: 'after delete on assessment', body: '' },
  invitation_summary_on_decision_insert: { on: 'after insert on vendor_decision', body: '' },
  invitation_summary_on_decision_update: {
    on: 'after update of is_current, decision, invitation_id on vendor_decision',
    body: '',
  },
  invitation_summary_on_decision_delete: { on: 'after delete on vendor_decision', body: '' },
}

/** The statements between SQLite's `begin` and `end`, for the triggers whose SQL both accept. */
function sqliteBody(name: string): string {
  const match = /\bbegin\b([\s\S]*)\bend$/.exec((TRIGGERS[name] ?? '').trim())
  if (!match?.[1]) throw new Error(`no SQLite body for trigger ${name}`)
  return match[1].trim()
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invitation_summary')
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('invitation_id', 'text', (c) => c.notNull())
    .addColumn('vendor_company', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('score', 'integer')
    .addColumn('verdict', 'text')
    .addColumn('location_class', 'text')
    .addColumn('model', 'text')
    .addColumn('blocker_count', 'integer')
    .addColumn('condition_count', 'integer')
    .addColumn('assessed_as_of', 'text')
    .addColumn('decision', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('invitation_summary_pk', ['engagement_id', 'invitation_id'])
    .execute()
  await sql`
    insert into invitation_summary (engagement_id, invitation_id, vendor_company, contact_email, status, expires_at,
      submitted_at, score, verdict, location_class, model, blocker_count, condition_count, assessed_as_of, decision,
      decided_at)
    select i.engagement_id, i.id, i.vendor_company, i.contact_email, i.status, i.expires_at,
      i.submitted_at, a.score, a.verdict, a.location_class, a.model, a.blocker_count, a.condition_count, a.as_of,
      d.decision, d.created_at
    from invitation i
    left join response r on r.invitation_id = i.id
    left join assessment a on a.id = (select id from assessment where response_id = r.id and is_current = 1
      order by created_at desc limit 1)
    left join vendor_decision d on d.id = (select id from vendor_decision where invitation_id = i.id and is_current = 1
      order by created_at desc limit 1)
  `.execute(db)
  for (const [name, columns] of Object.entries(sortIndexes())) {
    // An expression is parenthesised in a PostgreSQL index; a bare column may be too.
    const keys = columns.split(/,\s*(?![^()]*\))/).map((key) => {
      const nocase = /^(\w+) collate nocase( desc)?$/.exec(key)
      if (nocase) return `lower(${nocase[1]})${nocase[2] ?? ''}`
      const direction = / (asc|desc)$/.exec(key)
      const expression = direction ? key.slice(0, -direction[0].length) : key
      return /^\w+$/.test(expression) ? key : `(${expression})${direction?.[0] ?? ''}`
    })
    await sql.raw(`create index ${name} on invitation_summary (${keys.join(', ')})`).execute(db)
  }
  for (const [name, { on, body }] of Object.entries(POSTGRES_TRIGGERS)) {
    await sql
      .raw(
        `create function ${name}() returns trigger language plpgsql as $$
         begin
           ${body || sqliteBody(name)}
           return null;
         end $$;
         create trigger ${name} ${on} for each row execute function ${name}();`,
      )
      .execute(db)
  }
}
