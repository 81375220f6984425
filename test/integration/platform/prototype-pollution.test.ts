import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { addMember, createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

// The server runs in this process (test/support/test-server.ts), so what a request plants on
// Object.prototype is visible here.
const prototype = Object.prototype as Record<string, unknown>

let server: TestServer
let tmp: string
beforeAll(async () => {
  server = await startTestServer()
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shoreline-pollution-'))
})
afterAll(async () => {
  for (const key of ['dodContractor', 'polluted', 'execArgv']) delete prototype[key]
  await server.close()
  rmSync(tmp, { recursive: true, force: true })
})

const engagementForm = {
  name: 'Claims 2027',
  dueDate: '2099-03-31',
  'profile.homeCountry': 'US',
  'profile.industry': 'healthcare',
  'profile.dataCategories': 'phi',
}

describe('prototype pollution through form field names', () => {
  test('a member posting __proto__ or constructor.prototype fields gets a 400; no object and no other tenant is touched', async () => {
    const org = await createOrganisation('Attacker Co')
    const member = new BrowserClient(server.baseUrl)
    await logIn(member, await addMember(org.organisationId, 'member'))
    const victim = await createOrganisation('Victim Hospital')
    const victimEngagement = await createEngagement(victim.organisationId)
    const victimAdmin = new BrowserClient(server.baseUrl)
    await logIn(victimAdmin, victim)
    const before = await getDb()
      .selectFrom('engagement')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()

    for (const field of ['__proto__.dodContractor', 'profile.constructor.prototype.polluted']) {
      const response = await member.post('/app/engagements/new', { ...engagementForm, [field]: 'on' })
      expect(response.status).toBe(400)
      expect(await response.text()).toContain('is not allowed')
    }
    const own = await createEngagement(org.organisationId, 'Own')
    const profile = await member.post(`/app/engagements/${own}/profile`, {
      ...engagementForm,
      '__proto__.dodContractor': 'on',
    })
    expect(profile.status).toBe(400)

    expect(prototype.dodContractor).toBeUndefined()
    expect(prototype.polluted).toBeUndefined()
    const after = await getDb()
      .selectFrom('engagement')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n) + 1) // only the engagement this test made itself
    // Another tenant's pages still render.
    expect((await victimAdmin.get(`/app/engagements/${victimEngagement}/profile`)).status).toBe(200)
  })
})

describe('the PDF workers', () => {
  test('a worker started after Object.prototype.execArgv was planted runs no planted code', async () => {
    const org = await createOrganisation('Mercy')
    const engagementId = await createEngagement(org.organisationId)
    const { invitationId } = await createVendor(org.organisationId, engagementId, { company: 'Caribe', submit: false })
    const admin = new BrowserClient(server.baseUrl)
    await logIn(admin, org)

    const marker = path.join(tmp, 'pwned')
    const payload = path.join(tmp, 'payload.cjs')
    writeFileSync(payload, `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran')\n`)
    // What a polluting request would plant before the pool starts (or replaces) a worker. Not
    // enumerable, so that only code reading the property (as Worker reads its options) meets it.
    Object.defineProperty(Object.prototype, 'execArgv', {
      value: ['--require', payload],
      configurable: true,
      writable: true,
      enumerable: false,
    })
    try {
      const response = await admin.get(`/app/engagements/${engagementId}/vendors/${invitationId}/report.pdf`)
      expect(response.status).toBe(200)
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-')
    } finally {
      delete prototype.execArgv
    }
    expect(existsSync(marker)).toBe(false)
  })
})
