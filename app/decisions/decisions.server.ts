import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import type { DecisionInput, DecisionRecord } from './decision.ts'

/**
 * Decisions are history: recording one makes the previous one non-current and inserts the new one,
 * audited, in one transaction. The dashboard reads `vendor_decision` where `is_current = 1`.
 */

type Scope = { organisationId: string; engagementId: string; invitationId: string }

/** Records a decision on an invitation of the organisation's engagement and audits it (`vendor.decided`). */
export async function recordDecision(
  db: Kysely<Database>,
  { scope, userId, input }: { scope: Scope; userId: string; input: DecisionInput },
): Promise<DecisionRecord> {
  const id = newId()
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('vendor_decision')
      .set({ is_current: 0 })
      .where('organisation_id', '=', scope.organisationId)
      .where('invitation_id', '=', scope.invitationId)
      .where('is_current', '=', 1)
      .execute()
    await trx
      .insertInto('vendor_decision')
      .values({
        id,
        organisation_id: scope.organisationId,
        engagement_id: scope.engagementId,
        invitation_id: scope.invitationId,
        decision: input.decision,
        comment: input.comment,
        decided_by_user_id: userId,
        is_current: 1,
        created_at: now,
      })
      .execute()
    await recordAuditEvent(trx, {
      organisationId: scope.organisationId,
      engagementId: scope.engagementId,
      actor: { type: 'user', userId },
      action: 'vendor.decided',
      subjectType: 'invitation',
      subjectId: scope.invitationId,
      detail: { decision: input.decision, comment: input.comment },
    })
  })
  return { id, decision: input.decision, comment: input.comment, decidedBy: null, decidedAt: now }
}

/**
 * Every decision on the given invitations, newest first, with the decider's name.
 * SQL: select … from vendor_decision left join user where org = ? and engagement = ? and invitation in (…)
 */
export async function listDecisions(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    invitationIds,
    currentOnly = false,
  }: { organisationId: string; engagementId: string; invitationIds: readonly string[]; currentOnly?: boolean },
): Promise<Map<string, DecisionRecord[]>> {
  const byInvitation = new Map<string, DecisionRecord[]>()
  if (invitationIds.length === 0) return byInvitation
  let query = db
    .selectFrom('vendor_decision')
    .leftJoin('user', 'user.id', 'vendor_decision.decided_by_user_id')
    .select([
      'vendor_decision.id',
      'vendor_decision.invitation_id as invitationId',
      'vendor_decision.decision',
      'vendor_decision.comment',
      'vendor_decision.created_at as decidedAt',
      'user.name as decidedBy',
    ])
    .where('vendor_decision.organisation_id', '=', organisationId)
    .where('vendor_decision.engagement_id', '=', engagementId)
    .where('vendor_decision.invitation_id', 'in', [...invitationIds])
  if (currentOnly) query = query.where('vendor_decision.is_current', '=', 1)
  // The current one first even when two decisions share a millisecond.
  const rows = await query
    .orderBy('vendor_decision.is_current', 'desc')
    .orderBy('vendor_decision.created_at', 'desc')
    .execute()
  for (const row of rows) {
    const list = byInvitation.get(row.invitationId) ?? []
    list.push({
      id: row.id,
      decision: row.decision,
      comment: row.comment,
      decidedBy: row.decidedBy,
      decidedAt: row.decidedAt,
    })
    byInvitation.set(row.invitationId, list)
  }
  return byInvitation
}

/** The decisions on one vendor, newest first (the first is current). */
export async function decisionHistory(db: Kysely<Database>, scope: Scope): Promise<DecisionRecord[]> {
  const map = await listDecisions(db, { ...scope, invitationIds: [scope.invitationId] })
  return map.get(scope.invitationId) ?? []
}

/** The current decision on one vendor, if any. */
export async function currentDecision(db: Kysely<Database>, scope: Scope): Promise<DecisionRecord | undefined> {
  const map = await listDecisions(db, { ...scope, invitationIds: [scope.invitationId], currentOnly: true })
  return map.get(scope.invitationId)?.[0]
}
