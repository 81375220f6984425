import { type Kysely, sql } from 'kysely'
import { createOrganisationWithAdmin } from '#app/auth/accounts.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { nowIso } from '#app/utils/ids.ts'
import type { Database } from './schema.ts'

/**
 * The demo organisation a newcomer logs into after `npm start`. Its password is public (printed on
 * start and in the README), so it is seeded only outside production. Later issues add the demo
 * engagements, vendors and answers here.
 */
export const DEMO_LOGIN = {
  organisationName: 'Harbor Health Partners (demo)',
  name: 'Dana Reyes',
  email: 'admin@demo.shoreline.test',
  password: 'shoreline-demo',
} as const

const DEMO_ORGANISATION_ID = '00000000-0000-4000-8000-000000000001'

/**
 * Seeds the demo organisation when the database has no organisation at all, and returns the login;
 * returns undefined when there was anything already. Safe when two processes start at once: the
 * first statement is a conditional insert, which takes SQLite's write lock, so the second process
 * waits and then finds the organisation.
 */
export async function seedDemoIfEmpty(db: Kysely<Database>): Promise<typeof DEMO_LOGIN | undefined> {
  const passwordHash = await hashPassword(DEMO_LOGIN.password)
  return db.transaction().execute(async (trx) => {
    const now = nowIso()
    const inserted = await sql`
      insert into organisation (id, name, created_at, updated_at)
      select ${DEMO_ORGANISATION_ID}, ${DEMO_LOGIN.organisationName}, ${now}, ${now}
      where not exists (select 1 from organisation)`.execute(trx)
    if (Number(inserted.numAffectedRows ?? 0) === 0) return undefined
    await createOrganisationWithAdmin(trx, {
      organisationId: DEMO_ORGANISATION_ID,
      organisationName: DEMO_LOGIN.organisationName,
      name: DEMO_LOGIN.name,
      email: DEMO_LOGIN.email,
      passwordHash,
    })
    return DEMO_LOGIN
  })
}
