import { afterAll, beforeAll, expect, test } from 'vitest'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { startTestServer, type TestServer } from '#test/support/test-server.ts'

/**
 * Pages are rendered on the server, so their scripts only hydrate: the document asks for them at
 * low priority, after its stylesheets (issue 17, Lighthouse's first paint; README decision 90).
 */
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

function preloadsOf(html: string) {
  const links = html.match(/<link [^>]*>/g) ?? []
  return {
    scripts: links.filter((link) => link.includes('rel="modulepreload"')),
    stylesheets: links.filter((link) => link.includes('rel="stylesheet"')),
  }
}

function expectLowPriorityScripts(html: string) {
  const { scripts, stylesheets } = preloadsOf(html)
  expect(scripts.length).toBeGreaterThan(5)
  for (const link of scripts) expect(link).toContain('fetchpriority="low"')
  expect(stylesheets.length).toBeGreaterThan(0)
  for (const link of stylesheets) expect(link).not.toContain('fetchpriority')
}

test('public pages ask for their scripts at low priority and their stylesheets as before', async () => {
  for (const path of ['/', '/login']) {
    const response = await fetch(`${server.baseUrl}${path}`)
    expect(response.status).toBe(200)
    expectLowPriorityScripts(await response.text())
  }
})

test('the dashboard asks for its scripts at low priority, rendered afresh and from the render memo alike', async () => {
  const org = await createOrganisation('Script Priority Bank')
  const engagementId = await createEngagement(org.organisationId, 'Call centre 2027')
  const buyer = new BrowserClient(server.baseUrl)
  await logIn(buyer, org)
  // The first view is rendered, the second rendered and kept, the third served from the memo.
  const pages: string[] = []
  for (let view = 0; view < 3; view++) {
    const response = await buyer.get(`/app/engagements/${engagementId}`)
    expect(response.status).toBe(200)
    pages.push(await response.text())
  }
  for (const html of pages) expectLowPriorityScripts(html)
  // The same scripts, once each: nothing was lost or doubled on the way.
  const scripts = (html: string) => preloadsOf(html).scripts.map((link) => /href="([^"]+)"/.exec(link)?.[1])
  expect(scripts(pages[2] as string)).toEqual(scripts(pages[0] as string))
  expect(new Set(scripts(pages[0] as string)).size).toBe(scripts(pages[0] as string).length)
})
