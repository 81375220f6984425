import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { countVendorsOfEngagements } from '#app/engagements/queries.server.ts'
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

const DAY_MS = 86_400_000
const dateIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)

/** The page's text without tags or React's text separators, spaces collapsed. */
async function pageText(response: Response) {
  return (await response.text())
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
}

/** The text of the table row that names the engagement. */
function rowOf(html: string, name: string) {
  const start = html.indexOf(name)
  expect(start, `${name} is listed`).toBeGreaterThan(-1)
  const end = html.indexOf('</tr>', start)
  return html
    .slice(start, end)
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
}

describe('the engagements list', () => {
  test('each engagement shows its vendors by status and by verdict and where it stands against its due date', async () => {
    const org = await createOrganisation('Harbour Savings Bank')
    const callCentre = await createEngagement(org.organisationId, 'Call centre 2027', dateIn(10))
    const late = await createEngagement(org.organisationId, 'Collections 2026', dateIn(-3))
    await createEngagement(org.organisationId, 'Mailroom, undated', null)
    const scope = { organisationId: org.organisationId, engagementId: callCentre }
    await addVendor(scope, { company: 'Isla Contact', assessment: { score: 80, verdict: 'approve' } })
    await addVendor(scope, { company: 'Bahía Servicios', assessment: { score: 78, verdict: 'approve' } })
    await addVendor(scope, { company: 'Manila Voice', assessment: { score: 20, verdict: 'reject' } })
    await addVendor(scope, { company: 'Cebu Desk', status: 'in-progress' })
    await addVendor(scope, { company: 'Old Link Co', status: 'opened', expired: true })
    await addVendor({ organisationId: org.organisationId, engagementId: late }, { company: 'Late Co' })
    // Another organisation's vendors never count.
    const other = await createOrganisation('Other Bank')
    const theirs = await createEngagement(other.organisationId, 'Their engagement', null)
    await addVendor({ organisationId: other.organisationId, engagementId: theirs }, { company: 'Not ours' })

    const client = new BrowserClient(server.baseUrl)
    await logIn(client, org)
    const response = await client.get('/app/engagements')
    expect(response.status).toBe(200)
    const html = await response.text()

    const callCentreRow = rowOf(html, 'Call centre 2027')
    expect(callCentreRow).toContain('5 vendors')
    expect(callCentreRow).toContain('In progress: 1')
    expect(callCentreRow).toContain('Submitted: 3')
    expect(callCentreRow).toContain('Link expired: 1')
    expect(callCentreRow).toContain('Approve: 2')
    expect(callCentreRow).toContain('Reject: 1')
    expect(callCentreRow).toContain('Not assessed: 2')
    expect(callCentreRow).toContain('Due in 10 days')

    const lateRow = rowOf(html, 'Collections 2026')
    expect(lateRow).toContain('1 vendor ')
    expect(lateRow).toContain('Invited: 1')
    expect(lateRow).toContain('Overdue by 3 days')

    const undatedRow = rowOf(html, 'Mailroom, undated')
    expect(undatedRow).toContain('No vendors invited')
    expect(undatedRow).toContain('No due date')
    expect(html).not.toContain('Their engagement')
  })

  test('the counts come from one grouped query for every engagement, scoped to the organisation', async () => {
    const org = await createOrganisation()
    const first = await createEngagement(org.organisationId, 'First', null)
    const second = await createEngagement(org.organisationId, 'Second', null)
    await addVendor(
      { organisationId: org.organisationId, engagementId: first },
      { company: 'A', assessment: { score: 90, verdict: 'approve' } },
    )
    await addVendor({ organisationId: org.organisationId, engagementId: second }, { company: 'B', status: 'revoked' })
    await addVendor({ organisationId: org.organisationId, engagementId: second }, { company: 'C', status: 'revoked' })
    const rows = await countVendorsOfEngagements(getDb(), {
      organisationId: org.organisationId,
      now: new Date().toISOString(),
    })
    const sorted = rows
      .map((row) => ({ ...row, count: Number(row.count) }))
      .sort((a, b) => (a.engagementId === first ? -1 : 1) - (b.engagementId === first ? -1 : 1))
    expect(sorted).toEqual([
      { engagementId: first, status: 'submitted', verdict: 'approve', count: 1 },
      { engagementId: second, status: 'revoked', verdict: null, count: 2 },
    ])
  })

  test('an organisation without engagements sees how to start', async () => {
    const org = await createOrganisation()
    const client = new BrowserClient(server.baseUrl)
    await logIn(client, org)
    const text = await pageText(await client.get('/app/engagements'))
    expect(text).toContain('No engagements yet')
    expect(text).toContain('Create your first engagement')
  })
})
