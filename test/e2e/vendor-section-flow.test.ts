import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { launchChromium, SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'
import { exeBytes, pdfBytes } from '#test/support/evidence-files.ts'
import { inviteThroughApp, storedAnswers } from '#test/support/invite-through-app.ts'

const env = setUpE2eEnvironment()
const q = (page: Page, id: string) => page.locator(`[id="q-${id}"]`)
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false })

/** The section page once React runs (the country pickers' form fields exist only then). */
async function openHydrated(page: Page, url: string) {
  await page.goto(url)
  await page.locator('.country-picker[data-ready], .cert-rows button.secondary').first().waitFor()
}

function fileOn(name: string, bytes: Uint8Array) {
  const file = path.join(os.tmpdir(), name)
  writeFileSync(file, bytes)
  return file
}

/** True when the element is inside the window as it is scrolled now. */
const inViewport = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect()
    return box.top >= 0 && box.bottom <= window.innerHeight
  })

test('an answer typed just before a reload or a close is saved, after the browser asked', async () => {
  const { server, smtp, browser } = env
  const { link, invitationId } = await inviteThroughApp({ server, smtp }, { contactEmail: 'reload@coding.example' })
  const stored = async (id: string) => (await storedAnswers(invitationId)).get(id)?.value
  const page = browser.page
  await page.goto(link)
  await openHydrated(page, `${server.baseUrl}/v/section/company`)

  // Reload a moment after typing (before the pause that saves): the browser asks, the vendor leaves anyway.
  await page.locator('[id="company.legalName"]').click()
  await page.keyboard.type('Last Second Coding Ltd')
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type())
      void dialog.accept()
    }),
  )
  await page.reload()
  expect(await asked).toBe('beforeunload')
  await expect.poll(() => stored('company.legalName')).toBe('Last Second Coding Ltd')
  await page.reload()
  expect(await page.locator('[id="company.legalName"]').inputValue()).toBe('Last Second Coding Ltd')

  // Closing the tab the same way.
  const tab = await browser.context.newPage()
  await openHydrated(tab, `${server.baseUrl}/v/section/company`)
  await tab.locator('[id="company.ownershipDetails"]').click()
  await tab.keyboard.type('Raman family, 100 %')
  tab.once('dialog', (dialog) => void dialog.accept())
  await tab.close({ runBeforeUnload: true })
  await expect.poll(() => stored('company.ownershipDetails')).toBe('Raman family, 100 %')
  expect(browser.pageErrors).toEqual([])
})

test('the upload box sits among the questions, says why a file was refused right there, and a certificate row uploads its own file', async () => {
  const { server, smtp, browser } = env
  const { page } = browser
  const { link, invitationId } = await inviteThroughApp({ server, smtp }, { contactEmail: 'upload@coding.example' })
  await page.goto(link)
  await openHydrated(page, `${server.baseUrl}/v/section/certifications`)

  // A certificate row with its own file: uploaded in the background and chosen as the row's file.
  const row = q(page, 'certifications.held').locator('.cert-row').first()
  await row.getByLabel('Certificate or report').selectOption('iso27001')
  await row.getByLabel('Edition').selectOption('2022')
  await row.getByLabel(/^Issued/).fill('2025-03-01')
  await row.getByLabel(/^Upload its file/).setInputFiles(fileOn('iso-27001-2022.pdf', pdfBytes('ISO/IEC 27001')))
  await row.getByRole('button', { name: 'Upload', exact: true }).click()
  await row.getByText('“iso-27001-2022.pdf” is uploaded and attached to this certificate.').waitFor()
  expect(await row.getByLabel('Evidence file').locator('option:checked').textContent()).toBe('iso-27001-2022.pdf')
  await page.locator('.autosave-status', { hasText: 'All changes saved' }).waitFor()
  const held = (await storedAnswers(invitationId)).get('certifications.held')?.value as Array<{ evidenceId?: string }>
  expect(held[0]?.evidenceId).toMatch(/\w+/)
  await shot(page, '44-certificate-row-uploaded')

  // The section's upload box is above "Save and continue"; a refused file is explained in the box.
  const box = page.locator('[id="files-certifications.evidence"]')
  const boxTop = (await box.boundingBox())?.y ?? Number.POSITIVE_INFINITY
  const buttonTop = (await page.getByRole('button', { name: 'Save and continue' }).boundingBox())?.y ?? 0
  expect(boxTop).toBeLessThan(buttonTop)
  await page.locator('[id="file-certifications.evidence"]').setInputFiles(fileOn('setup.pdf', exeBytes()))
  await box.getByRole('button', { name: 'Upload' }).click()
  const refusal = box.locator('.field-error')
  await refusal.waitFor()
  expect(await refusal.textContent()).toMatch(/^The file was not uploaded: /)
  expect(await inViewport(page, '[id="files-certifications.evidence"] .field-error')).toBe(true)
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('file-certifications.evidence')
  expect(await page.locator('.form-error').count()).toBe(0) // nothing far away at the top
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await shot(page, '45-upload-refused-at-box')
  // The refusal is a 400 by design; the browser logs the status of every failed request.
  expect(browser.pageErrors.filter((e) => !/status of 400/.test(e))).toEqual([])
})

