import type { Kysely } from 'kysely'
import type { Database, RemediationItemState, RemediationReplyKind } from '#db/schema.ts'
import { parseJudgement } from '../appetite/vendor-line.ts'
import type { Assessment } from '../assessment/engine.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { findingText } from '../i18n/finding-text.ts'
import { messagesFor } from '../i18n/messages.ts'
import { issueExtraLink } from '../invitations/invitations.server.ts'
import { vendorLink } from '../invitations/links.ts'
import { sendEmail } from '../mail/mailer.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { findVendorForBuyer, insertItems, insertRequest, listItems, listRequestsForBuyer } from './queries.server.ts'
import { itemFinding, questionsForRequest } from './questions.ts'
import { type ItemFinding, type NewRequestInput, questionsOfFinding, suggestedRuleIds } from './remediation.ts'

/** Something that does not exist in the buyer's scope (another organisation's ids included): a 404. */
export class RemediationNotFoundError extends Error {
  override name = 'RemediationNotFoundError'
}

/** A request that cannot be made as asked; the message says why (a 4xx, nothing changed). */
export class RemediationRefusedError extends Error {
  override name = 'RemediationRefusedError'
  constructor(
    message: string,
    readonly status: 400 | 409 = 400,
  ) {
    super(message)
  }
}

type Scope = { organisationId: string; engagementId: string; invitationId: string }

export type RequestItemView = {
  id: string
  ruleId: string
  finding: ItemFinding
  questionIds: string[]
  state: RemediationItemState
  replyKind: RemediationReplyKind | null
  replyText: string | null
  fixBy: string | null
  repliedAt: string | null
  resolvedAt: string | null
}

export type RequestView = {
  id: string
  message: string
  dueOn: string
  status: 'open' | 'closed'
  createdAt: string
  createdBy: string | null
  vendorSentAt: string | null
  items: RequestItemView[]
}

/** Throws RemediationNotFoundError unless the vendor is in the buyer's scope (checked before any input). */
export async function requireBuyerVendor(db: Kysely<Database>, scope: Scope): Promise<void> {
  if (!(await findVendorForBuyer(db, scope))) throw new RemediationNotFoundError('Vendor not found')
}

/** The vendor a request is about, refused unless it has submitted (and is assessed). */
async function requireSubmittedVendor(db: Kysely<Database>, scope: Scope) {
  const vendor = await findVendorForBuyer(db, scope)
  if (!vendor) throw new RemediationNotFoundError('Vendor not found')
  if (!vendor.assessmentId || !vendor.resultJson || vendor.responseStatus !== 'submitted') {
    throw new RemediationRefusedError(
      vendor.responseStatus === 'draft' && vendor.assessmentId
        ? 'This vendor’s questionnaire is reopened: it can already change any answer. Send a request once it has submitted again.'
        : 'This vendor has not submitted its answers, so there is nothing to request changes to yet.',
      409,
    )
  }
  return { ...vendor, assessmentId: vendor.assessmentId, assessment: JSON.parse(vendor.resultJson) as Assessment }
}

/**
 * What the "new request" form shows: the current findings with the ones to start with ticked
 * (those the stored suggestions clear, suggestedRuleIds). 404 outside the buyer's scope;
 * a vendor that never submitted is refused (409) with the reason.
 */
export async function loadNewRequestForm(db: Kysely<Database>, scope: Scope) {
  const vendor = await requireSubmittedVendor(db, scope)
  const ticked = new Set(suggestedRuleIds(vendor.assessment, parseJudgement(vendor.appetiteJson)?.suggestions))
  return {
    vendor: { company: vendor.company, contactName: vendor.contactName },
    findings: vendor.assessment.findings.map((f) => ({
      ...itemFinding(f),
      questionIds: questionsOfFinding(f),
      notAsked: f.notAsked ?? [],
      suggested: ticked.has(f.ruleId),
    })),
  }
}

/**
 * Sends one request: the findings ticked (each must be a finding of the vendor's current
 * assessment), a due date and a message. The request, its items, the audit event and an extra link
 * of the invitation's current generation are one transaction; the email (in the vendor's language,
 * each finding and remediation too: findingText) goes out after the commit and a failed send is recorded, never undoing the request.
 */
