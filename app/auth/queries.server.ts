import type { Kysely } from 'kysely'
import type { Database, Role } from '#db/schema.ts'

export function findUserByEmail(db: Kysely<Database>, { email }: { email: string }) {
  return db.selectFrom('user').selectAll().where('email', '=', email).executeTakeFirst()
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
    .where('membership.user_id', '=', userId)
    .where('membership.organisation_id', '=', organisationId)
    .executeTakeFirst()
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
