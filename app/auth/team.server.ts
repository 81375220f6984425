import type { Kysely } from 'kysely'
import type { Database, Role } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { type SendResult, sendEmail } from '../mail/mailer.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { hashToken, newSecretToken } from '../utils/tokens.server.ts'
import type { InviteTeammateInput } from './auth.ts'
import { hashPassword, verifyPassword } from './password.server.ts'
import {
  deleteMembershipUnlessLastAdmin,
  deleteUserSessions,
  findMember,
  findOpenTeammateInvitation,
  findUserByEmail,
  insertMembership,
  insertTeammateInvitation,
  insertUser,
  markTeammateInvitationAccepted,
  revokeTeammateInvitationRow,
} from './queries.server.ts'

/** The team of an organisation: inviting teammates, their joining, withdrawing and removing. */

const TEAMMATE_LINK_DAYS = 7

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
    const now = nowIso()
    await insertTeammateInvitation(trx, {
      id,
      organisationId: input.organisationId,
      email: input.email,
      role: input.role,
      tokenHash,
      invitedByUserId: input.invitedByUserId,
      expiresAt: new Date(Date.now() + TEAMMATE_LINK_DAYS * 86_400_000).toISOString(),
      now,
    })
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
      await insertUser(trx, {
        id: newId(),
        email: invitation.email,
        name: name ?? invitation.email,
        passwordHash,
        now,
      })
      user = await findUserByEmail(trx, { email: invitation.email })
    }
    if (!user) return undefined
    await markTeammateInvitationAccepted(trx, { id: invitation.id, now })
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

/** An admin withdraws a pending invitation: its link stops working at once. Audited. */
export async function revokeTeammateInvitation(
  db: Kysely<Database>,
  { organisationId, invitationId, actorUserId }: { organisationId: string; invitationId: string; actorUserId: string },
): Promise<{ email: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    const revoked = await revokeTeammateInvitationRow(trx, { organisationId, invitationId, now: nowIso() })
    if (!revoked) return undefined
    await recordAuditEvent(trx, {
      organisationId,
      actor: { type: 'user', userId: actorUserId },
      action: 'teammate.invitation-revoked',
      subjectType: 'teammate_invitation',
      subjectId: invitationId,
      detail: { email: revoked.email, role: revoked.role },
    })
    return { email: revoked.email }
  })
}

export type RemoveMemberResult =
  | { removed: true; email: string }
  | { removed: false; reason: 'not-found' | 'last-admin' }

/**
 * An admin removes a member from the organisation: the membership goes, the member's sessions in
 * this organisation end at once, and the removal is audited, in one transaction. The last admin
 * cannot be removed (not even by themself), so an organisation always has someone to manage it.
 */
export async function removeMember(
  db: Kysely<Database>,
  { organisationId, userId, actorUserId }: { organisationId: string; userId: string; actorUserId: string },
): Promise<RemoveMemberResult> {
  return db.transaction().execute(async (trx) => {
    const member = await findMember(trx, { userId, organisationId })
    if (!member) return { removed: false, reason: 'not-found' }
    const deleted = await deleteMembershipUnlessLastAdmin(trx, { organisationId, userId })
    if (!deleted) return { removed: false, reason: 'last-admin' }
    const endedSessions = await deleteUserSessions(trx, { userId, organisationId })
    await recordAuditEvent(trx, {
      organisationId,
      actor: { type: 'user', userId: actorUserId },
      action: 'teammate.removed',
      subjectType: 'user',
      subjectId: userId,
      detail: { email: member.email, role: member.role, endedSessions },
    })
    return { removed: true, email: member.email }
  })
}

/**
 * An admin ends every session a member has in this organisation (a lost laptop, a shared computer):
 * the member stays a member and logs in again. Audited. Undefined when the person is no member.
 */
export async function endMemberSessions(
  db: Kysely<Database>,
  { organisationId, userId, actorUserId }: { organisationId: string; userId: string; actorUserId: string },
): Promise<{ email: string; endedSessions: number } | undefined> {
  return db.transaction().execute(async (trx) => {
    const member = await findMember(trx, { userId, organisationId })
    if (!member) return undefined
    const endedSessions = await deleteUserSessions(trx, { userId, organisationId })
    await recordAuditEvent(trx, {
      organisationId,
      actor: { type: 'user', userId: actorUserId },
      action: 'teammate.sessions-ended',
      subjectType: 'user',
      subjectId: userId,
      detail: { email: member.email, endedSessions },
    })
    return { email: member.email, endedSessions }
  })
}
