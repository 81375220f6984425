import path from 'node:path'
import { expect, test } from 'vitest'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { addVendor } from '#test/support/dashboard-vendors.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'

// The engagements list (vendor counts, due state) and the vendors page across engagements, in
// Chromium: reached from the navigation, filtered and sorted with the keyboard, no serious axe issue.

const env = setUpE2eEnvironment()

test('a buyer sees each engagement’s vendors at a glance, then finds one vendor across engagements with the keyboard', async () => {
  const { server, browser } = env
  const { page } = browser
  const org = await createOrganisation('Harbour Savings Bank')
  const overdue = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10)
  const callCentre = await createEngagement(org.organisationId, 'Call centre 2027', overdue)
  const collections = await createEngagement(org.organisationId, 'Collections 2027', null)
  const scope = { organisationId: org.organisationId, engagementId: callCentre }
  await addVendor(scope, { company: 'Isla Contact', assessment: { score: 80, verdict: 'approve' } })
  await addVendor(scope, { company: 'Manila Voice', assessment: { score: 20, verdict: 'reject' } })
  await addVendor(
    { organisationId: org.organisationId, engagementId: collections },
    { company: 'Cebu Desk', status: 'in-progress' },
  )

  await page.goto(`${server.baseUrl}/login`)
  await page.getByLabel('Email').fill(org.email)
  await page.getByLabel('Password').fill(org.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.waitForURL('**/app/engagements')

  const byStatus = page.getByRole('list', { name: 'Call centre 2027: vendors by status' })
  expect(await byStatus.textContent()).toContain('Submitted: 2')
  const byVerdict = page.getByRole('list', { name: 'Call centre 2027: vendors by verdict' })
  expect(await byVerdict.textContent()).toContain('Reject: 1')
  expect(await page.getByText('Overdue by 2 days').isVisible()).toBe(true)
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'engagements-list.png'), fullPage: true })

  // The navigation leads to every vendor; keyboard only from here.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Vendors' }).focus()
  await page.keyboard.press('Enter')
  await page.waitForURL('**/app/vendors')
  await page.getByRole('heading', { level: 1, name: 'Vendors' }).waitFor()
  const rows = page.locator('table.data tbody tr')
  await expect.poll(() => rows.count()).toBe(3)
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'vendors-across-engagements.png'), fullPage: true })

  await page.getByLabel('Verdict').selectOption('reject')
  await page.getByLabel('Vendor or engagement').focus()
  await page.keyboard.press('Enter')
  await page.waitForURL(/\/app\/vendors\?.*verdict=reject/)
  await expect.poll(() => rows.first().textContent()).toContain('Manila Voice')
  expect(await rows.count()).toBe(1)

  // Each row links to its vendor's page (a vendor still answering: this test's assessments are stubs).
  await page.getByRole('link', { name: 'Clear filters' }).focus()
  await page.keyboard.press('Enter')
  await page.waitForURL('**/app/vendors')
  await expect.poll(() => rows.count()).toBe(3)
  await page.getByRole('link', { name: 'Report on Cebu Desk (Collections 2027)' }).focus()
  await page.keyboard.press('Enter')
  await page.waitForURL(`**/app/engagements/${collections}/vendors/**`)
  await page
    .getByRole('heading', { name: /Cebu Desk/ })
    .first()
    .waitFor()
})
