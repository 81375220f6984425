import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { getQuestionnaire } from '#questionnaires/index.ts'
import type { Assessment } from '../assessment/engine.ts'
import { listDecisions } from '../decisions/decisions.server.ts'
import { findEngagementWithProfile } from '../engagements/queries.server.ts'
import { ProfileSchema } from '../regulations/profile.ts'
import { acceptancesOf } from '../remediation/acceptances.server.ts'
import { listVendorRequests } from '../remediation/requests.server.ts'
import { invariantResponse } from '../utils/http.ts'
import { nowIso } from '../utils/ids.ts'
import { buildComparison, type Comparison } from './comparison-model.ts'
import { listAnswersOfResponses, listEvidenceOfResponse, listReportVendors } from './queries.server.ts'
import { buildVendorReport, type VendorReport } from './report-model.ts'

/**
 * Loads what a report or comparison shows, scoped by organisation, engagement and invitation:
 * anything outside that scope is a 404, the same as something that does not exist. A constant
 * number of queries (engagement, vendors, answers, evidence, decisions), however many findings.
 */

type Scope = { organisationId: string; engagementId: string }

async function loadEngagement(db: Kysely<Database>, scope: Scope) {
  const found = await findEngagementWithProfile(db, scope)
  invariantResponse(found, 'Engagement not found', { status: 404 })
  const profile = ProfileSchema.parse(found.profile)
  return { engagement: { id: found.engagement.id, name: found.engagement.name }, profile, row: found.engagement }
}

function parseAssessment(resultJson: string | null): Assessment | undefined {
  return resultJson ? (JSON.parse(resultJson) as Assessment) : undefined
}

export async function loadVendorReport(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    invitationId,
    today = nowIso().slice(0, 10),
  }: Scope & { invitationId: string; today?: string },
): Promise<VendorReport> {
  const { engagement, profile, row } = await loadEngagement(db, { organisationId, engagementId })
  const [vendor] = await listReportVendors(db, { organisationId, engagementId, invitationIds: [invitationId] })
  invariantResponse(vendor, 'Vendor not found', { status: 404 })
  const [answers, evidence, decisions, acceptances, remediation] = await Promise.all([
    vendor.responseId ? listAnswersOfResponses(db, { responseIds: [vendor.responseId] }) : [],
    vendor.responseId ? listEvidenceOfResponse(db, { responseId: vendor.responseId }) : [],
    listDecisions(db, { organisationId, engagementId, invitationIds: [invitationId] }),
    acceptancesOf(db, { invitationIds: [invitationId] }),
    listVendorRequests(db, { organisationId, engagementId, invitationId }),
  ])
  const questionnaire = getQuestionnaire(
    vendor.questionnaireId ?? row.questionnaire_id,
    vendor.questionnaireVersion ?? row.questionnaire_version,
  )
  return buildVendorReport({
    engagement,
    profile,
    vendor: {
      invitationId: vendor.invitationId,
      company: vendor.company,
      country: vendor.country,
      contactName: vendor.contactName,
      contactEmail: vendor.contactEmail,
      status: vendor.status,
      submittedAt: vendor.submittedAt,
    },
    questionnaire,
    answers: answers.map((a) => ({
      questionId: a.questionId,
      value: JSON.parse(a.valueJson) as unknown,
      version: a.version,
      updatedAt: a.updatedAt,
    })),
    evidence,
    assessment: parseAssessment(vendor.resultJson),
    decisions: decisions.get(invitationId) ?? [],
    today,
    acceptances: acceptances.get(invitationId) ?? [],
    remediation,
  })
}

/**
 * The comparison of the given vendors, in the order given. An id that is not a vendor of this
 * engagement is a 404, whether it belongs to another engagement or organisation or exists nowhere:
 * answering the two differently would tell anyone which ids exist.
 */
export async function loadComparison(
  db: Kysely<Database>,
  {
    organisationId,
    engagementId,
    invitationIds,
    today = nowIso().slice(0, 10),
  }: Scope & { invitationIds: readonly string[]; today?: string },
): Promise<Comparison> {
  const { engagement, profile, row } = await loadEngagement(db, { organisationId, engagementId })
  const rows = await listReportVendors(db, { organisationId, engagementId, invitationIds })
  const found = new Map(rows.map((r) => [r.invitationId, r]))
  const missing = invitationIds.filter((id) => !found.has(id))
  invariantResponse(missing.length === 0, 'Vendor not found', { status: 404 })
  const responseIds = rows.flatMap((r) => (r.responseId ? [r.responseId] : []))
  const [answerRows, decisions, acceptances] = await Promise.all([
    listAnswersOfResponses(db, { responseIds }),
    listDecisions(db, { organisationId, engagementId, invitationIds, currentOnly: true }),
    acceptancesOf(db, { invitationIds }),
  ])
  const answersByResponse = new Map<string, Record<string, unknown>>()
  for (const a of answerRows) {
    const answers = answersByResponse.get(a.responseId) ?? {}
    answers[a.questionId] = JSON.parse(a.valueJson) as unknown
    answersByResponse.set(a.responseId, answers)
  }
  return buildComparison({
    engagement,
    profile,
    questionnaire: getQuestionnaire(row.questionnaire_id, row.questionnaire_version),
    vendors: invitationIds.map((id) => {
      const vendor = found.get(id)!
      return {
        invitationId: id,
        company: vendor.company,
        country: vendor.country,
        status: vendor.status,
        submittedAt: vendor.submittedAt,
        answers: (vendor.responseId && answersByResponse.get(vendor.responseId)) || {},
        assessment: parseAssessment(vendor.resultJson),
        decision: decisions.get(id)?.[0],
        acceptances: acceptances.get(id) ?? [],
      }
    }),
    today,
  })
}