test('"Save and continue" stops once at follow-up questions that just appeared and points at them', async () => {
  const { server, smtp, browser } = env
  const { page } = browser
  const { link } = await inviteThroughApp({ server, smtp }, { contactEmail: 'followups@coding.example' })
  await page.goto(link)
  await openHydrated(page, `${server.baseUrl}/v/section/storage`)
  await q(page, 'storage.usesSubprocessors').locator('input[value="true"]').check()
  await q(page, 'storage.subprocessorList').waitFor()
  await page.locator('.autosave-status', { hasText: 'All changes saved' }).waitFor()
  const saveAndContinue = page.locator('button.primary', { hasText: 'Save and continue' })
  await saveAndContinue.click()

  const notice = page.locator('.follow-ups')
  await notice.waitFor()
  expect(await notice.textContent()).toContain('Your answers added 2 questions to this section')
  expect(await page.evaluate(() => document.activeElement?.classList.contains('follow-ups'))).toBe(true)
  expect(await notice.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
    '#q-access.subprocessorCountries',
    '#q-storage.subprocessorList',
  ])
  expect(await q(page, 'storage.subprocessorList').getByText('New', { exact: true }).count()).toBe(1)
  await page.getByRole('heading', { name: 'Where data is stored' }).waitFor()
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await shot(page, '46-follow-ups-pointed')

  // Pressed again, it goes on.
  await saveAndContinue.click()
  await page.getByRole('heading', { name: 'How data is handled' }).waitFor()
  expect(browser.pageErrors).toEqual([])
})

test('without JavaScript, a refused upload comes back at its box and revealed follow-ups are pointed at', async () => {
  const { server, smtp } = env
  const browser = await launchChromium({ javaScript: false })
  try {
    const { page } = browser
    const { link } = await inviteThroughApp({ server, smtp }, { contactEmail: 'nojs-flow@coding.example' })
    await page.goto(link)
    await page.goto(`${server.baseUrl}/v/section/storage`)
    await q(page, 'storage.usesSubprocessors').locator('input[value="true"]').check()
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save and continue' }).click()])
    expect(new URL(page.url()).hash).toBe('#q-access.subprocessorCountries')
    const notice = page.locator('.follow-ups')
    expect(await notice.textContent()).toContain('Your answers added 2 questions to this section')

    await page.goto(`${server.baseUrl}/v/section/destruction`)
    await q(page, 'destruction.certificateProvided').locator('input[value="true"]').check()
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save and continue' }).click()])
    await page.locator('[id="file-destruction.certificateSample"]').setInputFiles(fileOn('setup.pdf', exeBytes()))
    await Promise.all([
      page.waitForNavigation(),
      page.locator('[id="files-destruction.certificateSample"]').getByRole('button', { name: 'Upload' }).click(),
    ])
    expect(new URL(page.url()).hash).toBe('#files-destruction.certificateSample')
    await page.locator('[id="files-destruction.certificateSample"] .field-error').waitFor()
    expect(await inViewport(page, '[id="files-destruction.certificateSample"] .field-error')).toBe(true)
    await shot(page, '47-upload-refused-nojs')
  } finally {
    await browser.close()
  }
})
