import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'
import { recordAuditEvent } from '../audit/audit.server.ts'
import { type SendResult, sendEmail } from '../mail/mailer.server.ts'
import { newId, nowIso } from '../utils/ids.ts'
import { hashToken, newSecretToken } from '../utils/tokens.server.ts'
import { hashPassword, verifyPassword } from './password.server.ts'
import type { SignupInput } from './password-policy.ts'
import {
  findFirstMembership,
  findOpenSignupRequest,
  findSignupRequestByTokenHash,
  findUserByEmail,
  insertMembership,
  insertOrganisationIfMissing,
  insertSignupRequest,
  insertUser,
  markSignupRequestCompleted,
} from './queries.server.ts'

const SIGNUP_LINK_HOURS = 24

function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * 3_600_000).toISOString()
}

/**
 * Starts a sign-up. The answer is the same whether or not the address already has an account: a
 * new address gets a confirmation link, a known one gets a note that it already has an account.
 * Both paths hash the password first (the costly step), so they do the same work and take the same
 * time. The organisation and its first admin are created when the link is followed (completeSignup).
 */
export async function requestSignup(
  db: Kysely<Database>,
  input: SignupInput,
  { origin }: { origin: string },
): Promise<SendResult> {
  const passwordHash = await hashPassword(input.password)
  const existing = await findUserByEmail(db, { email: input.email })
  if (existing) {
    return sendEmail(db, {
      organisationId: null,
      kind: 'signup-existing-account',
      to: input.email,
      subject: 'You already have a Shoreline account',
      text: `Someone (hopefully you) tried to sign up to Shoreline with this address, which already has an account.\n\nLog in here: ${origin}/login\nForgot your password? ${origin}/forgot-password\n\nIf this was not you, you can ignore this email.`,
    })
  }
  const { token, tokenHash } = newSecretToken()
  await insertSignupRequest(db, {
    id: newId(),
    email: input.email,
    name: input.name,
    organisationName: input.organisationName,
    passwordHash,
    tokenHash,
    expiresAt: hoursFromNow(SIGNUP_LINK_HOURS),
    now: nowIso(),
  })
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
  await insertOrganisationIfMissing(trx, { id: organisationId, name: input.organisationName, now })
  await insertUser(trx, { id: userId, email: input.email, name: input.name, passwordHash: input.passwordHash, now })
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
    await markSignupRequestCompleted(trx, { id: request.id, now })
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

/**
 * What a sign-up confirmation link is, read without using it (the link's GET): 'open' when the
 * button would create the organisation, 'used' when it (or another link for the same address) was
 * followed, 'expired' when its time ran out, 'unknown' for a token that was never issued.
 */
export async function signupLinkState(
  db: Kysely<Database>,
  { token, now = nowIso() }: { token: string; now?: string },
): Promise<'open' | 'used' | 'expired' | 'unknown'> {
  const request = await findSignupRequestByTokenHash(db, { tokenHash: hashToken(token) })
  if (!request) return 'unknown'
  if (request.completedAt || (await findUserByEmail(db, { email: request.email }))) return 'used'
  if (request.expiresAt <= now) return 'expired'
  return 'open'
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
