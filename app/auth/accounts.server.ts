import type { Kysely } from 'kysely'
import type { Database, Role } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { type SendResult, sendEmail } from '../mail/mailer.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { hashToken, newSecretToken } from '../utils/tokens.server.ts'
import type { InviteTeammateInput, SignupInput } from './auth.ts'
import { hashPassword, verifyPassword } from './password.server.ts'
import {
  findFirstMembership,
  findMember,
  findOpenSignupRequest,
  findOpenTeammateInvitation,
  findUserByEmail,
  insertMembership,
} from './queries.server.ts'

const SIGNUP_LINK_HOURS = 24
const TEAMMATE_LINK_DAYS = 7

function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString()
}

/**
 * Starts a sign-up. The answer is the same whether or not the address already has an account: a
 * new address gets a confirmation link, a known one gets a note that it already has an account.
 * The organisation and its first admin are created when the link is followed (completeSignup).
 */
export async function requestSignup(
  db: Kysely<Database>,
  input: SignupInput,
  { origin }: { origin: string },
): Promise<SendResult> {
  const existing = await findUserByEmail(db, { email: input.email })
  if (existing) {
    return sendEmail(db, {
      organisationId: null,
      kind: 'signup-existing-account',
      to: input.email,
      subject: 'You already have a Shoreline account',
      text: `Someone (hopefully you) tried to sign up to Shoreline with this address, which already has an account.\n\nLog in here: ${origin}/login\n\nIf this was not you, you can ignore this email.`,
    })
  }
  const { token, tokenHash } = newSecretToken()
  await db
    .insertInto('signup_request')
    .values({
      id: newId(),
      email: input.email,
      name: input.name,
      organisation_name: input.organisationName,
      password_hash: await hashPassword(input.password),
      token_hash: tokenHash,
      expires_at: hoursFromNow(SIGNUP_LINK_HOURS),
      completed_at: null,
      created_at: nowIso(),
    })
    .execute()
  return sendEmail(db, {
    organisationId: null,
    kind: 'signup-confirmation',
    to: input.email,
    subject: 'Confirm your Shoreline sign-up',
    text: `Welcome to Shoreline, ${input.name}.\n\nFollow this link within ${SIGNUP_LINK_HOURS} hours to create ${input.organisationName} on Shoreline:\n${origin}/signup/confirm/${token}\n\nIf you did not sign up, ignore this email and nothing will be created.`,
    secrets: [token],
  })
}

/**
 * Creates an organisation with its first admin and audits it. Runs inside the caller's transaction
 * (sign-up confirmation, demo seed).
 */
export async function createOrganisationWithAdmin(
  trx: Kysely<Database>,
  input: { organisationName: string; name: string; email: string; passwordHash: string; organisationId?: string },
): Promise<{ userId: string; organisationId: string }> {
  const now = nowIso()
  const organisationId = input.organisationId ?? newId()
  const userId = newId()
  const exists = await trx.selectFrom('organisation').select('id').where('id', '=', organisationId).executeTakeFirst()
  if (!exists) {
    await trx
      .insertInto('organisation')
      .values({ id: organisationId, name: input.organisationName, created_at: now, updated_at: now })
      .execute()
  }
  await trx
    .insertInto('user')
    .values({
      id: userId,
      email: input.email,
      name: input.name,
      password_hash: input.passwordHash,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await insertMembership(trx, { id: newId(), organisationId, userId, role: 'admin', createdAt: now })
  await recordAuditEvent(trx, {
    organisationId,
    actor: { type: 'user', userId },
    action: 'organisation.created',
    subjectType: 'organisation',
    subjectId: organisationId,
    detail: { name: input.organisationName },
  })
  return { userId, organisationId }
}

/**
 * Follows a sign-up link: creates the organisation and its first admin in one transaction.
 * Returns undefined for an unknown, expired or already used link.
 */
export async function completeSignup(
  db: Kysely<Database>,
  { token }: { token: string },
): Promise<{ userId: string; organisationId: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso()
    const request = await findOpenSignupRequest(trx, { tokenHash: hashToken(token), now })
    if (!request) return undefined
    await trx.updateTable('signup_request').set({ completed_at: now }).where('id', '=', request.id).execute()
    // Two sign-ups for one address can both be pending; the first link followed wins.
    if (await findUserByEmail(trx, { email: request.email })) return undefined

    return createOrganisationWithAdmin(trx, {
      organisationName: request.organisation_name,
      name: request.name,
      email: request.email,
      passwordHash: request.password_hash,
    })
  })
}

