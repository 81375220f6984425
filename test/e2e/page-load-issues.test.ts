import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'
import { inviteThroughApp } from '#test/support/invite-through-app.ts'

/**
 * What Lighthouse's best-practices audit saw on the dashboard and the vendor report (issue 17,
 * README decision 90): loading a page logs no issue in Chromium's issues panel (zod's probe for
 * `new Function`, refused by the Content-Security-Policy, was logged as one).
 */
const env = setUpE2eEnvironment()

/** Hydrated: React has attached its handlers to the page's first form. */
function hydrated(page: Page) {
  return page.waitForFunction(() => {
    const form = document.querySelector('main form')
    return Boolean(form && Object.keys(form).some((key) => key.startsWith('__reactProps')))
  })
}

/** Loads `url` in a new tab, recording the issues Chromium logs. */
async function load(url: string) {
  const page = await env.browser.context.newPage()
  const cdp = await env.browser.context.newCDPSession(page)
  const issues: string[] = []
  cdp.on('Audits.issueAdded', ({ issue }) => issues.push(`${issue.code} ${JSON.stringify(issue.details)}`))
  await cdp.send('Audits.enable')
  await page.goto(url)
  await hydrated(page)
  // A CSP probe runs as the page's code first parses; give the page a moment past hydration.
  await page.waitForLoadState('networkidle')
  return { page, issues }
}

test('the dashboard and a vendor report hydrate and log no issue in Chromium', async () => {
  const { server, smtp, browser } = env
  const { org, engagementId, invitationId } = await inviteThroughApp(
    { server, smtp },
    { contactEmail: 'priority@vendor.example' },
  )
  const login = await browser.context.newPage()
  await login.goto(`${server.baseUrl}/login`)
  await hydrated(login)
  await login.getByLabel('Email').fill(org.email)
  await login.getByLabel('Password').fill(org.password)
  await login.getByRole('button', { name: 'Log in' }).click()
  await login.waitForURL('**/app/engagements')
  await login.close()

  for (const [name, url] of [
    ['dashboard', `${server.baseUrl}/app/engagements/${engagementId}`],
    ['vendor-report', `${server.baseUrl}/app/engagements/${engagementId}/vendors/${invitationId}`],
  ] as const) {
    const { page, issues } = await load(url)
    expect(issues, name).toEqual([])
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `95-${name}-no-issues.png`), fullPage: true })
    await page.close()
  }
  expect(browser.pageErrors).toEqual([])
})
