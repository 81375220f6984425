import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { addVendor } from '#test/support/dashboard-vendors.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')

/** The vendor names of the table's rows, in order (first cell of each body row). */
function vendorNames(html: string): string[] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'))
  return [...body.matchAll(/<tr>\s*<td>([^<]*)<\/td>/g)].map((m) => m[1] as string)
}

describe('the vendors page', () => {
  test("lists every vendor of the organisation's engagements with its report link, never another organisation's", async () => {
    const org = await createOrganisation('Harbour Savings Bank')
    const callCentre = await createEngagement(org.organisationId, 'Call centre 2027', null)
    const collections = await createEngagement(org.organisationId, 'Collections 2027', null)
    const isla = await addVendor(
      { organisationId: org.organisationId, engagementId: callCentre },
      { company: 'Isla Contact', assessment: { score: 80, verdict: 'approve' } },
    )
    await getDb()
      .updateTable('assessment')
      .set({ residual_risk: 'medium', buyer_action: 'remediate-first' })
      .where('response_id', 'in', (eb) => eb.selectFrom('response').select('id').where('invitation_id', '=', isla))
      .execute()
    await addVendor(
      { organisationId: org.organisationId, engagementId: collections },
      { company: 'Cebu Desk', status: 'in-progress' },
    )
    const other = await createOrganisation('Other Bank')
    const theirs = await createEngagement(other.organisationId, 'Their call centre', null)
    await addVendor(
      { organisationId: other.organisationId, engagementId: theirs },
      { company: 'Secret Vendor SA', assessment: { score: 50, verdict: 'reject' } },
    )

    const client = new BrowserClient(server.baseUrl)
    await logIn(client, org)
    const response = await client.get('/app/vendors')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(vendorNames(html)).toEqual(['Cebu Desk', 'Isla Contact'])
    const page = text(html)
    expect(page).toContain('Vendors 1–2 of 2')
    expect(page).toContain(
      'Isla Contact Call centre 2027 India Submitted Approve Residual risk: Medium. Remediate first.',
    )
    expect(page).toContain('Cebu Desk Collections 2027 India In progress Not assessed')
    expect(html).toContain(`href="/app/engagements/${callCentre}/vendors/${isla}"`)
    expect(html).not.toContain('Secret Vendor SA')
    expect(html).not.toContain('Their call centre')
    // The app's navigation links to it.
    expect(html).toMatch(/<nav[^>]*aria-label="Main"[^>]*>.*href="\/app\/vendors"/s)

    // The other organisation sees only its own.
    const theirClient = new BrowserClient(server.baseUrl)
    await logIn(theirClient, other)
    const theirHtml = await (await theirClient.get('/app/vendors')).text()
    expect(vendorNames(theirHtml)).toEqual(['Secret Vendor SA'])
    // Searching for our vendor's name from the other organisation finds nothing.
    expect(vendorNames(await (await theirClient.get('/app/vendors?q=Isla')).text())).toEqual([])
  })

  test('filters by status, verdict and search; sorts by a column both ways; pages of 50', async () => {
    const org = await createOrganisation()
    const engagement = await createEngagement(org.organisationId, 'Big sourcing', null)
    const scope = { organisationId: org.organisationId, engagementId: engagement }
    await addVendor(scope, { company: 'Alpha', assessment: { score: 90, verdict: 'approve' } })
    await addVendor(scope, { company: 'Bravo', assessment: { score: 10, verdict: 'reject' } })
    await addVendor(scope, { company: 'Charlie', status: 'opened', expired: true })
    for (let i = 0; i < 52; i++) await addVendor(scope, { company: `Zulu ${String(i).padStart(2, '0')}` })

    const client = new BrowserClient(server.baseUrl)
    await logIn(client, org)
    const get = async (path: string) => (await client.get(path)).text()

    expect(vendorNames(await get('/app/vendors?verdict=reject'))).toEqual(['Bravo'])
    expect(vendorNames(await get('/app/vendors?status=expired'))).toEqual(['Charlie'])
    expect(vendorNames(await get('/app/vendors?q=alp'))).toEqual(['Alpha'])
    expect(vendorNames(await get('/app/vendors?q=%25'))).toEqual([])
    expect(vendorNames(await get('/app/vendors?verdict=approve&sort=verdict&dir=desc'))).toEqual(['Alpha'])
    const byVerdict = vendorNames(await get('/app/vendors?sort=verdict'))
    expect(byVerdict.slice(0, 2)).toEqual(['Alpha', 'Bravo'])
    const byVendorDesc = vendorNames(await get('/app/vendors?sort=vendor&dir=desc'))
    expect(byVendorDesc[0]).toBe('Zulu 51')

    const first = await get('/app/vendors')
    expect(vendorNames(first)).toHaveLength(50)
    expect(text(first)).toContain('Vendors 1–50 of 55')
    expect(first).toContain('href="/app/vendors?page=2"')
    const second = await get('/app/vendors?page=2')
    expect(vendorNames(second)).toEqual(['Zulu 47', 'Zulu 48', 'Zulu 49', 'Zulu 50', 'Zulu 51'])
    // A page past the end shows the last page; nonsense in the URL falls back to the defaults.
    expect(vendorNames(await get('/app/vendors?page=99'))).toEqual(vendorNames(second))
    const nonsense = await client.get('/app/vendors?sort=drop%20table&dir=sideways&status=x&page=-3')
    expect(nonsense.status).toBe(200)
    expect(vendorNames(await nonsense.text())).toEqual(vendorNames(first))
  })
})