/** Checks an email and password. Unknown email and wrong password are indistinguishable. */
export async function verifyLogin(
  db: Kysely<Database>,
  { email, password }: { email: string; password: string },
): Promise<{ userId: string; organisationId: string } | undefined> {
  const user = await findUserByEmail(db, { email })
  const valid = await verifyPassword(user?.password_hash, password)
  if (!user || !valid) return undefined
  const membership = await findFirstMembership(db, { userId: user.id })
  if (!membership) return undefined
  return { userId: user.id, organisationId: membership.organisationId }
}

export class AlreadyMemberError extends Error {
  override name = 'AlreadyMemberError'
}

/** An admin invites a teammate by email with a role; the teammate sets a password from the link. */
export async function inviteTeammate(
  db: Kysely<Database>,
  input: InviteTeammateInput & { organisationId: string; invitedByUserId: string; organisationName: string },
  { origin }: { origin: string },
): Promise<SendResult> {
  const existing = await findUserByEmail(db, { email: input.email })
  if (existing && (await findMember(db, { userId: existing.id, organisationId: input.organisationId }))) {
    throw new AlreadyMemberError(`${input.email} is already a member of ${input.organisationName}`)
  }
  const { token, tokenHash } = newSecretToken()
  const id = newId()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('teammate_invitation')
      .values({
        id,
        organisation_id: input.organisationId,
        email: input.email,
        role: input.role,
        token_hash: tokenHash,
        invited_by_user_id: input.invitedByUserId,
        expires_at: hoursFromNow(TEAMMATE_LINK_DAYS * 24),
        accepted_at: null,
        revoked_at: null,
        created_at: nowIso(),
      })
      .execute()
    await recordAuditEvent(trx, {
      organisationId: input.organisationId,
      actor: { type: 'user', userId: input.invitedByUserId },
      action: 'teammate.invited',
      subjectType: 'teammate_invitation',
      subjectId: id,
      detail: { email: input.email, role: input.role },
    })
  })
  return sendEmail(db, {
    organisationId: input.organisationId,
    kind: 'teammate-invitation',
    to: input.email,
    subject: `You are invited to ${input.organisationName} on Shoreline`,
    text: `You have been invited to join ${input.organisationName} on Shoreline as ${input.role}.\n\nAccept within ${TEAMMATE_LINK_DAYS} days: ${origin}/join/${token}`,
    secrets: [token],
  })
}

export async function findTeammateInvitation(db: Kysely<Database>, { token }: { token: string }) {
  const invitation = await findOpenTeammateInvitation(db, { tokenHash: hashToken(token), now: nowIso() })
  if (!invitation) return undefined
  const user = await findUserByEmail(db, { email: invitation.email })
  return { ...invitation, hasAccount: !!user }
}

/**
 * Accepts a teammate invitation: a new person sets their name and password; a person who already
 * has a Shoreline account proves it with their password. Returns undefined when the link is no
 * longer open or the password of an existing account is wrong.
 */
export async function acceptTeammateInvitation(
  db: Kysely<Database>,
  { token, name, password }: { token: string; name?: string; password: string },
): Promise<{ userId: string; organisationId: string } | undefined> {
  const passwordHash = await hashPassword(password)
  const existingCheck = await findTeammateInvitation(db, { token })
  if (!existingCheck) return undefined
  if (existingCheck.hasAccount) {
    const user = await findUserByEmail(db, { email: existingCheck.email })
    if (!(await verifyPassword(user?.password_hash, password))) return undefined
  }
  return db.transaction().execute(async (trx) => {
    const now = nowIso()
    const invitation = await findOpenTeammateInvitation(trx, { tokenHash: hashToken(token), now })
    if (!invitation) return undefined
    let user = await findUserByEmail(trx, { email: invitation.email })
    if (!user) {
      const userId = newId()
      await trx
        .insertInto('user')
        .values({
          id: userId,
          email: invitation.email,
          name: name ?? invitation.email,
          password_hash: passwordHash,
          created_at: now,
          updated_at: now,
        })
        .execute()
      user = await findUserByEmail(trx, { email: invitation.email })
    }
    if (!user) return undefined
    await trx.updateTable('teammate_invitation').set({ accepted_at: now }).where('id', '=', invitation.id).execute()
    if (!(await findMember(trx, { userId: user.id, organisationId: invitation.organisationId }))) {
      await insertMembership(trx, {
        id: newId(),
        organisationId: invitation.organisationId,
        userId: user.id,
        role: invitation.role as Role,
        createdAt: now,
      })
    }
    await recordAuditEvent(trx, {
      organisationId: invitation.organisationId,
      actor: { type: 'user', userId: user.id },
      action: 'teammate.joined',
      subjectType: 'user',
      subjectId: user.id,
      detail: { role: invitation.role },
    })
    return { userId: user.id, organisationId: invitation.organisationId }
  })
}
