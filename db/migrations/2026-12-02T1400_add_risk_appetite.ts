import type { Kysely } from 'kysely'

// Frozen once landed: risk appetite (issue 14). An engagement keeps the highest residual risk it
// accepts (`risk_appetite`: low, medium or high; medium by default) and the rules whose findings it
// treats as blockers (`blocking_rules_json`, a JSON array of rule ids). Each assessment keeps what
// that policy made of it, computed once when the assessment was made: the engine's residual risk,
// the buyer's action (within-appetite, remediate-first, not-allowed), the fewest changes of the
// vendor's that would bring it within appetite (`qualify_changes`: 0 when it is, null when nothing
// found does) and the whole judgement (`appetite_json`: policy, reason, the suggestions of "what
// would change this" and how far the law lets the profile go). Columns are added at the end of the
// row, after the large JSON texts, so an index carries the ones the dashboard's panel filters and
// sorts on (the 2026-11-29T2300 covering index does the same for the headline columns).
//
// Current assessments made before this migration get their residual risk (already in their result)
// and the action under the default policy; their suggestions are computed when they are next
// assessed (any profile or appetite change, or a new rules release).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('engagement')
    .addColumn('risk_appetite', 'text', (c) => c.notNull().defaultTo('medium'))
    .execute()
  await db.schema
    .alterTable('engagement')
    .addColumn('blocking_rules_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  for (const [column, type] of [
    ['residual_risk', 'text'],
    ['buyer_action', 'text'],
    ['qualify_changes', 'integer'],
    ['appetite_json', 'text'],
  ] as const) {
    await db.schema.alterTable('assessment').addColumn(column, type).execute()
  }
  await db.schema
    .createIndex('assessment_current_appetite_idx')
    .on('assessment')
    .columns(['response_id', 'is_current', 'buyer_action', 'residual_risk', 'qualify_changes'])
    .execute()

  // Backfill the current assessments in batches (the result JSON is parsed here, not in SQL, so
  // the statement is the same on SQLite and PostgreSQL).
  const RISKS = ['low', 'medium', 'high', 'critical']
  let after = ''
  for (;;) {
    const rows: { id: string; verdict: string; result_json: string }[] = await db
      .selectFrom('assessment')
      .select(['id', 'verdict', 'result_json'])
      .where('is_current', '=', 1)
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute()
    if (rows.length === 0) break
    for (const row of rows) {
      const risk: unknown = (JSON.parse(row.result_json) as { residualRisk?: unknown }).residualRisk
      if (typeof risk !== 'string' || !RISKS.includes(risk)) continue
      // The default policy as it stands today: medium appetite, no rule raised.
      const action =
        row.verdict === 'reject'
          ? 'not-allowed'
          : RISKS.indexOf(risk) > RISKS.indexOf('medium')
            ? 'remediate-first'
            : 'within-appetite'
      await db
        .updateTable('assessment')
        .set({ residual_risk: risk, buyer_action: action })
        .where('id', '=', row.id)
        .execute()
    }
    after = rows.at(-1)!.id
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assessment_current_appetite_idx').execute()
  for (const column of ['appetite_json', 'qualify_changes', 'buyer_action', 'residual_risk']) {
    await db.schema.alterTable('assessment').dropColumn(column).execute()
  }
  await db.schema.alterTable('engagement').dropColumn('blocking_rules_json').execute()
  await db.schema.alterTable('engagement').dropColumn('risk_appetite').execute()
}
