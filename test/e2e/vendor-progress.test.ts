import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'
import { inviteThroughApp, storedAnswers } from '#test/support/invite-through-app.ts'

const env = setUpE2eEnvironment()

/** "N of M answered" beside a section on the vendor's list of sections. */
async function listCount(page: Page, sectionTitle: string) {
  await page.goto(`${env.server.baseUrl}/v`)
  const row = page.locator('.section-list li', { has: page.getByRole('link', { name: sectionTitle }) })
  return (await row.locator('span').textContent())?.trim()
}

/** The section's own counter, once the page runs in the browser (visibility and count are live). */
async function sectionCount(page: Page) {
  return (await page.locator('.section-progress').textContent())?.trim()
}

test("the vendor's list and the section's own counter say the same, before and after a follow-up appears", async () => {
  const { server, smtp, browser } = env
  const { page } = browser
  const { link, invitationId } = await inviteThroughApp({ server, smtp }, { contactEmail: 'counts@coding.example' })
  await page.goto(link)
  await page.waitForURL(`${server.baseUrl}/v`)

  const before = await listCount(page, 'Certifications')
  expect(before).toMatch(/^0 of \d+ answered$/)
  await page.getByRole('link', { name: 'Certifications' }).click()
  // Hydrated: the certificate editor offers its row buttons only when React runs.
  await page.getByRole('button', { name: /another certificate/i }).waitFor()
  expect(await sectionCount(page)).toBe(before)

  // A certificate reveals the scope question: the counter counts it, and so does the list.
  const row = page.locator('[id="q-certifications.held"] .cert-row').first()
  await row.getByLabel('Certificate or report').selectOption('iso27001')
  await row.getByLabel('Edition').selectOption('2022')
  await row.getByLabel(/^Issued/).fill('2025-03-01')
  await page.locator('[id="q-certifications.scopeCoversService"]').waitFor()
  await page.locator('.autosave-status', { hasText: 'All changes saved' }).waitFor()
  const after = await sectionCount(page)
  expect(after).not.toBe(before)
  expect(await listCount(page, 'Certifications')).toBe(after)

  // A vendor with no certificate says so ("Leave the list empty if you hold none" is not enough:
  // an untouched list is unanswered): the answer is [], counted on both pages.
  await page.getByRole('link', { name: 'Certifications' }).click()
  await page.getByRole('button', { name: /another certificate/i }).waitFor()
  await page.getByRole('button', { name: 'Remove this certificate' }).first().click()
  await page.getByLabel('We hold none of these certificates or reports').check()
  await page.locator('.autosave-status', { hasText: 'All changes saved' }).waitFor()
  expect((await storedAnswers(invitationId)).get('certifications.held')?.value).toEqual([])
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, '24-vendor-certifications-none-held.png'), fullPage: true })
  const none = await sectionCount(page)
  expect(none).toMatch(/^1 of \d+ answered$/)
  expect(await listCount(page, 'Certifications')).toBe(none)
  expect(browser.pageErrors).toEqual([])
})
