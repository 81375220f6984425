import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import type { Question } from '#app/questionnaire/definition.ts'
import { coreQuestionnaire } from '#questionnaires/index.ts'
import { seriousAccessibilityViolations } from '#test/support/axe.ts'
import { launchChromium, SCREENSHOT_DIR } from '#test/support/chromium.ts'
import { setUpE2eEnvironment } from '#test/support/e2e-environment.ts'
import { pdfBytes } from '#test/support/evidence-files.ts'
import { inviteThroughApp, storedAnswers } from '#test/support/invite-through-app.ts'

const env = setUpE2eEnvironment()

const questions = new Map<string, Question>(
  coreQuestionnaire.sections.flatMap((s) => s.questions).map((q) => [q.id, q]),
)
const q = (page: Page, id: string) => page.locator(`[id="q-${id}"]`)

/** Answers one visible question through the page, the way a person would. Returns the stored value. */
async function answer(page: Page, question: Question): Promise<unknown> {
  const box = q(page, question.id)
  switch (question.type) {
    case 'text':
      await page.locator(`[id="${question.id}"]`).fill('Documented in our data-handling policy, version 3.')
      return 'Documented in our data-handling policy, version 3.'
    case 'integer': {
      const value = Math.max(question.min ?? 1, 1)
      await page.locator(`[id="${question.id}"]`).fill(String(value))
      return value
    }
    case 'date':
      await page.locator(`[id="${question.id}"]`).fill('2026-01-15')
      return '2026-01-15'
    case 'country': {
      // The picker needs JavaScript; without it a native select is there instead.
      const select = page.locator(`[id="${question.id}-select"]`)
      if (await select.isVisible()) await select.selectOption('IN')
      else {
        await page.locator(`[id="${question.id}"]`).fill('India')
        await page.keyboard.press('Enter')
      }
      return 'IN'
    }
    case 'country-list':
      // The picker needs JavaScript; without it the full list is there to tick.
      if (await box.locator('.country-checklist').isVisible()) await box.getByLabel('India', { exact: true }).check()
      else {
        await page.locator(`[id="${question.id}"]`).fill('Ind')
        await page.keyboard.press('Enter')
        await box.getByRole('button', { name: 'Remove India' }).waitFor()
      }
      return ['IN']
    case 'yes-no':
      await box.locator('input[value="true"]').check()
      return true
    case 'single-choice':
      await box.locator(`input[value="${question.choices[0]!.value}"]`).check()
      return question.choices[0]!.value
    case 'multiple-choice':
      await box.locator(`input[value="${question.choices[0]!.value}"]`).check()
      return [question.choices[0]!.value]
    case 'certification-list': {
      const row = box.locator('.cert-row').first()
      await row.getByLabel('Certificate or report').selectOption('iso27001')
      await row.getByLabel('Edition').selectOption('2022')
      await row.getByLabel(/^Issued/).fill('2025-03-01')
      await row.getByLabel('Expires').fill('2028-02-28')
      return [{ type: 'iso27001', edition: '2022', issued: '2025-03-01', expires: '2028-02-28' }]
    }
    case 'file':
      return undefined
  }
}

/**
 * Answers every section from the current one to the review page: what is visible, again when
 * answers reveal more, uploads the certificate PDF where asked, then "Save and continue". With
 * JavaScript, answers save in the background (the page says so); without, each section posts.
 */
