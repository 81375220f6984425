import { parseJudgement } from '#app/appetite/vendor-line.ts'
import { getDb } from '#app/db.server.ts'
import { completeDemoAnswers } from '#db/demo/complete-answers.ts'
import { addMember, createEngagement, createOrganisation, logIn } from './accounts.ts'
import { BrowserClient } from './browser-client.ts'
import { createVendor } from './vendors.ts'

/** The profile createEngagement gives every engagement: a US hospital sending PHI. */
export const HOSPITAL_PROFILE = {
  homeCountry: 'US',
  industry: 'healthcare',
  dataCategories: ['phi'],
  volumes: {},
  flags: {},
  purposes: [],
}

/**
 * A submitted Indian vendor of a US hospital that refuses a BAA (a blocker: hipaa.baa-required)
 * and does not encrypt in transit (a medium finding: hipaa.encryption-in-transit), every other
 * required question answered; a manager of its organisation, signed in.
 */
export async function hospitalWithVendor(baseUrl: string, extra: Record<string, unknown> = {}) {
  const org = await createOrganisation('Mercy Hospital')
  const engagementId = await createEngagement(org.organisationId, 'Medical coding 2027')
  const answers = completeDemoAnswers(
    {
      'contract.baa': false,
      'storage.primaryCountries': ['IN'],
      'handling.encryptionInTransit': 'none',
      'certifications.held': [{ type: 'iso27001', issued: '2025-06-01', expires: '2028-05-31', edition: '2022' }],
      ...extra,
    },
    HOSPITAL_PROFILE,
    { company: 'Pune Coding', country: 'IN' },
  )
  const { invitationId } = await createVendor(org.organisationId, engagementId, { company: 'Pune Coding', answers })
  const managerLogin = await addMember(org.organisationId, 'manager')
  const manager = new BrowserClient(baseUrl)
  await logIn(manager, managerLogin)
  const contactEmail = (
    await getDb()
      .selectFrom('invitation')
      .select('contact_email')
      .where('id', '=', invitationId)
      .executeTakeFirstOrThrow()
  ).contact_email
  return {
    org,
    engagementId,
    invitationId,
    manager,
    managerEmail: managerLogin.email,
    contactEmail,
    vendorUrl: `/app/engagements/${engagementId}/vendors/${invitationId}`,
  }
}

/** The current assessment of an invitation, read back. */
export async function currentAssessment(invitationId: string) {
  const row = await getDb()
    .selectFrom('assessment')
    .innerJoin('response', 'response.id', 'assessment.response_id')
    .select([
      'assessment.id',
      'assessment.verdict',
      'assessment.result_json',
      'assessment.as_of',
      'assessment.appetite_json',
    ])
    .where('response.invitation_id', '=', invitationId)
    .where('assessment.is_current', '=', 1)
    .executeTakeFirstOrThrow()
  return {
    ...row,
    ruleIds: (JSON.parse(row.result_json) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId),
    /** The rule ids the suggestions stored with the assessment clear (issue 14's judgement). */
    suggestionClears: new Set((parseJudgement(row.appetite_json)?.suggestions ?? []).flatMap((s) => s.clears)),
  }
}

export async function countAssessments(invitationId: string) {
  const rows = await getDb()
    .selectFrom('assessment')
    .innerJoin('response', 'response.id', 'assessment.response_id')
    .select('assessment.id')
    .where('response.invitation_id', '=', invitationId)
    .execute()
  return rows.length
}

export async function itemsOf(invitationId: string) {
  return getDb()
    .selectFrom('remediation_item')
    .innerJoin('remediation_request', 'remediation_request.id', 'remediation_item.request_id')
    .select([
      'remediation_request.id as requestId',
      'remediation_request.status as requestStatus',
      'remediation_item.id',
      'remediation_item.rule_id as ruleId',
      'remediation_item.state',
      'remediation_item.reply_kind as replyKind',
      'remediation_item.reply_text as replyText',
      'remediation_item.fix_by as fixBy',
    ])
    .where('remediation_request.invitation_id', '=', invitationId)
    .orderBy('remediation_item.position')
    .execute()
}

export async function auditActions(engagementId: string) {
  const rows = await getDb()
    .selectFrom('audit_event')
    .select('action')
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at')
    .execute()
  return rows.map((r) => r.action)
}

export function daysFromToday(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

/** What a page says, as a reader sees it: scripts, tags and React's text markers out, whitespace squashed. */
export function pageText(html: string) {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<!--.*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}