export async function sendRemediationRequest(
  db: Kysely<Database>,
  { scope, userId, input, origin }: { scope: Scope; userId: string; input: NewRequestInput; origin: string },
) {
  const vendor = await requireSubmittedVendor(db, scope)
  if (vendor.engagementStatus === 'archived')
    throw new RemediationRefusedError('This engagement is archived. Restore it to send requests.', 409)
  const byRule = new Map(vendor.assessment.findings.map((f) => [f.ruleId, f]))
  const ruleIds = [...new Set(input.ruleIds)]
  const unknown = ruleIds.filter((id) => !byRule.has(id))
  if (unknown.length > 0) {
    throw new RemediationRefusedError(
      `Not a finding of this vendor’s current assessment: ${unknown.join(', ')}. Reload the page and pick again.`,
    )
  }
  const questionnaire = {
    questionnaireId: vendor.questionnaireId ?? '',
    questionnaireVersion: vendor.questionnaireVersion ?? 0,
  }
  const now = nowIso()
  const requestId = newId()
  const token = await db.transaction().execute(async (trx) => {
    await insertRequest(trx, {
      id: requestId,
      organisation_id: scope.organisationId,
      engagement_id: scope.engagementId,
      invitation_id: scope.invitationId,
      assessment_id: vendor.assessmentId,
      message: input.message,
      due_on: input.dueOn,
      created_by_user_id: userId,
      last_reminder_at: null,
      vendor_sent_at: null,
      created_at: now,
      updated_at: now,
    })
    await insertItems(
      trx,
      ruleIds.map((ruleId, position) => {
        const finding = byRule.get(ruleId)!
        // Only questions some version of the questionnaire defines can be asked.
        const questions = questionsForRequest(questionnaire, questionsOfFinding(finding)).map((q) => q.id)
        return {
          id: newId(),
          request_id: requestId,
          position,
          rule_id: ruleId,
          finding_json: JSON.stringify(itemFinding(finding)),
          question_ids_json: JSON.stringify(questions),
          reply_kind: null,
          reply_text: null,
          fix_by: null,
          replied_at: null,
          resolved_at: null,
          updated_at: now,
        }
      }),
    )
    await recordAuditEvent(trx, {
      organisationId: scope.organisationId,
      engagementId: scope.engagementId,
      actor: { type: 'user', userId },
      action: 'remediation.requested',
      subjectType: 'remediation_request',
      subjectId: requestId,
      detail: { invitationId: scope.invitationId, ruleIds, dueOn: input.dueOn, message: input.message },
    })
    return issueExtraLink(trx, { invitationId: scope.invitationId })
  })
  const email = messagesFor(vendor.language).email.remediationRequested({
    contactName: vendor.contactName,
    buyer: vendor.buyerName,
    engagement: vendor.engagementName,
    link: vendorLink(origin, token),
    dueDate: input.dueOn,
    count: ruleIds.length,
    message: input.message,
    // Each finding in the vendor's language (the buyer's pages keep the engine's English).
    items: ruleIds.map((ruleId) => findingText(ruleId, vendor.language, byRule.get(ruleId)!)),
  })
  const sent = await sendEmail(db, {
    organisationId: scope.organisationId,
    kind: 'remediation-requested',
    to: vendor.contactEmail,
    subject: email.subject,
    text: email.text,
    invitationId: scope.invitationId,
    secrets: [token],
  })
  return { requestId, count: ruleIds.length, emailStatus: sent.status, contactName: vendor.contactName }
}

/** Rows of items → what pages show. */
export function itemViews(rows: Awaited<ReturnType<typeof listItems>>): Map<string, RequestItemView[]> {
  const out = new Map<string, RequestItemView[]>()
  for (const row of rows) {
    const list = out.get(row.requestId) ?? []
    list.push({
      id: row.id,
      ruleId: row.ruleId,
      finding: JSON.parse(row.findingJson) as ItemFinding,
      questionIds: JSON.parse(row.questionIdsJson) as string[],
      state: row.state,
      replyKind: row.replyKind,
      replyText: row.replyText,
      fixBy: row.fixBy,
      repliedAt: row.repliedAt,
      resolvedAt: row.resolvedAt,
    })
    out.set(row.requestId, list)
  }
  return out
}

/** Every request of a vendor with its items, newest first (buyer scope; nothing outside it). */
export async function listVendorRequests(db: Kysely<Database>, scope: Scope): Promise<RequestView[]> {
  const requests = await listRequestsForBuyer(db, scope)
  const items = itemViews(await listItems(db, { requestIds: requests.map((r) => r.id) }))
  return requests.map((r) => ({
    id: r.id,
    message: r.message,
    dueOn: r.dueOn,
    status: r.status,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    vendorSentAt: r.vendorSentAt,
    items: items.get(r.id) ?? [],
  }))
}
