import type { ExpressionBuilder, Kysely, UpdateObject } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { messagesFor } from '../i18n/messages.ts'
import { sendEmail } from '../mail/mailer.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { newSecretToken } from '../utils/tokens.server.ts'
import type { InviteVendorInput } from './invitation.ts'
import { defaultExpiry, vendorLink } from './links.ts'
import { findInvitation, findInvitationByEmail, insertInvitation } from './queries.server.ts'

const DAY_MS = 86_400_000

type Engagement = { id: string; organisation_id: string; name: string; due_date: string | null }
type Buyer = { userId: string; organisationName: string }

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
 * Invites one vendor contact to an engagement: stores only the hash of a fresh 256-bit link, audits
 * it, then emails the link. A failed email is recorded on the invitation (and can be retried by
 * resending); the invitation itself stands.
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
  if (await findInvitationByEmail(db, { engagementId: engagement.id, contactEmail: input.contactEmail })) {
    throw new DuplicateInvitationError(`${input.contactEmail} is already invited to this engagement`)
  }
  const { token, tokenHash } = newSecretToken()
  const id = newId()
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    await insertInvitation(trx, {
      id,
      organisation_id: engagement.organisation_id,
      engagement_id: engagement.id,
      vendor_company: input.vendorCompany,
      vendor_country: input.vendorCountry,
      contact_name: input.contactName,
      contact_email: input.contactEmail,
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
  })
  const emailStatus = await emailLink(db, { invitationId: id, engagement, buyer, token, origin })
  return { id, emailStatus }
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
) {
  const invitation = await db
    .selectFrom('invitation')
    .select(['contact_name', 'contact_email', 'language'])
    .where('id', '=', invitationId)
    .executeTakeFirstOrThrow()
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
  await db.updateTable('invitation').set({ last_email_status: sent.status }).where('id', '=', invitationId).execute()
  return sent.status
}

async function requireInvitation(db: Kysely<Database>, organisationId: string, invitationId: string) {
  const invitation = await findInvitation(db, { organisationId, invitationId })
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
    await trx.updateTable('invitation').set(set).where('id', '=', invitationId).execute()
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
  const invitation = await requireInvitation(db, engagement.organisation_id, invitationId)
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
  const invitation = await requireInvitation(db, engagement.organisation_id, invitationId)
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
  const invitation = await requireInvitation(db, engagement.organisation_id, invitationId)
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

function maxIso(a: string, b: string) {
  return a > b ? a : b
}

/** Issues an extra link of the current generation (for a reminder): the earlier links keep working. */
export async function issueExtraLink(db: Kysely<Database>, { invitationId }: { invitationId: string }) {
  const invitation = await db
    .selectFrom('invitation')
    .select('link_generation')
    .where('id', '=', invitationId)
    .executeTakeFirstOrThrow()
  const { token, tokenHash } = newSecretToken()
  await db
    .insertInto('invitation_link')
    .values({
      id: newId(),
      invitation_id: invitationId,
      token_hash: tokenHash,
      generation: invitation.link_generation,
      created_at: nowIso(),
    })
    .execute()
  return token
}