async function answerEverySection(
  page: Page,
  expected: Record<string, unknown>,
  { javascript }: { javascript: boolean },
) {
  const saved = () =>
    javascript ? page.locator('.autosave-status', { hasText: 'All changes saved' }).waitFor() : Promise.resolve()
  let uploaded = false
  // The certificate's evidence: a real PDF, uploaded on the page. Without JavaScript the upload
  // reloads the page, so it comes before answering what is on it.
  const uploadCertificate = async () => {
    const file = path.join(os.tmpdir(), 'iso27001-certificate.pdf')
    writeFileSync(file, pdfBytes('ISO/IEC 27001:2022 certificate, Bengaluru Coding'))
    await saved()
    await page.locator('[id="file-certifications.evidence"]').setInputFiles(file)
    await q(page, 'certifications.evidence').getByRole('button', { name: 'Upload' }).click()
    if (!javascript) await page.waitForLoadState('load')
    await page.getByRole('link', { name: 'iso27001-certificate.pdf' }).waitFor()
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `20-vendor-certifications-uploaded${javascript ? '' : '-nojs'}.png`),
      fullPage: true,
    })
    return true
  }
  for (let guard = 0; guard < 30; guard++) {
    const heading = await page.locator('h1').textContent()
    // Every form page, as the vendor first sees it, passes axe-core (no serious or critical issue).
    if (javascript) expect(await seriousAccessibilityViolations(page), heading ?? '').toEqual([])
    if (heading === 'Review and submit') break
    if (!javascript && !uploaded && (await q(page, 'certifications.evidence').count()))
      uploaded = await uploadCertificate()
    const answeredHere = new Set<string>()
    for (let round = 0; round < (javascript ? 4 : 1); round++) {
      const ids = (await page.locator('[id^="q-"]').evaluateAll((els) => els.map((el) => el.id.slice(2)))).filter(
        (id) => !answeredHere.has(id),
      )
      if (ids.length === 0) break
      for (const id of ids) {
        answeredHere.add(id)
        const question = questions.get(id)!
        if (id === 'storage.usesSubprocessors' && javascript) {
          expected[id] = true
          continue
        }
        const value = await answer(page, question)
        if (value !== undefined) expected[id] = value
      }
    }
    if (answeredHere.has('certifications.evidence') && !uploaded) uploaded = await uploadCertificate()
    await saved()
    if (javascript) {
      await page.getByRole('button', { name: 'Save and continue' }).click()
      // An upload box that appeared (left empty here) is pointed at once; the second press goes on.
      const moved = page.waitForFunction((previous) => document.querySelector('h1')?.textContent !== previous, heading)
      const pointed = page.locator('.follow-ups').waitFor()
      const first = await Promise.race([
        moved.then(() => 'moved'),
        pointed.then(
          () => 'pointed',
          () => 'none',
        ),
      ])
      if (first === 'pointed') {
        await page.getByRole('button', { name: 'Save and continue' }).click()
        await moved
      }
      // The next page is there when its heading is (the address changes a moment before).
      await moved
    } else {
      // A plain POST; the server stays on the section when an answer revealed a follow-up.
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save and continue' }).click()])
    }
  }
  return uploaded
}

