import { beforeAll, describe, expect, test, vi } from 'vitest'
import { requestSignup } from '#app/auth/accounts.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { createOrganisation } from '#test/support/accounts.ts'

// The real hasher, watched: "equal work" at sign-up means the costly step runs on both paths
// (DECISIONS.md: proved by the hasher running, not by timing).
vi.mock('#app/auth/password.server.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('#app/auth/password.server.ts')>()
  return { ...real, hashPassword: vi.fn(real.hashPassword) }
})

beforeAll(async () => {
  await migrateToLatest(getDb())
})

describe('sign-up does the same work for known and new addresses', () => {
  test('the password is hashed whether or not the address already has an account', async () => {
    const existing = await createOrganisation()
    const hasher = vi.mocked(hashPassword)
    hasher.mockClear()

    const input = { organisationName: 'Mercy General', name: 'Grace Hopper', password: 'tidal quartz lantern 41' }
    const known = await requestSignup(getDb(), { ...input, email: existing.email }, { origin: 'http://localhost:3000' })
    expect(hasher).toHaveBeenCalledTimes(1)
    const fresh = await requestSignup(
      getDb(),
      { ...input, email: 'new@mercy.example' },
      { origin: 'http://localhost:3000' },
    )
    expect(hasher).toHaveBeenCalledTimes(2)
    expect(hasher.mock.calls).toEqual([['tidal quartz lantern 41'], ['tidal quartz lantern 41']])

    // And each path sends exactly one email (the outbox here: no SMTP in this file).
    expect([known.status, fresh.status]).toEqual(['outbox', 'outbox'])
  })
})
