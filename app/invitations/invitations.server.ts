import type { ExpressionBuilder, Kysely, UpdateObject } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { findEngagement } from '../engagements/queries.server.ts'
import { messagesFor } from '../i18n/messages.ts'
import { sendEmail } from '../mail/mailer.server.ts'
import { reopenResponse } from '../responses/submission.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { newSecretToken } from '../utils/tokens.server.ts'
import {
  effectiveStatus,
  type InvitationAction,
  type InvitationPanelData,
  type InviteVendorInput,
} from './invitation.ts'
import { defaultExpiry, vendorLink } from './links.ts'
import {
  findInvitation,
  findInvitationContact,
  insertInvitation,
  insertInvitationLink,
  listInvitedEmails,
  setLastEmailStatus,
  updateInvitation,
} from './queries.server.ts'

const DAY_MS = 86_400_000

type Engagement = { id: string; organisation_id: string; name: string; due_date: string | null }
type Buyer = { userId: string; organisationName: string }
type EmailStatus = Awaited<ReturnType<typeof sendEmail>>['status']

export class DuplicateInvitationError extends Error {
  override name = 'DuplicateInvitationError'
}
export class InvitationNotFoundError extends Error {
  override name = 'InvitationNotFoundError'
}
const REVOKED_MESSAGE = 'This invitation was revoked; invite the vendor again instead.'

export class InvitationClosedError extends Error {
  override name = 'InvitationClosedError'
}

/** A link expires 7 days after the engagement's due date (end of that day, UTC). */
/**
 * Inserts one invitation with a fresh 256-bit link (only its hash is stored) and audits it, in the
 * caller's transaction. Returns the link, to be emailed once the transaction has committed.
 */
async function insertAuditedInvitation(
  trx: Kysely<Database>,
  { engagement, buyer, input, now }: { engagement: Engagement; buyer: Buyer; input: InviteVendorInput; now: string },
) {
  const { token, tokenHash } = newSecretToken()
  const id = newId()
  await insertInvitation(trx, {
    id,
    organisation_id: engagement.organisation_id,
    engagement_id: engagement.id,
    vendor_company: input.vendorCompany,
    vendor_country: input.vendorCountry,
    contact_name: input.contactName,
    contact_email: input.contactEmail,
    // The buyer's choice of language for the emails; without one, the vendor's country decides.
    ...(input.language ? { language: input.language } : {}),
    token_hash: tokenHash,
    expires_at: defaultExpiry(engagement.due_date),
    invited_by_user_id: buyer.userId,
    created_at: now,
  })
  await recordAuditEvent(trx, {
    organisationId: engagement.organisation_id,
    engagementId: engagement.id,
    actor: { type: 'user', userId: buyer.userId },
    action: 'invitation.created',
    subjectType: 'invitation',
    subjectId: id,
    detail: { vendorCompany: input.vendorCompany, contactEmail: input.contactEmail },
  })
  return { id, token }
}

/**
 * Invites one vendor contact to an engagement: the invitation and its audit event in one
 * transaction (which also checks that the address is not invited yet), then the email. A failed
 * email is recorded on the invitation (and can be retried with a new link); the invitation stands.
 */
export async function inviteVendor(
  db: Kysely<Database>,
  {
    engagement,
    buyer,
    input,
    origin,
  }: { engagement: Engagement; buyer: Buyer; input: InviteVendorInput; origin: string },
) {
  const { id, token } = await db.transaction().execute(async (trx) => {
    const invited = await listInvitedEmails(trx, { engagementId: engagement.id, contactEmails: [input.contactEmail] })
    if (invited.size > 0) {
      throw new DuplicateInvitationError(`${input.contactEmail} is already invited to this engagement`)
    }
    return insertAuditedInvitation(trx, { engagement, buyer, input, now: nowIso() })
  })
  const emailStatus = await emailLink(db, { invitationId: id, engagement, buyer, token, origin })
  return { id, emailStatus }
}

/**
 * Invites a pasted list of vendors (already parsed and free of repeated addresses): every vendor not
 * yet invited to the engagement is invited in one transaction, so a failure leaves none of them
 * half-invited; the ones already invited are skipped and named. The emails go out after the commit.
 */
export async function invitePastedVendors(
  db: Kysely<Database>,
  {
    engagement,
    buyer,
    vendors,
    origin,
  }: { engagement: Engagement; buyer: Buyer; vendors: readonly InviteVendorInput[]; origin: string },
): Promise<{ invited: string[]; skipped: string[]; emailFailed: string[] }> {
  const { created, skipped } = await db.transaction().execute(async (trx) => {
    const already = await listInvitedEmails(trx, {
      engagementId: engagement.id,
      contactEmails: vendors.map((v) => v.contactEmail),
    })
    const now = nowIso()
    const created: Array<{ id: string; token: string; email: string }> = []
    for (const input of vendors) {
      if (already.has(input.contactEmail)) continue
      const { id, token } = await insertAuditedInvitation(trx, { engagement, buyer, input, now })
      created.push({ id, token, email: input.contactEmail })
    }
    return { created, skipped: vendors.map((v) => v.contactEmail).filter((email) => already.has(email)) }
  })
  const emailFailed: string[] = []
  for (const { id, token, email } of created) {
    const status = await emailLink(db, { invitationId: id, engagement, buyer, token, origin })
    if (status === 'failed') emailFailed.push(email)
  }
  return { invited: created.map((c) => c.email), skipped, emailFailed }
}