test('a vendor answers every section from the emailed link, uploads a certificate, reloads, switches to Spanish and submits', async () => {
  const { server, smtp, browser } = env
  const { page } = browser
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })

  // The buyer invites the vendor (an Indian vendor: emails in English); the browser follows the link.
  const { link, invitationId } = await inviteThroughApp({ server, smtp }, { contactEmail: 'priya@coding.example' })

  await page.goto(link)
  await page.waitForURL(`${server.baseUrl}/v`)
  await page.getByRole('heading', { name: 'Medical coding' }).waitFor()
  await page.getByRole('link', { name: 'Start' }).click()

  // The first section by keyboard alone: type, Tab between fields, arrows in radio groups, Enter.
  await page.getByRole('heading', { name: 'Company and ownership' }).waitFor()
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await page.locator('[id="company.legalName"]').focus()
  await page.keyboard.type('Bengaluru Coding Private Limited')
  for (const _country of ['company.hqCountry', 'company.incorporationCountry', 'company.majorityOwnerCountry']) {
    await page.keyboard.press('Tab') // the country picker's search box
    await page.keyboard.type('Indi') // India is the best match, highlighted; leaving the box takes it
  }
  await page.keyboard.press('Tab')
  await page.keyboard.type('Raman family, India, 100 %')
  await page.keyboard.press('Tab') // into the ownership radio group
  await page.keyboard.press('ArrowDown') // "No" (the second choice)
  await page.keyboard.press('Tab') // into the sanctions yes/no group
  await page.keyboard.press('Space') // "Yes"
  await page.locator('.autosave-status', { hasText: 'All changes saved' }).waitFor()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter') // "Save and continue"
  await page.getByRole('heading', { name: 'Where data is stored' }).waitFor()
  const expected: Record<string, unknown> = {
    'company.legalName': 'Bengaluru Coding Private Limited',
    'company.hqCountry': 'IN',
    'company.incorporationCountry': 'IN',
    'company.majorityOwnerCountry': 'IN',
    'company.ownershipDetails': 'Raman family, India, 100 %',
    'company.countryOfConcernOwnership': 'no',
    'company.sanctionsScreening': true,
  }

  // Storage: a follow-up question appears when its trigger is answered.
  expect(await q(page, 'storage.subprocessorList').count()).toBe(0)
  await q(page, 'storage.usesSubprocessors').locator('input[value="true"]').check()
  await q(page, 'storage.subprocessorList').waitFor()
  expect(await seriousAccessibilityViolations(page)).toEqual([])

  const uploaded = await answerEverySection(page, expected, { javascript: true })
  expect(uploaded).toBe(true)
  await page.getByRole('heading', { name: 'Review and submit' }).waitFor()
  expect(await page.locator('main').textContent()).toContain('Every required question is answered')

  // The review page shows every answer, section by section, each with a link to edit it.
  const review = page.getByRole('region', { name: 'Your answers' })
  for (const section of ['Company and ownership', 'Where data is stored', 'Certifications']) {
    const part = review.getByRole('region', { name: section })
    await part.getByRole('link', { name: `Edit ${section}` }).waitFor()
  }
  const company = review.getByRole('region', { name: 'Company and ownership' })
  expect(await company.textContent()).toContain('Bengaluru Coding Private Limited')
  expect(await company.textContent()).toContain('India')
  // Only optional questions may say "Not answered" (the destruction sample was not uploaded).
  expect(await review.locator('dd.missing').count()).toBe(0)
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, '48-vendor-review-answers.png'), fullPage: true })
  await company.getByRole('link', { name: 'Edit Company and ownership' }).click()
  await page.getByRole('heading', { name: 'Company and ownership' }).waitFor()
  await page.goBack()
  await page.getByRole('heading', { name: 'Review and submit' }).waitFor()

  // Every answer is stored as typed, language-independent.
  const stored = await storedAnswers(invitationId)
  for (const [id, value] of Object.entries(expected)) expect(stored.get(id)?.value, id).toEqual(value)

  // A reload keeps every answer on the page.
  await page.goto(`${server.baseUrl}/v/section/storage`)
  await page.reload()
  await q(page, 'storage.primaryCountries').getByRole('button', { name: 'Remove India' }).waitFor()
  expect(await q(page, 'storage.usesSubprocessors').locator('input[value="true"]').isChecked()).toBe(true)
  expect(await page.locator('[id="storage.subprocessorList"]').inputValue()).toBe(expected['storage.subprocessorList'])

  // In Spanish: the form and its questions change language; the answers stay.
  await page.getByRole('button', { name: 'Español' }).click()
  await page.locator('html[lang="es"]').waitFor()
  const spanishTitle = coreQuestionnaire.sections.find((s) => s.id === 'storage')!.title.es!
  await page.getByRole('heading', { name: spanishTitle }).waitFor()
  await page.getByText(questions.get('storage.usesSubprocessors')!.prompt.es!).waitFor()
  await q(page, 'storage.primaryCountries').getByRole('button', { name: 'Quitar India' }).waitFor()
  expect(await page.locator('[id="storage.subprocessorList"]').inputValue()).toBe(expected['storage.subprocessorList'])
  expect(await seriousAccessibilityViolations(page)).toEqual([])
  await shot('21-vendor-storage-spanish')

  // Submit, in Spanish.
  await page.getByRole('link', { name: '← Todas las secciones' }).click()
  await page.getByRole('link', { name: 'Revisar y enviar' }).click()
  await page.getByRole('button', { name: 'Enviar respuestas' }).click()
  await page.getByRole('heading', { name: 'Gracias: sus respuestas fueron enviadas' }).waitFor()
  await page.getByText('Enviamos a priya@coding.example una confirmación con un PDF de sus respuestas.').waitFor()
  await shot('22-vendor-submitted')

  // The vendor's confirmation, in its language, with a PDF of every answer it submitted.
  const copy = await smtp.waitForEmail('priya@coding.example', 60_000, (m) => m.attachments.length > 0)
  expect(copy.subject).toBe('Sus respuestas para Medical coding se enviaron a Lakeside Hospital')
  const [pdf] = copy.attachments
  expect(pdf?.contentType).toBe('application/pdf')
  const pdfFile = path.join(os.tmpdir(), 'vendor-answers.pdf')
  writeFileSync(pdfFile, pdf!.content)
  const pdfText = execFileSync('pdftotext', [pdfFile, '-']).toString().replace(/\s+/g, ' ')
  expect(pdfText).toContain('Sus respuestas enviadas')
  expect(pdfText).toContain('Bengaluru Coding Private Limited')
  expect(pdfText).toContain(spanishTitle)
  expect(pdfText).toContain('iso27001-certificate.pdf')
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    pdfFile,
    path.join(SCREENSHOT_DIR, '49-vendor-answers-pdf'),
  ])
  const invitation = await getDb()
    .selectFrom('invitation')
    .select(['status', 'language'])
    .where('contact_email', '=', 'priya@coding.example')
    .executeTakeFirstOrThrow()
  expect(invitation).toEqual({ status: 'submitted', language: 'es' })
  expect(browser.pageErrors).toEqual([])
})

