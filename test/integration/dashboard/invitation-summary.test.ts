import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CompiledQuery, Kysely, Migrator, SqliteDialect, sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { countDashboardVendors } from '#app/dashboard/dashboard.server.ts'
import { type DashboardParams, parseDashboardParams, SORT_KEYS, type SortKey } from '#app/dashboard/dashboard-params.ts'
import { listDashboardExportRows, listDashboardPageIds, pageIdsQuery } from '#app/dashboard/queries.server.ts'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { insertInvitation, invitationsWithCurrentAssessment } from '#app/invitations/queries.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import { migrations } from '#db/migrations/index.ts'
import type { Database } from '#db/schema.ts'
import { openSqliteHandle } from '#db/sqlite-handle.ts'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'
import { addVendor } from '#test/support/dashboard-vendors.ts'
import { testDialect } from '#test/support/databases.ts'

// The dashboard reads `invitation_summary`, one row per invitation kept by triggers, and walks an
// index per sort key. These tests hold the summary to its sources after every kind of write, hold
// every page to the one true order, and check that SQLite (and PostgreSQL) really walk the indexes.

beforeAll(async () => {
  await migrateToLatest(getDb())
})

/**
 * What the summary must hold, computed from its sources: each invitation with its response's current
 * assessment and its current decision.
 */
function expectedSummary(db: Kysely<Database>, engagementId: string) {
  return sql<Record<string, unknown>>`
    select i.engagement_id, i.id as invitation_id, i.vendor_company, i.contact_email, i.status, i.expires_at,
      i.submitted_at, a.score, a.verdict, a.location_class, a.model, a.blocker_count, a.condition_count,
      a.as_of as assessed_as_of, d.decision, d.created_at as decided_at,
      a.buyer_action, a.qualify_changes, a.residual_risk
    from invitation i
    left join response r on r.invitation_id = i.id
    left join assessment a on a.response_id = r.id and a.is_current = 1
    left join vendor_decision d on d.invitation_id = i.id and d.is_current = 1
    where i.engagement_id = ${engagementId}
    order by i.id`
    .execute(db)
    .then((result) => result.rows)
}

function storedSummary(db: Kysely<Database>, engagementId: string) {
  return db
    .selectFrom('invitation_summary')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('invitation_id')
    .execute()
}

const params = (search: string): DashboardParams => parseDashboardParams(new URLSearchParams(search)).params

