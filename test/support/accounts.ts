import { createOrganisationWithAdmin } from '#app/auth/accounts.server.ts'
import type { Role } from '#app/auth/auth.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { insertMembership } from '#app/auth/queries.server.ts'
import { getDb } from '#app/db.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import type { BrowserClient } from './browser-client.ts'

let counter = 0

/** A fresh organisation with an admin, written straight to this test file's database. */
export async function createOrganisation(name = `Org ${++counter}`) {
  const email = `admin-${newId()}@example.com`
  const password = 'correct horse battery'
  const ids = await getDb()
    .transaction()
    .execute((trx) =>
      createOrganisationWithAdmin(trx, { organisationName: name, name: 'Ada Admin', email, passwordHash: '' }),
    )
  await getDb()
    .updateTable('user')
    .set({ password_hash: await hashPassword(password) })
    .where('id', '=', ids.userId)
    .execute()
  return { ...ids, email, password, name }
}

/** Adds a member with a role to an organisation and returns their login. */
export async function addMember(organisationId: string, role: Role) {
  const email = `${role}-${newId()}@example.com`
  const password = 'another long password'
  const userId = newId()
  const now = nowIso()
  await getDb()
    .insertInto('user')
    .values({
      id: userId,
      email,
      name: `${role} person`,
      password_hash: await hashPassword(password),
      created_at: now,
      updated_at: now,
    })
    .execute()
  await insertMembership(getDb(), { id: newId(), organisationId, userId, role, createdAt: now })
  return { userId, email, password }
}

export async function createEngagement(
  organisationId: string,
  name = 'Claims processing 2027',
  dueDate: string | null = null,
) {
  const id = newId()
  const now = nowIso()
  await getDb()
    .insertInto('engagement')
    .values({
      id,
      organisation_id: organisationId,
      name,
      questionnaire_id: 'cross-border-core',
      questionnaire_version: 1,
      due_date: dueDate,
      created_by_user_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await getDb()
    .insertInto('regulatory_profile')
    .values({
      id: newId(),
      engagement_id: id,
      profile_json: JSON.stringify({
        homeCountry: 'US',
        industry: 'healthcare',
        dataCategories: ['phi'],
        volumes: {},
        flags: {},
        purposes: [],
      }),
      updated_by_user_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
  return id
}

export async function logIn(client: BrowserClient, { email, password }: { email: string; password: string }) {
  const response = await client.post('/login', { email, password })
  if (response.status !== 302) throw new Error(`login failed with ${response.status}`)
  return response
}
