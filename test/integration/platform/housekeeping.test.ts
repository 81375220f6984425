import { beforeAll, expect, test } from 'vitest'
import { insertPasswordReset, insertUserSession } from '#app/auth/queries.server.ts'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { insertInvitation } from '#app/invitations/queries.server.ts'
import { purgeDeadRows } from '#app/server/housekeeping.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import { newSecretToken } from '#app/utils/tokens.server.ts'
import { insertVendorSession } from '#app/vendor-portal/queries.server.ts'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'

beforeAll(async () => {
  await migrateToLatest(getDb())
})

const ago = (ms: number) => new Date(Date.now() - ms).toISOString()
const HOUR = 3_600_000

async function invitation(organisationId: string, engagementId: string, values: { status?: 'revoked' } = {}) {
  const id = newId()
  await insertInvitation(getDb(), {
    id,
    organisation_id: organisationId,
    engagement_id: engagementId,
    vendor_company: 'Vendor',
    vendor_country: 'MX',
    contact_name: 'Contact',
    contact_email: `c-${id}@vendor.example`,
    token_hash: newSecretToken().tokenHash,
    expires_at: '2099-01-01T00:00:00.000Z',
    created_at: nowIso(),
    ...values,
  })
  return id
}

test('the hourly run removes only rows that can no longer be used', async () => {
  const org = await createOrganisation()
  const engagementId = await createEngagement(org.organisationId)
  const db = getDb()
  const session = (name: string, lastSeen: string, expiresAt: string) =>
    insertUserSession(db, {
      idHash: name,
      userId: org.userId,
      organisationId: org.organisationId,
      now: lastSeen,
      expiresAt,
    })
  await session('live', ago(60_000), ago(-HOUR))
  await session('idle', ago(31 * 60_000), ago(-HOUR))
  await session('too-old', ago(60_000), ago(1000))

  const open = await invitation(org.organisationId, engagementId)
  const revoked = await invitation(org.organisationId, engagementId, { status: 'revoked' })
  await insertVendorSession(db, { idHash: 'vendor-live', invitationId: open, generation: 1, now: ago(HOUR) })
  await insertVendorSession(db, { idHash: 'vendor-idle', invitationId: open, generation: 1, now: ago(13 * HOUR) })
  await insertVendorSession(db, { idHash: 'vendor-old-link', invitationId: open, generation: 0, now: ago(HOUR) })
  await insertVendorSession(db, { idHash: 'vendor-revoked', invitationId: revoked, generation: 1, now: ago(HOUR) })

  const reset = (tokenHash: string, expiresAt: string) =>
    insertPasswordReset(db, { id: newId(), userId: org.userId, tokenHash, expiresAt, now: ago(2 * HOUR) })
  await reset('reset-open', ago(-10 * 60_000))
  await reset('reset-long-gone', ago(2 * HOUR))
  await db
    .insertInto('rate_limit')
    .values([
      { key: 'counting', points: 3, expire: Date.now() + 60_000 },
      { key: 'window-ended-long-ago', points: 9, expire: Date.now() - 2 * HOUR },
    ])
    .execute()

  await purgeDeadRows()

  const keys = async (table: 'user_session' | 'vendor_session') =>
    (await db.selectFrom(table).select('id_hash').execute()).map((row) => row.id_hash).sort()
  expect(await keys('user_session')).toEqual(['live'])
  expect(await keys('vendor_session')).toEqual(['vendor-live'])
  expect((await db.selectFrom('password_reset').select('token_hash').execute()).map((r) => r.token_hash)).toEqual([
    'reset-open',
  ])
  expect((await db.selectFrom('rate_limit').select('key').execute()).map((r) => r.key)).toEqual(['counting'])
})