describe('the invitation summary', () => {
  test('matches the invitations, their current assessments and decisions after every kind of write', async () => {
    const db = getDb()
    const org = await createOrganisation('Summary Org')
    const engagementId = await createEngagement(org.organisationId, 'Summary')
    const scope = { organisationId: org.organisationId, engagementId }
    const responseOf = async (invitationId: string) =>
      (await db.selectFrom('response').select('id').where('invitation_id', '=', invitationId).executeTakeFirstOrThrow())
        .id
    const assess = async (invitationId: string, score: number, verdict: 'approve' | 'reject') =>
      db
        .insertInto('assessment')
        .values({
          id: newId(),
          response_id: await responseOf(invitationId),
          engine_version: '1.0.0',
          rules_version: '2026.11',
          questionnaire_id: 'cross-border-core',
          questionnaire_version: 1,
          as_of: '2026-12-02',
          score,
          verdict,
          location_class: 'nearshore',
          model: 'onshore',
          blocker_count: verdict === 'reject' ? 2 : 0,
          condition_count: 0,
          profile_json: '{}',
          result_json: '{}',
          trace_json: '[]',
          is_current: 1,
          created_at: nowIso(),
          residual_risk: verdict === 'reject' ? 'critical' : 'medium',
          buyer_action: verdict === 'reject' ? 'not-allowed' : 'within-appetite',
        })
        .execute()
    const retireAssessments = async (invitationId: string) =>
      db
        .updateTable('assessment')
        .set({ is_current: 0 })
        .where('response_id', '=', await responseOf(invitationId))
        .where('is_current', '=', 1)
        .execute()

    let assessed = ''
    let invited = ''
    const steps: Array<[string, () => Promise<unknown>]> = [
      [
        'vendors added (invitation, response, answer, assessment, decisions)',
        async () => {
          assessed = await addVendor(scope, {
            company: 'Lagos Ledger',
            assessment: { score: 70, verdict: 'approve' },
            decision: 'shortlisted',
          })
          invited = await addVendor(scope, { company: 'Accra Analytics', status: 'invited' })
        },
      ],
      [
        'an invitation renamed, readdressed, reopened and extended',
        () =>
          db
            .updateTable('invitation')
            .set({
              vendor_company: 'Lagos Ledger Ltd',
              contact_email: 'new@lagos.example',
              status: 'reopened',
              expires_at: '2099-06-01T00:00:00.000Z',
            })
            .where('id', '=', assessed)
            .execute(),
      ],
      [
        'a re-assessment added before the old one is retired',
        async () => {
          const old = await db
            .selectFrom('assessment')
            .select('id')
            .where('response_id', '=', await responseOf(assessed))
            .executeTakeFirstOrThrow()
          await assess(assessed, 40, 'reject')
          await db.updateTable('assessment').set({ is_current: 0 }).where('id', '=', old.id).execute()
        },
      ],
      [
        'a re-assessment added after the old one is retired',
        async () => {
          await retireAssessments(assessed)
          await assess(assessed, 55, 'approve')
        },
      ],
      [
        'an assessment corrected in place',
        async () =>
          db
            .updateTable('assessment')
            .set({ score: 56 })
            .where('response_id', '=', await responseOf(assessed))
            .where('is_current', '=', 1)
            .execute(),
      ],
      [
        'the current assessment judged again under a lower appetite',
        async () =>
          db
            .updateTable('assessment')
            .set({ buyer_action: 'remediate-first', residual_risk: 'high', qualify_changes: 2 })
            .where('response_id', '=', await responseOf(assessed))
            .where('is_current', '=', 1)
            .execute(),
      ],
      [
        'the current assessment deleted',
        async () =>
          db
            .deleteFrom('assessment')
            .where('response_id', '=', await responseOf(assessed))
            .where('is_current', '=', 1)
            .execute(),
      ],
      ['an assessment again', () => assess(assessed, 61, 'approve')],
      [
        'a new decision superseding the current one',
        async () => {
          await db.updateTable('vendor_decision').set({ is_current: 0 }).where('invitation_id', '=', assessed).execute()
          await db
            .insertInto('vendor_decision')
            .values({
              id: newId(),
              organisation_id: org.organisationId,
              engagement_id: engagementId,
              invitation_id: assessed,
              decision: 'approved',
              created_at: nowIso(),
            })
            .execute()
        },
      ],
      [
        'the current decision deleted',
        () =>
          db.deleteFrom('vendor_decision').where('invitation_id', '=', assessed).where('is_current', '=', 1).execute(),
      ],
      [
        'a response deleted (its assessments go with it)',
        () => db.deleteFrom('response').where('invitation_id', '=', assessed).execute(),
      ],
      ['an invitation deleted', () => db.deleteFrom('invitation').where('id', '=', invited).execute()],
    ]
    for (const [what, write] of steps) {
      await write()
      expect(await storedSummary(db, engagementId), what).toEqual(await expectedSummary(db, engagementId))
    }
    expect(await storedSummary(db, engagementId)).toHaveLength(1)
    expect((await countDashboardVendors(db, { scope, params: params('') })).unassessed).toBe(1)
  })

  test('is filled by its migration for the invitations that existed before it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shoreline-summary-'))
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: openSqliteHandle(path.join(dir, 'db.sqlite')) }),
    })
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
      const before = await migrator.migrateTo('2026-11-30T0100_create_engagement_revision')
      expect(before.error).toBeUndefined()
      const now = nowIso()
      const organisationId = newId()
      const engagementId = newId()
      await db
        .insertInto('organisation')
        .values({ id: organisationId, name: 'Old Org', created_at: now, updated_at: now })
        .execute()
      await db
        .insertInto('engagement')
        .values({
          id: engagementId,
          organisation_id: organisationId,
          name: 'Old engagement',
          due_date: null,
          questionnaire_id: 'cross-border-core',
          questionnaire_version: 1,
          created_by_user_id: null,
          created_at: now,
          updated_at: now,
        })
        .execute()
      const ids = [newId(), newId()]
      for (const [i, id] of ids.entries()) {
        await insertInvitation(db, {
          id,
          organisation_id: organisationId,
          engagement_id: engagementId,
          vendor_company: `Old Vendor ${i}`,
          vendor_country: 'IN',
          contact_name: 'Contact',
          contact_email: `old-${i}@vendor.example`,
          token_hash: newId(),
          status: 'submitted',
          expires_at: '2099-01-01T00:00:00.000Z',
          submitted_at: now,
          created_at: now,
        })
      }
      const responseId = newId()
      await db
        .insertInto('response')
        .values({
          id: responseId,
          invitation_id: ids[0]!,
          questionnaire_id: 'cross-border-core',
          questionnaire_version: 1,
          status: 'submitted',
          submitted_at: now,
          created_at: now,
          updated_at: now,
        })
        .execute()
      for (const [score, current] of [
        [30, 0],
        [80, 1],
      ] as const) {
        await db
          .insertInto('assessment')
          .values({
            id: newId(),
            response_id: responseId,
            engine_version: '1.0.0',
            rules_version: '2026.11',
            questionnaire_id: 'cross-border-core',
            questionnaire_version: 1,
            as_of: '2026-11-30',
            score,
            verdict: 'approve',
            location_class: 'onshore',
            model: 'onshore',
            profile_json: '{}',
            result_json: '{}',
            trace_json: '[]',
            is_current: current,
            created_at: now,
          })
          .execute()
      }
      await db
        .insertInto('vendor_decision')
        .values({
          id: newId(),
          organisation_id: organisationId,
          engagement_id: engagementId,
          invitation_id: ids[1]!,
          decision: 'rejected',
          created_at: now,
        })
        .execute()

      // The appetite's judgement, made before 2026-12-03T0610 put it in the summary, is copied by it too.
      expect((await migrator.migrateTo('2026-12-03T0600_index_assessment_created_at')).error).toBeUndefined()
      await db
        .updateTable('assessment')
        .set({ buyer_action: 'remediate-first', residual_risk: 'high', qualify_changes: 1 })
        .where('response_id', '=', responseId)
        .where('is_current', '=', 1)
        .execute()
      const after = await migrator.migrateToLatest()
      expect(after.error).toBeUndefined()
      const stored = await storedSummary(db, engagementId)
      expect(stored).toEqual(await expectedSummary(db, engagementId))
      expect(
        Object.fromEntries(stored.map((row) => [row.vendor_company, [row.score, row.decision, row.buyer_action]])),
      ).toEqual({
        'Old Vendor 0': [80, null, 'remediate-first'],
        'Old Vendor 1': [null, 'rejected', null],
      })
    } finally {
      await db.destroy()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('pages of the summary', () => {
  // 23 vendors: scores with ties and gaps, five not assessed, names that tie but for case, and every
  // status, links past their expiry among them (the two open ones read "expired"; a submitted and a
  // revoked vendor keep their status).
  let scope: { organisationId: string; engagementId: string }
  beforeAll(async () => {
    const org = await createOrganisation('Pages Org')
    scope = { organisationId: org.organisationId, engagementId: await createEngagement(org.organisationId, 'Pages') }
    const verdicts = ['approve', 'approve-with-conditions', 'reject'] as const
    const unassessed = ['in-progress', 'invited', 'in-progress', 'revoked', 'opened'] as const
    for (let i = 0; i < 23; i++) {
      await addVendor(scope, {
        company: i % 4 === 0 ? `vendor ${i % 3}` : `Vendor ${String(i).padStart(2, '0')}`,
        status: i >= 18 ? unassessed[i - 18] : undefined,
        expired: i === 3 || i >= 20,
        assessment:
          i < 18
            ? {
                score: 40 + (i % 6) * 10,
                verdict: verdicts[i % 3]!,
                locationClass: (['onshore', 'nearshore', 'offshore'] as const)[i % 3],
                blockers: i % 4,
                conditions: i % 2,
              }
            : undefined,
        decision: i % 5 === 0 ? 'approved' : i % 7 === 0 ? 'shortlisted' : undefined,
      })
    }
  })

  test('every page of every sort, both ways, filtered or not, is exactly its slice of the one order', async () => {
    const db = getDb()
    const now = nowIso()
    for (const filter of ['', 'verdict=reject', 'decision=none', 'q=vendor 1']) {
      for (const sort of SORT_KEYS) {
        for (const dir of ['asc', 'desc']) {
          const view = params(`sort=${sort}&dir=${dir}&${filter}`)
          const order = (await listDashboardExportRows(db, scope, view, now)).map((row) => row.id)
          for (let offset = 0; offset < order.length; offset += 7) {
            const page = await listDashboardPageIds(db, scope, view, { now, limit: 7, offset, total: order.length })
            expect(page, `${sort} ${dir} ${filter} from ${offset}`).toEqual(order.slice(offset, offset + 7))
          }
        }
      }
    }
  })

  test('a page walks the index of its sort key and direction, never sorting, filtered or not', async () => {
    const db = getDb()
    const now = nowIso()
    // SQLite's plan, or PostgreSQL's with sorting and table scans priced out (with 23 rows it would
    // rather sort), so an index is used exactly when it can give the order by itself.
    const { plan, uses, sorts, byPrimaryKey } = planReader(db)
    for (const sort of SORT_KEYS.filter((key) => key !== 'status')) {
      for (const dir of ['asc', 'desc'] as const) {
        for (const filter of ['', 'verdict=reject&location=offshore', 'decision=none&q=vendor', 'status=expired']) {
          for (const offset of [0, 20]) {
            const { query } = pageIdsQuery(db, scope, params(`sort=${sort}&dir=${dir}&${filter}`), {
              now,
              limit: 3,
              offset,
              total: 23,
            })
            const detail = await plan(query)
            expect(detail, `${sort} ${dir} ${filter} at ${offset}: ${detail}`).toContain(
              uses(`invitation_summary_${sort}_${dir}`),
            )
            expect(detail).not.toMatch(sorts)
          }
        }
      }
    }
    if (testDialect() === 'sqlite') {
      // The order by status depends on the time of asking ("expired"): the vendors whose link has not
      // expired walk the index by stored status, merged with the expired ones, the only rows sorted.
      for (const dir of ['asc', 'desc'] as const) {
        for (const filter of ['', 'verdict=reject&location=offshore', 'decision=none&q=vendor']) {
          for (const offset of [0, 20]) {
            const { query } = pageIdsQuery(db, scope, params(`sort=status&dir=${dir}&${filter}`), {
              now,
              limit: 3,
              offset,
              total: 23,
            })
            const detail = await plan(query)
            expect(detail, `status ${dir} ${filter} at ${offset}`).toContain('MERGE (UNION ALL)')
            expect(detail).toContain(`USING COVERING INDEX invitation_summary_status_${dir}`)
            expect(detail).toContain('USING COVERING INDEX invitation_summary_open_by_expiry')
            expect(detail.match(/TEMP B-TREE/g)).toHaveLength(1)
          }
        }
      }
    } else {
      // PostgreSQL does not merge the two walks: the order by status is the one sort that sorts there.
      const { query: byStatus } = pageIdsQuery(db, scope, params('sort=status'), {
        now,
        limit: 3,
        offset: 0,
        total: 23,
      })
      expect(await plan(byStatus)).toMatch(sorts)
    }
    // The reports find their vendors by the summary's primary key, not among the organisation's invitations.
    const six = invitationsWithCurrentAssessment(db, { ...scope, invitationIds: [newId(), newId()] }).select(
      'invitation.id',
    )
    expect(await plan(six)).toMatch(byPrimaryKey)
  })

  test('every sort index holds the columns its key and the filters read, so a walk never reads the table', async () => {
    // SQLite reports an index holding an expression as covering, yet reads the table to compute it
    // on every row walked when the expression's column is not in the index (sorting by model did:
    // 30 to 60 ms for a page in the middle of 20,000 vendors). The plan cannot show it; the columns can.
    const db = getDb()
    const read: Record<SortKey, string[]> = {
      vendor: ['vendor_company'],
      status: ['status'],
      score: ['score'],
      verdict: ['verdict'],
      location: ['location_class'],
      model: ['model'],
      blockers: ['blocker_count'],
      conditions: ['condition_count'],
      decision: ['decision'],
      submitted: ['submitted_at'],
    }
    const filters = ['verdict', 'location_class', 'decision', 'status', 'expires_at', 'contact_email', 'vendor_company']
    if (testDialect() === 'postgres') {
      // PostgreSQL reads an indexed expression from the index itself: each sort index exists (but
      // status's, an order PostgreSQL sorts).
      const { rows } = await sql<{ name: string }>`select indexname as name from pg_indexes
        where schemaname = current_schema() and tablename = 'invitation_summary'`.execute(db)
      const names = rows.map((row) => row.name)
      for (const sort of SORT_KEYS.filter((key) => key !== 'status'))
        for (const dir of ['asc', 'desc']) expect(names).toContain(`invitation_summary_${sort}_${dir}`)
      return
    }
    for (const sort of SORT_KEYS) {
      for (const dir of ['asc', 'desc']) {
        const index = `invitation_summary_${sort}_${dir}`
        const { rows } = await sql<{ name: string | null }>`select name from pragma_index_xinfo(${index})`.execute(db)
        const columns = rows.map((row) => row.name)
        for (const column of [...read[sort], ...filters]) expect(columns, `${index} holds ${column}`).toContain(column)
      }
    }
  })
})

/** How a query is planned, read the same way on either dialect. */
function planReader(db: Kysely<Database>) {
  const explain = (compiled: CompiledQuery, prefix: string) =>
    db.executeQuery<Record<string, string>>(CompiledQuery.raw(`${prefix} ${compiled.sql}`, [...compiled.parameters]))
  if (testDialect() === 'postgres') {
    return {
      plan: (query: { compile(): CompiledQuery }) =>
        db.connection().execute(async (connection) => {
          await sql`set enable_seqscan = off`.execute(connection)
          await sql`set enable_sort = off`.execute(connection)
          await sql`set enable_incremental_sort = off`.execute(connection)
          try {
            const result = await connection.executeQuery<Record<string, string>>(
              CompiledQuery.raw(`explain (costs off) ${query.compile().sql}`, [...query.compile().parameters]),
            )
            return result.rows.map((row) => row['QUERY PLAN']).join(' | ')
          } finally {
            await sql`reset enable_seqscan`.execute(connection)
            await sql`reset enable_sort`.execute(connection)
            await sql`reset enable_incremental_sort`.execute(connection)
          }
        }),
      uses: (index: string) => `using ${index} on invitation_summary`,
      sorts: /(^|\| |-> {2})(Incremental )?Sort\b/,
      byPrimaryKey: /using invitation_summary_pk on invitation_summary s/,
    }
  }
  return {
    plan: async (query: { compile(): CompiledQuery }) =>
      (await explain(query.compile(), 'explain query plan')).rows.map((row) => row.detail).join(' | '),
    uses: (index: string) => `USING COVERING INDEX ${index}`,
    sorts: /TEMP B-TREE/,
    byPrimaryKey: /SEARCH s USING PRIMARY KEY \(engagement_id=\? AND invitation_id=\?\)/,
  }
}
