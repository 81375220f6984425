import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'
import { createVendor } from '#test/support/vendors.ts'

/**
 * A vendor that answered questionnaire v1, assessed under rules that read a question only v2 asks
 * (DFARS: are the FIPS modules FIPS 140-3?). The engine fails safe; the report and its PDF say
 * plainly that the question was not asked in this questionnaire version, and name it.
 */

let server: TestServer
let tmp: string
const world = {} as { buyer: BrowserClient; url: string }
const FIPS_VERSION_PROMPT = 'Are all of these modules validated under FIPS 140-3?'

beforeAll(async () => {
  await migrateToLatest(getDb())
  server = await startTestServer()
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shoreline-not-asked-'))
  const org = await createOrganisation('Harbor Defense Systems')
  // An engagement still on v1 (as every engagement was before migration 2026-12-02T1300).
  const engagementId = await createEngagement(org.organisationId, 'Engineering records')
  await getDb()
    .updateTable('regulatory_profile')
    .set({
      profile_json: JSON.stringify({
        homeCountry: 'US',
        industry: 'defense',
        dataCategories: ['cui'],
        volumes: {},
        flags: { dodContractor: true, cmmcLevel: 2 },
        purposes: [],
      }),
    })
    .where('engagement_id', '=', engagementId)
    .execute()
  const { invitationId } = await createVendor(org.organisationId, engagementId, {
    company: 'Isla Engineering Records',
    country: 'US',
    answers: {
      'company.hqCountry': 'US',
      'company.incorporationCountry': 'US',
      'storage.primaryCountries': ['US'],
      'handling.fips140Validated': true,
    },
  })
  world.buyer = new BrowserClient(server.baseUrl)
  await logIn(world.buyer, org)
  world.url = `/app/engagements/${engagementId}/vendors/${invitationId}`
})
afterAll(async () => {
  await server.close()
  rmSync(tmp, { recursive: true, force: true })
})

test('the report says which questions this questionnaire version never asked', async () => {
  const response = await world.buyer.get(world.url)
  expect(response.status).toBe(200)
  const html = await response.text()
  expect(html).toContain('<h4 id="not-asked-heading">Not asked in this questionnaire version</h4>')
  expect(html).toContain(FIPS_VERSION_PROMPT)
  expect(html).toContain('Not asked in this questionnaire version (cross-border-core v1)')
  expect(html).toContain('<span class="badge not-asked">Not asked in v1</span>')
})

test('and so does its PDF', async () => {
  const response = await world.buyer.get(`${world.url}/report.pdf`)
  expect(response.status).toBe(200)
  const file = path.join(tmp, 'report.pdf')
  writeFileSync(file, Buffer.from(await response.arrayBuffer()))
  const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ')
  expect(text).toContain(
    'Not asked in this questionnaire version This vendor answered questionnaire cross-border-core v1',
  )
  expect(text).toContain(`${FIPS_VERSION_PROMPT} (handling.fipsVersion)`)
  expect(text).toContain('NOT ASKED IN V1')
})
