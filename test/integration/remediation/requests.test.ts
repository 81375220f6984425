import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { sendOverdueRemediationReminders } from '#app/remediation/reminders.server.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import {
  auditActions,
  countAssessments,
  currentAssessment,
  daysFromToday,
  hospitalWithVendor,
  itemsOf,
  pageText,
} from '#test/support/remediation-world.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'
import { linkIn } from '#test/support/smtp-server.ts'
import { createVendor } from '#test/support/vendors.ts'

const env = setUpServerWithSmtp()
const tmp = mkdtempSync(path.join(os.tmpdir(), 'remediation-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const BAA = 'hipaa.baa-required'
const TRANSIT = 'hipaa.encryption-in-transit'

/** Sends a request for the given findings as the manager would; returns the vendor's client, opened from the email. */
async function requestChanges(
  world: Awaited<ReturnType<typeof hospitalWithVendor>>,
  ruleIds: string[],
  dueOn = daysFromToday(14),
) {
  const form = new URLSearchParams({ dueOn, message: 'Please fix these before the committee meets.' })
  for (const id of ruleIds) form.append('ruleId', id)
  const response = await fetch(new URL(`${world.vendorUrl}/remediation/new`, env.server.baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: world.manager.cookieHeader(),
      origin: env.server.baseUrl,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: form.toString(),
  })
  return response
}

async function vendorFromEmail(contactEmail: string) {
  const email = await env.smtp.waitForEmail(contactEmail)
  const vendor = new BrowserClient(env.server.baseUrl)
  const link = new URL(linkIn(email.text, `${env.server.baseUrl}/v/`)).pathname
  expect((await vendor.get(link)).status).toBe(302)
  return { vendor, email }
}

async function pdfText(client: BrowserClient, url: string) {
  const response = await client.get(url)
  expect(response.status).toBe(200)
  const file = path.join(tmp, `${Math.random().toString(36).slice(2)}.pdf`)
  writeFileSync(file, Buffer.from(await response.arrayBuffer()))
  return execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ')
}

describe('a remediation request, from the manager to the vendor and back', () => {
  test('two findings requested; the vendor fixes one and disputes the other; the re-assessment resolves it and changes the verdict', async () => {
    const world = await hospitalWithVendor(env.server.baseUrl)
    const before = await currentAssessment(world.invitationId)
    expect(before.verdict).toBe('reject')

    // The form starts with the findings the stored suggestions clear ticked ("what would change
    // this", issue 14): the blocker (sign the BAA) and the medium finding that TLS 1.2 clears, which
    // the default of blockers and high findings alone would leave unticked.
    expect([...before.suggestionClears]).toEqual(expect.arrayContaining([BAA, TRANSIT]))
    const form = await world.manager.get(`${world.vendorUrl}/remediation/new`)
    expect(form.status).toBe(200)
    const formHtml = await form.text()
    const box = (value: string) => formHtml.match(new RegExp(`<input[^>]*value="${value}"[^>]*>`))?.[0] ?? ''
    for (const ruleId of before.ruleIds) {
      expect(box(ruleId), ruleId).toContain('value=')
      if (before.suggestionClears.has(ruleId)) expect(box(ruleId), ruleId).toContain('checked')
      else expect(box(ruleId), ruleId).not.toContain('checked')
    }

    const sent = await requestChanges(world, [BAA, TRANSIT])
    expect(sent.status).toBe(302)
    expect(sent.headers.get('location')).toBe(`${world.vendorUrl}/remediation?request=sent`)
    expect((await itemsOf(world.invitationId)).map((i) => [i.ruleId, i.state])).toEqual([
      [BAA, 'open'],
      [TRANSIT, 'open'],
    ])

    // The vendor's email (its country is India, so English) links to the requested changes.
    const { vendor, email } = await vendorFromEmail(world.contactEmail)
    expect(email.subject).toMatch(/^Mercy Hospital asks you to change 2 items by /)
    expect(email.text).toContain('Please fix these before the committee meets.')
    const home = pageText(await (await vendor.get('/v')).text())
    expect(home).toContain('The buyer asks you to change 2 items.')
    const [item1, item2] = await itemsOf(world.invitationId)
    const page = await vendor.get(`/v/requests/${item1!.requestId}`)
    expect(page.status).toBe(200)
    const pageHtml = await page.text()
    expect(pageHtml).toContain('has not agreed to a business associate agreement')
    expect(pageHtml).toContain('name="contract.baa"')
    expect(pageHtml).toContain('name="handling.encryptionInTransit"')

    const assessmentsBefore = await countAssessments(world.invitationId)
    const requestUrl = `/v/requests/${item1!.requestId}`
    // A dispute without a reason: refused, nothing changed.
    const noReason = await vendor.post(requestUrl, {
      'contract.baa': 'true',
      [`reply.${item2!.id}.kind`]: 'dispute',
      [`reply.${item2!.id}.reason`]: '   ',
    })
    expect(noReason.status).toBe(400)
    expect(await noReason.text()).toContain('Say why you dispute this finding.')
    // Answering a question the request does not ask: refused whole, nothing changed.
    const notAsked = await vendor.post(requestUrl, { 'contract.baa': 'true', 'company.legalName': 'Renamed Ltd' })
    expect(notAsked.status).toBe(400)
    expect(await countAssessments(world.invitationId)).toBe(assessmentsBefore)
    expect((await itemsOf(world.invitationId)).map((i) => i.state)).toEqual(['open', 'open'])

    // The fix and the dispute, sent together: re-assessed at once.
    const done = await vendor.post(requestUrl, {
      'contract.baa': 'true',
      [`reply.${item2!.id}.kind`]: 'dispute',
      [`reply.${item2!.id}.reason`]: 'Only a legacy endpoint that carries no PHI is unencrypted.',
    })
    expect(done.status).toBe(302)
    expect(await countAssessments(world.invitationId)).toBe(assessmentsBefore + 1)
    const after = await currentAssessment(world.invitationId)
    expect(after.verdict).not.toBe('reject')
    expect(after.ruleIds).not.toContain(BAA)
    expect(await itemsOf(world.invitationId)).toEqual([
      expect.objectContaining({ ruleId: BAA, state: 'resolved', replyKind: 'changed', requestStatus: 'open' }),
      expect.objectContaining({
        ruleId: TRANSIT,
        state: 'disputed',
        replyKind: 'dispute',
        replyText: 'Only a legacy endpoint that carries no PHI is unencrypted.',
      }),
    ])
    expect(await auditActions(world.engagementId)).toEqual(
      expect.arrayContaining(['remediation.requested', 'remediation.vendor-replied']),
    )
    const told = await env.smtp.waitForEmail(world.managerEmail)
    expect(told.subject).toBe('Pune Coding replied to your requested changes')

    // The manager sees both outcomes, the history's diff, and the PDF says the same.
    const remediation = pageText(await (await world.manager.get(`${world.vendorUrl}/remediation`)).text())
    expect(remediation).toContain('Resolved')
    expect(remediation).toContain('Disputed: Only a legacy endpoint that carries no PHI')
    const history = pageText(await (await world.manager.get(`${world.vendorUrl}/history`)).text())
    expect(history).toContain('Verdict: Reject →')
    expect(history).toContain('Resolved: The vendor has not agreed to a business associate agreement')
    // The model is the furthest the law allows (a ceiling), in the words every page uses.
    expect(history).toMatch(/Furthest allowed( unchanged)?: (Onshore|Nearshore|Offshore)/)
    expect(history).not.toMatch(/recommended model/i)
    // The answers that changed, before and after.
    expect(history).toContain('Will you sign a HIPAA business associate agreement (BAA) with us? No Yes')
    const pdf = await pdfText(world.manager, `${world.vendorUrl}/report.pdf`)
    expect(pdf).toContain('Requested changes')
    expect(pdf).toContain('Resolved')
    expect(pdf).toContain('Disputed: Only a legacy endpoint that carries no PHI is unencrypted.')
  }, 120_000)

  test('"will fix by" answers an item; open items past the due date become overdue and the vendor is reminded once a day', async () => {
    const world = await hospitalWithVendor(env.server.baseUrl)
    expect((await requestChanges(world, [BAA, TRANSIT], daysFromToday(3))).status).toBe(302)
    const { vendor } = await vendorFromEmail(world.contactEmail)
    const [item1, item2] = await itemsOf(world.invitationId)
    const fixBy = daysFromToday(30)
    const replied = await vendor.post(`/v/requests/${item1!.requestId}`, {
      [`reply.${item2!.id}.kind`]: 'will-fix',
      [`reply.${item2!.id}.fixBy`]: fixBy,
    })
    expect(replied.status).toBe(302)
    expect((await itemsOf(world.invitationId)).map((i) => [i.state, i.fixBy])).toEqual([
      ['open', null],
      ['answered', fixBy],
    ])

    const overdueDay = new Date(Date.now() + 5 * 86_400_000)
    const origin = env.server.baseUrl
    await sendOverdueRemediationReminders(getDb(), { origin, now: overdueDay })
    await sendOverdueRemediationReminders(getDb(), { origin, now: new Date(overdueDay.getTime() + 3_600_000) })
    expect((await itemsOf(world.invitationId)).map((i) => i.state)).toEqual(['overdue', 'answered'])
    const reminders = () =>
      getDb()
        .selectFrom('outbound_email')
        .select(['kind', 'status'])
        .where('to_address', '=', world.contactEmail)
        .where('kind', '=', 'remediation-overdue')
        .execute()
    expect(await reminders()).toEqual([{ kind: 'remediation-overdue', status: 'sent' }])
    const reminder = await env.smtp.waitForEmail(world.contactEmail)
    expect(reminder.subject).toMatch(/^Overdue: Mercy Hospital's requested changes were due /)
    await sendOverdueRemediationReminders(getDb(), { origin, now: new Date(overdueDay.getTime() + 86_400_000) })
    expect(await reminders()).toHaveLength(2)
    expect(await auditActions(world.engagementId)).toEqual(
      expect.arrayContaining(['remediation.overdue', 'remediation.reminded']),
    )
  })
})

describe('bad input changes nothing', () => {
  test('a due date in the past, no finding, a finding that is not current: 400 and no request, no email', async () => {
    const world = await hospitalWithVendor(env.server.baseUrl)
    const past = await requestChanges(world, [BAA], daysFromToday(-1))
    expect(past.status).toBe(400)
    expect(await past.text()).toContain('The due date cannot be in the past')
    expect((await requestChanges(world, [])).status).toBe(400)
    const unknown = await requestChanges(world, ['hipaa.no-such-rule'])
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('Not a finding of this vendor’s current assessment: hipaa.no-such-rule')
    expect(await itemsOf(world.invitationId)).toEqual([])
    expect(env.smtp.received.filter((m) => m.to.includes(world.contactEmail))).toEqual([])
  })

  test('a vendor that never submitted: 409 with the reason; another organisation’s vendor and request: 404', async () => {
    const world = await hospitalWithVendor(env.server.baseUrl)
    const { invitationId: drafting } = await createVendor(world.org.organisationId, world.engagementId, {
      company: 'Still Drafting',
      submit: false,
    })
    const url = `/app/engagements/${world.engagementId}/vendors/${drafting}/remediation/new`
    const refused = await world.manager.get(url)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('has not submitted its answers')
    const posted = await world.manager.post(url, { ruleId: BAA, dueOn: daysFromToday(7), message: '' })
    expect(posted.status).toBe(409)

    // Another organisation: its manager gets 404 for this vendor, and its vendor 404 for this request.
    const other = await createOrganisation('Other Bank')
    const otherAdmin = new BrowserClient(env.server.baseUrl)
    await logIn(otherAdmin, other)
    expect((await otherAdmin.get(`${world.vendorUrl}/remediation/new`)).status).toBe(404)
    expect(
      (await otherAdmin.post(`${world.vendorUrl}/remediation/new`, { ruleId: BAA, dueOn: daysFromToday(7) })).status,
    ).toBe(404)
    expect((await requestChanges(world, [BAA])).status).toBe(302)
    const [item] = await itemsOf(world.invitationId)
    const otherEngagement = await createEngagement(other.organisationId)
    const { invitationId: otherVendorId } = await createVendor(other.organisationId, otherEngagement, {
      company: 'Other Vendor',
    })
    const { openVendorSession } = await import('#test/support/route-world.ts')
    const otherVendor = await openVendorSession(env.server.baseUrl, otherVendorId)
    expect((await otherVendor.get(`/v/requests/${item!.requestId}`)).status).toBe(404)
    expect((await otherVendor.post(`/v/requests/${item!.requestId}`, { 'contract.baa': 'true' })).status).toBe(404)
    expect((await itemsOf(world.invitationId)).map((i) => i.state)).toEqual(['open'])
  })
})
