import type { Kysely } from 'kysely'
import type { Database, Role } from '#db/schema.ts'

export function findUserByEmail(db: Kysely<Database>, { email }: { email: string }) {
  return db.selectFrom('user').selectAll().where('email', '=', email).executeTakeFirst()
}

export function findUserById(db: Kysely<Database>, { userId }: { userId: string }) {
  return db.selectFrom('user').selectAll().where('id', '=', userId).executeTakeFirst()
}

export async function insertUser(
  db: Kysely<Database>,
  values: { id: string; email: string; name: string; passwordHash: string; now: string },
) {
  await db
    .insertInto('user')
    .values({
      id: values.id,
      email: values.email,
      name: values.name,
      password_hash: values.passwordHash,
      created_at: values.now,
      updated_at: values.now,
    })
    .execute()
}

export async function updateUserPassword(
  db: Kysely<Database>,
  { userId, passwordHash, now }: { userId: string; passwordHash: string; now: string },
) {
  await db.updateTable('user').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute()
}

/** Creates the organisation unless a row with that id exists (the demo seed passes a fixed id). */
export async function insertOrganisationIfMissing(
  db: Kysely<Database>,
  { id, name, now }: { id: string; name: string; now: string },
) {
  await db
    .insertInto('organisation')
    .values({ id, name, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

/**
 * The signed-in user with their membership of the session's organisation, or undefined when either
 * is gone (user deleted, membership removed): the session is then treated as signed out.
 * SQL: select … from membership join user join organisation where user.id = ? and organisation.id = ?
 */
export function findMember(
  db: Kysely<Database>,
  { userId, organisationId }: { userId: string; organisationId: string },
) {
  return members(db)
    .where('membership.user_id', '=', userId)
    .where('membership.organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** Memberships with their user and organisation, in the columns a member is read with. */
function members(db: Kysely<Database>) {
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
    .select([
      'user.id as userId',
      'user.email as email',
      'user.name as name',
      'membership.role as role',
      'organisation.id as organisationId',
      'organisation.name as organisationName',
    ])
}

/** The organisation a user lands in after login: the one they joined first. */
export function findFirstMembership(db: Kysely<Database>, { userId }: { userId: string }) {
  return db
    .selectFrom('membership')
    .select(['organisation_id as organisationId', 'role'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'asc')
    .executeTakeFirst()
}

export function listMembers(db: Kysely<Database>, { organisationId }: { organisationId: string }) {
  return db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select([
      'user.id as userId',
      'user.name as name',
      'user.email as email',
      'membership.role as role',
      'membership.created_at as joinedAt',
    ])
    .where('membership.organisation_id', '=', organisationId)
    .orderBy('user.name')
    .execute()
}

export function listPendingTeammateInvitations(
  db: Kysely<Database>,
  { organisationId, now }: { organisationId: string; now: string },
) {
  return db
    .selectFrom('teammate_invitation')
    .select(['id', 'email', 'role', 'expires_at as expiresAt', 'created_at as createdAt'])
    .where('organisation_id', '=', organisationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute()
}

export function findOpenTeammateInvitation(
  db: Kysely<Database>,
  { tokenHash, now }: { tokenHash: string; now: string },
) {
  return db
    .selectFrom('teammate_invitation')
    .innerJoin('organisation', 'organisation.id', 'teammate_invitation.organisation_id')
    .select([
      'teammate_invitation.id',
      'teammate_invitation.email',
      'teammate_invitation.role',
      'teammate_invitation.organisation_id as organisationId',
      'organisation.name as organisationName',
    ])
    .where('teammate_invitation.token_hash', '=', tokenHash)
    .where('teammate_invitation.accepted_at', 'is', null)
    .where('teammate_invitation.revoked_at', 'is', null)
    .where('teammate_invitation.expires_at', '>', now)
    .executeTakeFirst()
}

export function findOpenSignupRequest(db: Kysely<Database>, { tokenHash, now }: { tokenHash: string; now: string }) {
  return db
    .selectFrom('signup_request')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('completed_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
}

/** A sign-up request by its token's hash, whatever its state (to say why a link no longer works). */
export function findSignupRequestByTokenHash(db: Kysely<Database>, { tokenHash }: { tokenHash: string }) {
  return db
    .selectFrom('signup_request')
    .select(['email', 'expires_at as expiresAt', 'completed_at as completedAt'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
}

export async function insertSignupRequest(
  db: Kysely<Database>,
  values: {
    id: string
    email: string
    name: string
    organisationName: string
    passwordHash: string
    tokenHash: string
    expiresAt: string
    now: string
  },
) {
  await db
    .insertInto('signup_request')
    .values({
      id: values.id,
      email: values.email,
      name: values.name,
      organisation_name: values.organisationName,
      password_hash: values.passwordHash,
      token_hash: values.tokenHash,
      expires_at: values.expiresAt,
      completed_at: null,
      created_at: values.now,
    })
    .execute()
}

export async function markSignupRequestCompleted(db: Kysely<Database>, { id, now }: { id: string; now: string }) {
  await db.updateTable('signup_request').set({ completed_at: now }).where('id', '=', id).execute()
}

export async function insertTeammateInvitation(
  db: Kysely<Database>,
  values: {
    id: string
    organisationId: string
    email: string
    role: Role
    tokenHash: string
    invitedByUserId: string
    expiresAt: string
    now: string
  },
) {
  await db
    .insertInto('teammate_invitation')
    .values({
      id: values.id,
      organisation_id: values.organisationId,
      email: values.email,
      role: values.role,
      token_hash: values.tokenHash,
      invited_by_user_id: values.invitedByUserId,
      expires_at: values.expiresAt,
      accepted_at: null,
      revoked_at: null,
      created_at: values.now,
    })
    .execute()
}

export async function markTeammateInvitationAccepted(db: Kysely<Database>, { id, now }: { id: string; now: string }) {
  await db.updateTable('teammate_invitation').set({ accepted_at: now }).where('id', '=', id).execute()
}

/**
 * Withdraws a pending invitation of this organisation. Returns its email, or undefined when there
 * is no such pending invitation (already accepted or revoked, or another organisation's).
 * SQL: update teammate_invitation set revoked_at = ? where id = ? and organisation_id = ?
 *      and accepted_at is null and revoked_at is null returning email
 */
export async function revokeTeammateInvitationRow(
  db: Kysely<Database>,
  { organisationId, invitationId, now }: { organisationId: string; invitationId: string; now: string },
) {
  const row = await db
    .updateTable('teammate_invitation')
    .set({ revoked_at: now })
    .where('id', '=', invitationId)
    .where('organisation_id', '=', organisationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning(['email', 'role'])
    .executeTakeFirst()
  return row
}

/**
 * Removes a membership unless it is the organisation's last admin, in one statement, so two admins
 * removing each other at once cannot leave the organisation without one. Returns the removed role.
 * SQL: delete from membership where organisation_id = ? and user_id = ? and (role != 'admin' or
 *      (select count(*) from membership where organisation_id = ? and role = 'admin') > 1)
 *      returning role
 */
export function deleteMembershipUnlessLastAdmin(
  db: Kysely<Database>,
  { organisationId, userId }: { organisationId: string; userId: string },
) {
  return db
    .deleteFrom('membership')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('role', '!=', 'admin'),
        eb(
          eb
            .selectFrom('membership as admins')
            .select((inner) => inner.fn.countAll<number>().as('admins'))
            .where('admins.organisation_id', '=', organisationId)
            .where('admins.role', '=', 'admin'),
          '>',
          1,
        ),
      ]),
    )
    .returning('role')
    .executeTakeFirst()
}

export async function insertMembership(
  db: Kysely<Database>,
  values: { id: string; organisationId: string; userId: string; role: Role; createdAt: string },
) {
  await db
    .insertInto('membership')
    .values({
      id: values.id,
      organisation_id: values.organisationId,
      user_id: values.userId,
      role: values.role,
      created_at: values.createdAt,
    })
    .execute()
}

// ——— Sessions (user_session). Ids arrive hashed: the table never sees a cookie's value. ———

export async function insertUserSession(
  db: Kysely<Database>,
  values: { idHash: string; userId: string; organisationId: string; now: string; expiresAt: string },
) {
  await db
    .insertInto('user_session')
    .values({
      id_hash: values.idHash,
      user_id: values.userId,
      organisation_id: values.organisationId,
      created_at: values.now,
      last_seen_at: values.now,
      expires_at: values.expiresAt,
    })
    .execute()
}

/**
 * A live session: not past its absolute end and seen since `idleSince`.
 * SQL: select … from user_session where id_hash = ? and expires_at > ? and last_seen_at > ?
 */
export function findLiveUserSession(
  db: Kysely<Database>,
  { idHash, now, idleSince }: { idHash: string; now: string; idleSince: string },
) {
  return db
    .selectFrom('user_session')
    .select([
      'id_hash as idHash',
      'user_id as userId',
      'organisation_id as organisationId',
      'last_seen_at as lastSeenAt',
    ])
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', idleSince)
    .executeTakeFirst()
}

/**
 * The member a live session belongs to, with the session's last sighting: `findLiveUserSession` and
 * `findMember` in one statement, as every page asks it (no row: no live session, or no membership).
 * SQL: select … from membership join user join organisation join user_session
 *      where id_hash = ? and expires_at > ? and last_seen_at > ?
 */
export function findMemberOfLiveSession(
  db: Kysely<Database>,
  { idHash, now, idleSince }: { idHash: string; now: string; idleSince: string },
) {
  return members(db)
    .innerJoin('user_session', (join) =>
      join
        .onRef('user_session.user_id', '=', 'membership.user_id')
        .onRef('user_session.organisation_id', '=', 'membership.organisation_id'),
    )
    .select('user_session.last_seen_at as lastSeenAt')
    .where('user_session.id_hash', '=', idHash)
    .where('user_session.expires_at', '>', now)
    .where('user_session.last_seen_at', '>', idleSince)
    .executeTakeFirst()
}

export async function touchUserSession(db: Kysely<Database>, { idHash, now }: { idHash: string; now: string }) {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute()
}

export async function deleteUserSession(db: Kysely<Database>, { idHash }: { idHash: string }) {
  await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute()
}

/**
 * Ends a user's sessions: all of them, those in one organisation (removal from it), or all but the
 * one the user is using (password change). Returns how many ended.
 */
export async function deleteUserSessions(
  db: Kysely<Database>,
  { userId, organisationId, exceptIdHash }: { userId: string; organisationId?: string; exceptIdHash?: string },
): Promise<number> {
  let query = db.deleteFrom('user_session').where('user_id', '=', userId)
  if (organisationId) query = query.where('organisation_id', '=', organisationId)
  if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function deleteDeadUserSessions(
  db: Kysely<Database>,
  { now, idleSince }: { now: string; idleSince: string },
) {
  await db
    .deleteFrom('user_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .execute()
}

// ——— Password reset links (password_reset): tokens arrive hashed. ———

export async function insertPasswordReset(
  db: Kysely<Database>,
  values: { id: string; userId: string; tokenHash: string; expiresAt: string; now: string },
) {
  await db
    .insertInto('password_reset')
    .values({
      id: values.id,
      user_id: values.userId,
      token_hash: values.tokenHash,
      expires_at: values.expiresAt,
      used_at: null,
      created_at: values.now,
    })
    .execute()
}

export function findOpenPasswordReset(db: Kysely<Database>, { tokenHash, now }: { tokenHash: string; now: string }) {
  return db
    .selectFrom('password_reset')
    .innerJoin('user', 'user.id', 'password_reset.user_id')
    .select(['password_reset.id', 'password_reset.user_id as userId', 'user.email', 'user.name'])
    .where('password_reset.token_hash', '=', tokenHash)
    .where('password_reset.used_at', 'is', null)
    .where('password_reset.expires_at', '>', now)
    .executeTakeFirst()
}

/**
 * Spends an open reset link and returns its user: the check and the spending are one statement, so
 * a link works once even when two requests race.
 * SQL: update password_reset set used_at = ? where token_hash = ? and used_at is null
 *      and expires_at > ? returning user_id
 */
export function claimPasswordReset(db: Kysely<Database>, { tokenHash, now }: { tokenHash: string; now: string }) {
  return db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id as userId')
    .executeTakeFirst()
}

/** Spends every open reset link of the user (the one used, and any older one). */
export async function markPasswordResetsUsed(db: Kysely<Database>, { userId, now }: { userId: string; now: string }) {
  await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute()
}

export async function deleteDeadPasswordResets(db: Kysely<Database>, { before }: { before: string }) {
  await db.deleteFrom('password_reset').where('expires_at', '<', before).execute()
}