async function emailLink(
  db: Kysely<Database>,
  {
    invitationId,
    engagement,
    buyer,
    token,
    origin,
  }: { invitationId: string; engagement: Engagement; buyer: Buyer; token: string; origin: string },
): Promise<EmailStatus> {
  const invitation = await findInvitationContact(db, { invitationId })
  const link = vendorLink(origin, token)
  const message = messagesFor(invitation.language).email.invitation({
    contactName: invitation.contact_name,
    buyer: buyer.organisationName,
    engagement: engagement.name,
    link,
    dueDate: engagement.due_date,
  })
  const sent = await sendEmail(db, {
    organisationId: engagement.organisation_id,
    kind: 'vendor-invitation',
    to: invitation.contact_email,
    subject: message.subject,
    text: message.text,
    invitationId,
    secrets: [token],
  })
  await setLastEmailStatus(db, { invitationId, status: sent.status })
  return sent.status
}

/** The engagement's invitation, or InvitationNotFoundError (another engagement's is not found either). */
async function requireInvitation(db: Kysely<Database>, engagement: Engagement, invitationId: string) {
  const invitation = await findInvitation(db, {
    organisationId: engagement.organisation_id,
    engagementId: engagement.id,
    invitationId,
  })
  if (!invitation) throw new InvitationNotFoundError('Invitation not found')
  return invitation
}

/** Changes an invitation and audits the change, in one transaction. */
async function changeInvitation(
  db: Kysely<Database>,
  {
    engagement,
    buyer,
    invitationId,
    set,
    action,
    detail,
  }: {
    engagement: Engagement
    buyer: Buyer
    invitationId: string
    set:
      | UpdateObject<Database, 'invitation'>
      | ((eb: ExpressionBuilder<Database, 'invitation'>) => UpdateObject<Database, 'invitation'>)
    action: string
    detail: Record<string, unknown>
  },
) {
  await db.transaction().execute(async (trx) => {
    await updateInvitation(trx, { invitationId, set })
    await recordAuditEvent(trx, {
      organisationId: engagement.organisation_id,
      engagementId: engagement.id,
      actor: { type: 'user', userId: buyer.userId },
      action,
      subjectType: 'invitation',
      subjectId: invitationId,
      detail,
    })
  })
}

/**
 * Resends an invitation with a new link: every older link (and any vendor session opened with one)
 * stops working. An expired link is given a fresh expiry. Also the way to retry a failed email.
 */
export async function resendInvitation(
  db: Kysely<Database>,
  {
    engagement,
    buyer,
    invitationId,
    origin,
  }: { engagement: Engagement; buyer: Buyer; invitationId: string; origin: string },
) {
  const invitation = await requireInvitation(db, engagement, invitationId)
  if (invitation.status === 'revoked') throw new InvitationClosedError(REVOKED_MESSAGE)
  const { token, tokenHash } = newSecretToken()
  const now = nowIso()
  const freshExpiry = defaultExpiry(engagement.due_date)
  const expiresAt =
    Date.parse(invitation.expires_at) > Date.now()
      ? invitation.expires_at
      : maxIso(freshExpiry, new Date(Date.now() + 7 * DAY_MS).toISOString())
  await changeInvitation(db, {
    engagement,
    buyer,
    invitationId: invitation.id,
    set: (eb) => ({
      token_hash: tokenHash,
      link_generation: eb('link_generation', '+', 1),
      expires_at: expiresAt,
      updated_at: now,
    }),
    action: 'invitation.resent',
    detail: { contactEmail: invitation.contact_email },
  })
  return emailLink(db, { invitationId: invitation.id, engagement, buyer, token, origin })
}

export async function revokeInvitation(
  db: Kysely<Database>,
  { engagement, buyer, invitationId }: { engagement: Engagement; buyer: Buyer; invitationId: string },
) {
  const invitation = await requireInvitation(db, engagement, invitationId)
  if (invitation.status === 'revoked') return
  const now = nowIso()
  await changeInvitation(db, {
    engagement,
    buyer,
    invitationId: invitation.id,
    set: { status: 'revoked', revoked_at: now, updated_at: now },
    action: 'invitation.revoked',
    detail: { contactEmail: invitation.contact_email },
  })
}

