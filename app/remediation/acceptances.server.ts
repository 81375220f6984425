import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import type { Assessment } from '../assessment/engine.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import type { AcceptanceRecord, AcceptRiskInput } from './acceptance.ts'
import { findVendorForBuyer, insertAcceptance, listAcceptances, withdrawAcceptance } from './queries.server.ts'
import { RemediationNotFoundError, RemediationRefusedError } from './requests.server.ts'

type Scope = { organisationId: string; engagementId: string; invitationId: string }

/** Every acceptance of the given vendors (any state), newest first, as records pages and PDFs read. */
export async function acceptancesOf(
  db: Kysely<Database>,
  { invitationIds }: { invitationIds: readonly string[] },
): Promise<Map<string, AcceptanceRecord[]>> {
  const out = new Map<string, AcceptanceRecord[]>()
  for (const row of await listAcceptances(db, { invitationIds })) {
    const list = out.get(row.invitationId) ?? []
    list.push({
      id: row.id,
      ruleId: row.ruleId,
      justification: row.justification,
      endsOn: row.endsOn,
      acceptedBy: row.acceptedBy,
      createdAt: row.createdAt,
      withdrawnAt: row.withdrawnAt,
    })
    out.set(row.invitationId, list)
  }
  return out
}

/**
 * A manager accepts one finding of the vendor's current assessment until a date, with a
 * justification; audited. A rule that is not a current finding is refused (400), another
 * organisation's vendor is not found.
 */
export async function acceptRisk(
  db: Kysely<Database>,
  { scope, userId, input }: { scope: Scope; userId: string; input: AcceptRiskInput },
) {
  const vendor = await findVendorForBuyer(db, scope)
  if (!vendor) throw new RemediationNotFoundError('Vendor not found')
  const findings = vendor.resultJson ? (JSON.parse(vendor.resultJson) as Assessment).findings : []
  if (!findings.some((f) => f.ruleId === input.ruleId)) {
    throw new RemediationRefusedError('That is not a finding of this vendor’s current assessment.')
  }
  const id = newId()
  await db.transaction().execute(async (trx) => {
    await insertAcceptance(trx, {
      id,
      organisation_id: scope.organisationId,
      engagement_id: scope.engagementId,
      invitation_id: scope.invitationId,
      rule_id: input.ruleId,
      justification: input.justification,
      ends_on: input.endsOn,
      created_by_user_id: userId,
      created_at: nowIso(),
      withdrawn_at: null,
      lapsed_at: null,
    })
    await recordAuditEvent(trx, {
      organisationId: scope.organisationId,
      engagementId: scope.engagementId,
      actor: { type: 'user', userId },
      action: 'risk.accepted',
      subjectType: 'risk_acceptance',
      subjectId: id,
      detail: {
        invitationId: scope.invitationId,
        ruleId: input.ruleId,
        endsOn: input.endsOn,
        justification: input.justification,
      },
    })
  })
  return { id }
}

/** Withdraws an acceptance before its end date; audited. Not found outside the buyer's scope. */
export async function withdrawRiskAcceptance(
  db: Kysely<Database>,
  { scope, userId, acceptanceId }: { scope: Scope; userId: string; acceptanceId: string },
) {
  await db.transaction().execute(async (trx) => {
    const withdrawn = await withdrawAcceptance(trx, { scope, acceptanceId, now: nowIso() })
    if (!withdrawn) throw new RemediationNotFoundError('Acceptance not found')
    await recordAuditEvent(trx, {
      organisationId: scope.organisationId,
      engagementId: scope.engagementId,
      actor: { type: 'user', userId },
      action: 'risk.acceptance-withdrawn',
      subjectType: 'risk_acceptance',
      subjectId: acceptanceId,
      detail: { invitationId: scope.invitationId, ruleId: withdrawn.ruleId },
    })
  })
}