test('without JavaScript, a vendor completes and submits the questionnaire with plain form posts', async () => {
  const { server, smtp } = env
  const browser = await launchChromium({ javaScript: false })
  try {
    const { page } = browser
    const { link, invitationId } = await inviteThroughApp(
      { server, smtp },
      { buyerName: 'Harbor Bank', engagementName: 'Card operations', contactEmail: 'arjun@cards.example' },
    )
    await page.goto(link)
    await page.getByRole('link', { name: 'Start' }).click()
    await page.getByRole('heading', { name: 'Company and ownership' }).waitFor()
    const expected: Record<string, unknown> = {}
    expect(await answerEverySection(page, expected, { javascript: false })).toBe(true)
    await page.getByText('Every required question is answered').waitFor()
    const stored = await storedAnswers(invitationId)
    for (const [id, value] of Object.entries(expected)) expect(stored.get(id)?.value, id).toEqual(value)
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Submit answers' }).click()])
    await page.getByRole('heading', { name: 'Thank you: your answers are submitted' }).waitFor()
    expect(browser.pageErrors).toEqual([])
  } finally {
    await browser.close()
  }
})

test('two tabs: the stale one is shown both answers and chooses; offline changes wait and are saved when back online', async () => {
  const { server, smtp, browser } = env
  const { link, invitationId } = await inviteThroughApp({ server, smtp }, { contactEmail: 'tabs@coding.example' })
  const storedName = async () => JSON.stringify((await storedAnswers(invitationId)).get('company.legalName')?.value)
  // A new person at this browser: no language chosen by the earlier journey, no earlier session.
  await browser.context.clearCookies()
  const first = browser.page
  await first.goto(link)
  await first.goto(`${server.baseUrl}/v/section/company`)
  const second = await browser.context.newPage()
  await second.goto(`${server.baseUrl}/v/section/company`)

  // The first tab saves a name; the second, opened before, does not know it.
  await first.locator('[id="company.legalName"]').fill('Bengaluru Coding Pvt Ltd')
  await first.locator('.autosave-status', { hasText: 'All changes saved' }).waitFor()
  await second.locator('[id="company.legalName"]').fill('Bengaluru Coding Private Limited')
  const conflict = second.locator('[id="q-company.legalName"] .conflict')
  await conflict.waitFor()
  expect(await conflict.textContent()).toContain('Bengaluru Coding Pvt Ltd')
  expect(await conflict.textContent()).toContain('Bengaluru Coding Private Limited')
  expect(await storedName()).toBe(JSON.stringify('Bengaluru Coding Pvt Ltd'))
  await second.screenshot({ path: path.join(SCREENSHOT_DIR, '23-vendor-conflict.png'), fullPage: false })
  await conflict.getByRole('button', { name: 'Keep mine' }).click()
  await second.locator('.autosave-status', { hasText: 'All changes saved' }).waitFor()
  expect(await storedName()).toBe(JSON.stringify('Bengaluru Coding Private Limited'))

  // Offline: the change waits, the page says so, and it is saved once the network is back.
  await browser.context.setOffline(true)
  await second.locator('[id="company.ownershipDetails"]').fill('Raman family, India, 100 %')
  await second.locator('.autosave-status', { hasText: 'No connection' }).waitFor()
  await browser.context.setOffline(false)
  await second.locator('.autosave-status', { hasText: 'All changes saved' }).waitFor({ timeout: 15_000 })
  const ownership = (await storedAnswers(invitationId)).get('company.ownershipDetails')
  expect(JSON.stringify(ownership?.value)).toBe(JSON.stringify('Raman family, India, 100 %'))
  await second.close()
  // The failed fetch while offline is the browser's own console message, not the app's error.
  expect(browser.pageErrors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([])
})