/** Pushes the link's expiry out by some days (counted from now when it had already expired). */
export async function extendInvitation(
  db: Kysely<Database>,
  {
    engagement,
    buyer,
    invitationId,
    days,
  }: { engagement: Engagement; buyer: Buyer; invitationId: string; days: number },
) {
  const invitation = await requireInvitation(db, engagement, invitationId)
  if (invitation.status === 'revoked') throw new InvitationClosedError(REVOKED_MESSAGE)
  const from = Math.max(Date.parse(invitation.expires_at), Date.now())
  const expiresAt = new Date(from + days * DAY_MS).toISOString()
  const now = nowIso()
  await changeInvitation(db, {
    engagement,
    buyer,
    invitationId: invitation.id,
    set: { expires_at: expiresAt, updated_at: now },
    action: 'invitation.extended',
    detail: { days, expiresAt },
  })
  return expiresAt
}

/**
 * Reopens a submitted response and emails the vendor the buyer's message with a working link. The
 * reopening (response, invitation, audit event) and the new link are one transaction: the vendor is
 * never left with a reopened questionnaire and no link to it. The email goes out after the commit;
 * a failed one is recorded (Outbox) and reported, and the reopening stands.
 */
export async function reopenAndNotify(
  db: Kysely<Database>,
  {
    engagement,
    buyer,
    invitationId,
    message,
    origin,
  }: { engagement: Engagement; buyer: Buyer; invitationId: string; message: string; origin: string },
): Promise<{ contactName: string; emailStatus: EmailStatus }> {
  const invitation = await requireInvitation(db, engagement, invitationId)
  const token = await db.transaction().execute(async (trx) => {
    const reopened = await reopenResponse(trx, {
      organisationId: engagement.organisation_id,
      invitationId,
      userId: buyer.userId,
      message,
    })
    if (!reopened) throw new InvitationClosedError('Only a submitted questionnaire can be reopened.')
    return issueExtraLink(trx, { invitationId })
  })
  const email = messagesFor(invitation.language).email.reopened({
    contactName: invitation.contact_name,
    buyer: buyer.organisationName,
    engagement: engagement.name,
    link: vendorLink(origin, token),
    message,
  })
  const sent = await sendEmail(db, {
    organisationId: engagement.organisation_id,
    kind: 'response-reopened',
    to: invitation.contact_email,
    subject: email.subject,
    text: email.text,
    invitationId,
    secrets: [token],
  })
  return { contactName: invitation.contact_name, emailStatus: sent.status }
}

function maxIso(a: string, b: string) {
  return a > b ? a : b
}

/** Issues an extra link of the current generation (for a reminder): the earlier links keep working. */
export async function issueExtraLink(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  const invitation = await findInvitationContact(db, { invitationId })
  const { token, tokenHash } = newSecretToken()
  await insertInvitationLink(db, {
    id: newId(),
    invitation_id: invitationId,
    token_hash: tokenHash,
    generation: invitation.link_generation,
    created_at: nowIso(),
  })
  return token
}

/**
 * One of the buyer's actions on an invitation (the vendor's page), as a message for the page:
 * `ok: false` when the action ran but its email failed. Throws InvitationNotFoundError for an
 * invitation outside the engagement and InvitationClosedError when the action no longer applies.
 */
export async function performInvitationAction(
  db: Kysely<Database>,
  context: { engagement: Engagement; buyer: Buyer; origin: string; invitationId: string },
  action: InvitationAction,
): Promise<{ ok: boolean; message: string }> {
  switch (action.intent) {
    case 'resend': {
      const status = await resendInvitation(db, context)
      return status === 'failed'
        ? { ok: false, message: 'The new link could not be emailed. Check the mail settings and try again.' }
        : { ok: true, message: 'A new link was sent; the old one no longer works.' }
    }
    case 'revoke':
      await revokeInvitation(db, context)
      return { ok: true, message: 'Invitation revoked: its link no longer works.' }
    case 'extend': {
      const until = await extendInvitation(db, { ...context, days: action.days })
      return { ok: true, message: `The link now works until ${until.slice(0, 10)}.` }
    }
    case 'reopen': {
      const { contactName, emailStatus } = await reopenAndNotify(db, { ...context, message: action.message })
      const emailed = emailStatus === 'failed' ? 'could not be emailed (see Outbox)' : 'was emailed your message'
      return { ok: true, message: `Reopened; ${contactName} ${emailed}.` }
    }
  }
}

/** What the vendor's page shows of an invitation, or undefined outside the organisation and engagement. */
export async function loadInvitationPanel(
  db: Kysely<Database>,
  scope: { organisationId: string; engagementId: string; invitationId: string },
): Promise<InvitationPanelData | undefined> {
  const [engagement, invitation] = await Promise.all([findEngagement(db, scope), findInvitation(db, scope)])
  if (!engagement || !invitation) return undefined
  return {
    status: effectiveStatus(invitation),
    expiresAt: invitation.expires_at,
    lastEmailStatus: invitation.last_email_status,
    archived: engagement.status === 'archived',
  }
}
