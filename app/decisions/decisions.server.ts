import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import type { DecisionInput, DecisionRecord } from './decision.ts'
import { listDecisionRows, replaceCurrentDecision } from './queries.server.ts'

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
    await replaceCurrentDecision(trx, {
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
  const rows = await listDecisionRows(db, { organisationId, engagementId, invitationIds, currentOnly })
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
