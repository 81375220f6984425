import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { buildRouteWorld, type RouteWorld } from '#test/support/route-world.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

// Issue 12's low items: names cannot reorder text in PDFs and emails; the comparison does not
// tell which vendor ids exist.

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

let server: TestServer
let world: RouteWorld
let tmp: string
beforeAll(async () => {
  server = await startTestServer()
  world = await buildRouteWorld(server.baseUrl)
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shoreline-names-'))
})
afterAll(async () => {
  await server.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('bidirectional controls in names', () => {
  test('are gone from the report PDF and from the invitation email; the visible letters stay', async () => {
    const org = await createOrganisation('Mercy \u202eHospital\u202c')
    const engagementId = await createEngagement(org.organisationId)
    const { invitationId } = await createVendor(org.organisationId, engagementId, {
      company: 'Acme \u202etxt.exe\u202c \u2066Ltd\u2069',
    })
    const admin = new BrowserClient(server.baseUrl)
    await logIn(admin, org)
    const pdf = await admin.get(`/app/engagements/${engagementId}/vendors/${invitationId}/report.pdf`)
    expect(pdf.status).toBe(200)
    const file = path.join(tmp, 'report.pdf')
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()))
    const text = execFileSync('pdftotext', [file, '-']).toString()
    expect(text).toContain('Acme txt.exe Ltd')
    expect(text).not.toMatch(BIDI)

    const invite = await admin.post(`/app/engagements/${engagementId}?index`, {
      intent: 'invite',
      vendorCompany: 'Globex \u202egnp.exe\u202c',
      vendorCountry: 'IN',
      contactName: 'R\u200fa\u200fm',
      contactEmail: 'bidi@vendor.example',
    })
    expect(invite.status).toBeLessThan(400)
    const email = await getDb()
      .selectFrom('outbound_email')
      .select(['subject', 'text_body'])
      .where('to_address', '=', 'bidi@vendor.example')
      .executeTakeFirstOrThrow()
    expect(`${email.subject}\n${email.text_body}`).not.toMatch(BIDI)
    expect(email.text_body).toContain('Mercy Hospital')
    expect(email.text_body).toContain('Dear Ram,')
  })
})

describe('comparison ids', () => {
  test('an id that exists nowhere gets the same 404 as another organisation’s vendor, page and PDF', async () => {
    const { engagementId, invitationId, otherOrganisationInvitationId } = world.ids
    const nowhere = '00000000-0000-4000-8000-000000000000'
    for (const page of ['compare', 'compare.pdf']) {
      const get = async (id: string) => {
        const response = await world.clients.admin.get(
          `/app/engagements/${engagementId}/${page}?v=${invitationId}&v=${id}`,
        )
        return { status: response.status, body: (await response.text()).replace(/nonce="[^"]+"/g, '') }
      }
      const unknown = await get(nowhere)
      const foreign = await get(otherOrganisationInvitationId)
      expect(unknown.status, page).toBe(404)
      expect(unknown).toEqual(foreign)
    }
  })
})
