import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import type { Assessment } from '../assessment/engine.ts'
import { isAcceptanceActive } from './acceptance.ts'
import { acceptancesOf } from './acceptances.server.ts'
import { findVendorForBuyer } from './queries.server.ts'
import { listVendorRequests } from './requests.server.ts'

type Scope = { organisationId: string; engagementId: string; invitationId: string }

/**
 * The buyer's remediation page of one vendor: its requests with every item's state and reply, its
 * current findings (to accept), and its acceptances (holding, ended or withdrawn). Undefined
 * outside the buyer's scope.
 */
export async function loadVendorRemediation(
  db: Kysely<Database>,
  scope: Scope,
  today = new Date().toISOString().slice(0, 10),
) {
  const vendor = await findVendorForBuyer(db, scope)
  if (!vendor) return undefined
  const assessment = vendor.resultJson ? (JSON.parse(vendor.resultJson) as Assessment) : undefined
  const [requests, acceptances] = await Promise.all([
    listVendorRequests(db, scope),
    acceptancesOf(db, { invitationIds: [scope.invitationId] }),
  ])
  const canRequest = vendor.responseStatus === 'submitted' && assessment !== undefined
  return {
    engagementId: scope.engagementId,
    vendor: { invitationId: vendor.invitationId, company: vendor.company },
    canRequest,
    cannotRequestReason: canRequest
      ? null
      : 'Changes can be requested once the vendor has submitted its answers (and not while they are reopened).',
    requests,
    findings: (assessment?.findings ?? []).map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      citation: f.citation,
    })),
    acceptances: (acceptances.get(scope.invitationId) ?? []).map((a) => ({
      ...a,
      active: isAcceptanceActive(a, today),
    })),
  }
}
