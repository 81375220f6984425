import { getDb } from '#app/db.server.ts'
import { insertInvitation } from '#app/invitations/queries.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import { newSecretToken } from '#app/utils/tokens.server.ts'
import type { InvitationStatus, VendorDecisionKind } from '#db/schema.ts'

type Verdict = 'approve' | 'approve-with-conditions' | 'reject'

export type VendorSpec = {
  company: string
  email?: string
  status?: InvitationStatus
  /** Past expiry: the buyer sees "Link expired" unless submitted or revoked. */
  expired?: boolean
  assessment?: {
    score: number
    verdict: Verdict
    locationClass?: 'onshore' | 'nearshore' | 'offshore'
    model?: 'onshore' | 'nearshore' | 'offshore'
    blockers?: number
    conditions?: number
  }
  decision?: VendorDecisionKind
  certifications?: Array<{ type: string; issued: string; expires?: string }>
}

/**
 * A vendor of an engagement in a given state, written straight to the database: the invitation, a
 * response with its certifications answer, a current assessment row with the dashboard's columns,
 * and a current decision. The assessment's JSON is a stub: the dashboard reads only the columns.
 */
export async function addVendor(
  { organisationId, engagementId }: { organisationId: string; engagementId: string },
  spec: VendorSpec,
): Promise<string> {
  const db = getDb()
  const id = newId()
  const now = nowIso()
  const status = spec.status ?? (spec.assessment ? 'submitted' : 'invited')
  await insertInvitation(db, {
    id,
    organisation_id: organisationId,
    engagement_id: engagementId,
    vendor_company: spec.company,
    vendor_country: 'IN',
    contact_name: 'Contact',
    contact_email: spec.email ?? `${newId()}@vendor.example`,
    token_hash: newSecretToken().tokenHash,
    status,
    expires_at: spec.expired ? '2020-01-01T00:00:00.000Z' : '2099-01-01T00:00:00.000Z',
    submitted_at: status === 'submitted' ? now : null,
    created_at: now,
  })
  if (spec.assessment || spec.certifications) {
    const responseId = newId()
    await db
      .insertInto('response')
      .values({
        id: responseId,
        invitation_id: id,
        questionnaire_id: 'cross-border-core',
        questionnaire_version: 1,
        status: status === 'submitted' ? 'submitted' : 'draft',
        submitted_at: status === 'submitted' ? now : null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    if (spec.certifications) {
      await db
        .insertInto('answer')
        .values({
          id: newId(),
          response_id: responseId,
          question_id: 'certifications.held',
          value_json: JSON.stringify(spec.certifications),
          created_at: now,
          updated_at: now,
        })
        .execute()
    }
    if (spec.assessment) {
      const a = spec.assessment
      await db
        .insertInto('assessment')
        .values({
          id: newId(),
          response_id: responseId,
          engine_version: '1.0.0',
          rules_version: '2026.11',
          questionnaire_id: 'cross-border-core',
          questionnaire_version: 1,
          as_of: now.slice(0, 10),
          score: a.score,
          verdict: a.verdict,
          location_class: a.locationClass ?? 'offshore',
          model: a.model ?? 'offshore',
          blocker_count: a.blockers ?? (a.verdict === 'reject' ? 1 : 0),
          condition_count: a.conditions ?? (a.verdict === 'approve-with-conditions' ? 1 : 0),
          profile_json: '{}',
          result_json: '{}',
          trace_json: '[]',
          is_current: 1,
          created_at: now,
        })
        .execute()
    }
  }
  if (spec.decision) {
    // An older decision first, superseded: only the current one may show.
    for (const [decision, current] of [
      ['rejected', 0],
      [spec.decision, 1],
    ] as const) {
      await db
        .insertInto('vendor_decision')
        .values({
          id: newId(),
          organisation_id: organisationId,
          engagement_id: engagementId,
          invitation_id: id,
          decision,
          comment: '',
          decided_by_user_id: null,
          is_current: current,
          created_at: now,
        })
        .execute()
    }
  }
  return id
}
