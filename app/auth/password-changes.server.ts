import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { type SendResult, sendEmail } from '../mail/mailer.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { hashToken, newSecretToken } from '../utils/tokens.server.ts'
import { hashPassword, verifyPassword } from './password.server.ts'
import {
  claimPasswordReset,
  deleteUserSessions,
  findOpenPasswordReset,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  markPasswordResetsUsed,
  updateUserPassword,
} from './queries.server.ts'

/** Changing a password: by the signed-in person (change), or from an emailed link (reset). */

export const RESET_LINK_MINUTES = 30

/**
 * A signed-in person changes their password, proving it with the current one. Every other session
 * of theirs ends (a thief's copy of a cookie, another browser); the one in use stays. Audited.
 */
export async function changePassword(
  db: Kysely<Database>,
  input: { userId: string; currentPassword: string; password: string; keepSessionIdHash: string },
): Promise<{ changed: true; endedSessions: number } | { changed: false }> {
  const user = await findUserById(db, { userId: input.userId })
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) return { changed: false }
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async (trx) => {
    await updateUserPassword(trx, { userId: user.id, passwordHash, now: nowIso() })
    const endedSessions = await deleteUserSessions(trx, { userId: user.id, exceptIdHash: input.keepSessionIdHash })
    await recordAuditEvent(trx, {
      organisationId: null,
      actor: { type: 'user', userId: user.id },
      action: 'user.password-changed',
      subjectType: 'user',
      subjectId: user.id,
      detail: { endedSessions },
    })
    return { changed: true as const, endedSessions }
  })
}

/**
 * "Forgot your password": an address with an account gets a single-use link valid for 30 minutes;
 * an address without one gets a note saying so. The page answers the same either way and both
 * paths send one email, so neither the answer nor its timing tells whether an account exists.
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  { email }: { email: string },
  { origin }: { origin: string },
): Promise<SendResult> {
  const user = await findUserByEmail(db, { email })
  if (!user) {
    return sendEmail(db, {
      organisationId: null,
      kind: 'password-reset-unknown',
      to: email,
      subject: 'Resetting your Shoreline password',
      text: `Someone (hopefully you) asked to reset the Shoreline password of this address, but it has no Shoreline account.\n\nTo create an organisation: ${origin}/signup\nIf a colleague uses Shoreline, ask them to invite you.\n\nIf this was not you, you can ignore this email.`,
    })
  }
  const { token, tokenHash } = newSecretToken()
  const now = new Date()
  await insertPasswordReset(db, {
    id: newId(),
    userId: user.id,
    tokenHash,
    expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000).toISOString(),
    now: now.toISOString(),
  })
  return sendEmail(db, {
    organisationId: null,
    kind: 'password-reset',
    to: email,
    subject: 'Reset your Shoreline password',
    text: `Someone (hopefully you) asked to reset your Shoreline password.\n\nChoose a new one within ${RESET_LINK_MINUTES} minutes: ${origin}/reset-password/${token}\n\nThe link works once. If this was not you, ignore this email: your password stays as it is.`,
    secrets: [token],
  })
}

/** Whether a reset link is still open (the page shows the form or says the link is spent). */
export async function findPasswordResetLink(db: Kysely<Database>, { token }: { token: string }) {
  const reset = await findOpenPasswordReset(db, { tokenHash: hashToken(token), now: nowIso() })
  return reset ? { email: reset.email } : undefined
}

/**
 * Sets a new password from a reset link: the link (and every other open link of the account) is
 * spent, and every session of the account ends, in one transaction. Audited. Returns undefined when
 * the link is unknown, used or past its 30 minutes.
 */
export async function resetPassword(
  db: Kysely<Database>,
  { token, password }: { token: string; password: string },
): Promise<{ email: string } | undefined> {
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const now = nowIso()
    const reset = await claimPasswordReset(trx, { tokenHash: hashToken(token), now })
    if (!reset) return undefined
    const user = await findUserById(trx, { userId: reset.userId })
    if (!user) return undefined
    await markPasswordResetsUsed(trx, { userId: reset.userId, now })
    await updateUserPassword(trx, { userId: reset.userId, passwordHash, now })
    const endedSessions = await deleteUserSessions(trx, { userId: reset.userId })
    await recordAuditEvent(trx, {
      organisationId: null,
      actor: { type: 'user', userId: reset.userId },
      action: 'user.password-reset',
      subjectType: 'user',
      subjectId: reset.userId,
      detail: { endedSessions },
    })
    return { email: user.email }
  })
}
