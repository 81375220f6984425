import { describe, expect, test } from 'vitest'
import { certificateStatus } from '#app/assessment/certificates.ts'
import { daysBetween } from '#app/assessment/dates.ts'
import { getDb } from '#app/db.server.ts'
import { recordLapsedAcceptances } from '#app/remediation/reminders.server.ts'
import { loadVendorReport } from '#app/reports/reports.server.ts'
import { sendCertificateNotices, sendDueReviewInvitations } from '#app/review/reviews.server.ts'
import { createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import {
  auditActions,
  countAssessments,
  currentAssessment,
  daysFromToday,
  hospitalWithVendor,
  pageText,
} from '#test/support/remediation-world.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'
import { linkIn } from '#test/support/smtp-server.ts'

const env = setUpServerWithSmtp()
const BAA = 'hipaa.baa-required'
const DAY = 86_400_000

const emailsTo = (to: string, kind: string) =>
  getDb()
    .selectFrom('outbound_email')
    .select(['kind', 'status', 'subject'])
    .where('to_address', '=', to)
    .where('kind', 'like', kind)
    .orderBy('created_at')
    .execute()

describe('risk acceptance', () => {
  test('accepted with a justification until a date: shown with the finding on the report; lapses the day after', async () => {
    const world = await hospitalWithVendor(env.server.baseUrl)
    const endsOn = daysFromToday(10)
    const accepted = await world.manager.post(`${world.vendorUrl}/remediation`, {
      intent: 'accept',
      ruleId: BAA,
      justification: 'BAA signed on paper; the countersigned copy is on its way.',
      endsOn,
    })
    expect(accepted.status).toBe(200)
    const report = pageText(await (await world.manager.get(world.vendorUrl)).text())
    expect(report).toContain(
      `Risk accepted Risk accepted until ${endsOn} by manager person: BAA signed on paper; the countersigned copy is on its way.`,
    )
    const scope = { organisationId: world.org.organisationId, engagementId: world.engagementId }
    const onTheDay = await loadVendorReport(getDb(), { ...scope, invitationId: world.invitationId, today: endsOn })
    expect(onTheDay.assessment?.findings.find((f) => f.ruleId === BAA)?.acceptance).toMatch(/^Risk accepted until/)
    // The day after its end date the finding counts again, on every page (decided by date when read)…
    const dayAfter = new Date(Date.parse(`${endsOn}T00:00:00Z`) + DAY).toISOString().slice(0, 10)
    const lapsed = await loadVendorReport(getDb(), { ...scope, invitationId: world.invitationId, today: dayAfter })
    expect(lapsed.assessment?.findings.find((f) => f.ruleId === BAA)?.acceptance).toBeUndefined()
    // …and the job records the lapse once, audited.
    expect(await recordLapsedAcceptances(getDb(), { now: new Date(`${endsOn}T23:00:00Z`) })).toBe(0)
    expect(await recordLapsedAcceptances(getDb(), { now: new Date(`${dayAfter}T01:00:00Z`) })).toBe(1)
    expect(await recordLapsedAcceptances(getDb(), { now: new Date(`${dayAfter}T02:00:00Z`) })).toBe(0)
    expect(await auditActions(world.engagementId)).toEqual(
      expect.arrayContaining(['risk.accepted', 'risk.acceptance-lapsed']),
    )
  })

  test('bad input changes nothing: an end date in the past, no justification, a finding that is not current, another organisation (404)', async () => {
    const world = await hospitalWithVendor(env.server.baseUrl)
    const url = `${world.vendorUrl}/remediation`
    const past = await world.manager.post(url, {
      intent: 'accept',
      ruleId: BAA,
      justification: 'x',
      endsOn: daysFromToday(-1),
    })
    expect(past.status).toBe(400)
    expect(await past.text()).toContain('The end date cannot be in the past')
    const empty = await world.manager.post(url, {
      intent: 'accept',
      ruleId: BAA,
      justification: ' ',
      endsOn: daysFromToday(5),
    })
    expect(empty.status).toBe(400)
    const notCurrent = await world.manager.post(url, {
      intent: 'accept',
      ruleId: 'hipaa.no-such-rule',
      justification: 'x',
      endsOn: daysFromToday(5),
    })
    expect(notCurrent.status).toBe(400)
    const other = await createOrganisation('Other Clinic')
    const otherAdmin = new BrowserClient(env.server.baseUrl)
    await logIn(otherAdmin, other)
    expect(
      (await otherAdmin.post(url, { intent: 'accept', ruleId: BAA, justification: 'x', endsOn: daysFromToday(5) }))
        .status,
    ).toBe(404)
    const rows = await getDb()
      .selectFrom('risk_acceptance')
      .select('id')
      .where('invitation_id', '=', world.invitationId)
      .execute()
    expect(rows).toEqual([])
  })
})

describe('recurring review', () => {
  test('at the due date the vendor is asked once to confirm or update its answers, pre-filled; the link works', async () => {
    const world = await hospitalWithVendor(env.server.baseUrl)
    // A US hospital sending PHI: HIPAA applies, so the tier is high and the cadence 12 months.
    const tab = pageText(await (await world.manager.get(`/app/engagements/${world.engagementId}/review`)).text())
    expect(tab).toContain('Inherent risk: High')
    expect(tab).toContain('HIPAA applies')
    expect(tab).toContain('every 12 months')
    const origin = env.server.baseUrl
    // The jobs act for every buyer, so this vendor's own emails are what the test reads.
    await sendDueReviewInvitations(getDb(), { origin, now: new Date(Date.now() + 335 * DAY) })
    expect(await emailsTo(world.contactEmail, 'review-due')).toEqual([])
    const aYearOn = new Date(Date.now() + 366 * DAY)
    await sendDueReviewInvitations(getDb(), { origin, now: aYearOn })
    await sendDueReviewInvitations(getDb(), { origin, now: new Date(aYearOn.getTime() + 3_600_000) })
    expect(await emailsTo(world.contactEmail, 'review-due')).toEqual([
      expect.objectContaining({ kind: 'review-due', status: 'sent' }),
    ])
    const email = await env.smtp.waitForEmail(world.contactEmail)
    expect(email.subject).toMatch(/^Mercy Hospital asks you to review your answers/)
    const vendor = new BrowserClient(env.server.baseUrl)
    expect((await vendor.get(new URL(linkIn(email.text, `${origin}/v/`)).pathname)).status).toBe(302)
    // Reopened with the last answers in place: the vendor's BAA answer is still there to confirm.
    const section = await (await vendor.get('/v/section/contract')).text()
    const baaNo = (section.match(/<input[^>]*name="contract\.baa"[^>]*>/g) ?? []).find((tag) =>
      tag.includes('value="false"'),
    )
    expect(baaNo).toContain('checked')
    expect(await auditActions(world.engagementId)).toContain('review.invited')
  })

  test('a manager sets the engagement’s own cadence (audited); a bad value is a 400 and changes nothing', async () => {
    const world = await hospitalWithVendor(env.server.baseUrl)
    const url = `/app/engagements/${world.engagementId}/review`
    expect((await world.manager.post(url, { months: 'soon' })).status).toBe(400)
    expect((await world.manager.post(url, { months: '0' })).status).toBe(400)
    expect((await world.manager.post(url, { months: '3' })).status).toBe(200)
    expect(pageText(await (await world.manager.get(url)).text())).toContain('every 3 months')
    expect(await auditActions(world.engagementId)).toContain('review.cadence-set')
  })
})

describe('certificate expiry', () => {
  test('60, 30 and 7 days before the end the vendor is emailed once each; the day after, it is re-assessed and managers see what changed', async () => {
    const cert = { type: 'iso27001', issued: daysFromToday(-30), expires: daysFromToday(400), edition: '2022' }
    const world = await hospitalWithVendor(env.server.baseUrl, { 'certifications.held': [cert] })
    // The last day it counts is the engine's (printed expiry or the standard's own period, whichever is first).
    const today = daysFromToday(0)
    const validUntil = certificateStatus(cert, today).validUntil!
    const left = daysBetween(today, validUntil)
    expect(left).toBeGreaterThan(60)
    const origin = env.server.baseUrl
    const at = (days: number) => new Date(Date.now() + days * DAY)
    const run = (days: number) => sendCertificateNotices(getDb(), { origin, now: at(days) })
    // The jobs act for every buyer, so this vendor's own emails are what the test reads.
    const notices = async () => (await emailsTo(world.contactEmail, 'certificate-ending-%')).map((e) => e.kind)
    await run(left - 61)
    expect(await notices()).toEqual([])
    await run(left - 60)
    await run(left - 59)
    await run(left - 30)
    await run(left - 7)
    await run(left)
    expect(await notices()).toEqual(['certificate-ending-60', 'certificate-ending-30', 'certificate-ending-7'])
    expect((await env.smtp.waitForEmail(world.contactEmail)).subject).toBe(
      `Your ISO/IEC 27001 certificate ends on ${validUntil}`,
    )

    const before = await countAssessments(world.invitationId)
    await run(left + 1)
    await run(left + 2)
    expect(await countAssessments(world.invitationId)).toBe(before + 1)
    expect((await currentAssessment(world.invitationId)).as_of).toBe(
      at(left + 1)
        .toISOString()
        .slice(0, 10),
    )
    const told = await env.smtp.waitForEmail(world.managerEmail)
    expect(told.subject).toBe(`Pune Coding: ISO/IEC 27001 certificate ended on ${validUntil}; re-assessed`)
    expect(told.text).toContain('What changed:')
    expect(told.text).toContain(`/app/engagements/${world.engagementId}/vendors/${world.invitationId}/history`)
    expect(await auditActions(world.engagementId)).toEqual(
      expect.arrayContaining(['certificate.ending-notified', 'certificate.ended']),
    )
  })
})

describe('changed since your last visit', () => {
  test('a vendor re-assessed after a member’s last visit is marked on the dashboard; a first visit marks nothing', async () => {
    const world = await hospitalWithVendor(env.server.baseUrl)
    const dashboard = `/app/engagements/${world.engagementId}`
    expect(pageText(await (await world.manager.get(dashboard)).text())).not.toContain('Changed since your last visit')
    // The last visit was an hour ago (moved back in time, no sleeping); since then a request was answered.
    await getDb()
      .updateTable('engagement_visit')
      .set({ seen_at: new Date(Date.now() - 3_600_000).toISOString() })
      .where('engagement_id', '=', world.engagementId)
      .execute()
    await getDb()
      .updateTable('assessment')
      .set({ created_at: new Date(Date.now() - 7_200_000).toISOString() })
      .where('response_id', 'in', (eb) =>
        eb.selectFrom('response').select('id').where('invitation_id', '=', world.invitationId),
      )
      .execute()
    expect(pageText(await (await world.manager.get(dashboard)).text())).not.toContain('Changed since your last visit')
    const { assessResponse } = await import('#app/responses/assessments.server.ts')
    const response = await getDb()
      .selectFrom('response')
      .select('id')
      .where('invitation_id', '=', world.invitationId)
      .executeTakeFirstOrThrow()
    await assessResponse(getDb(), { responseId: response.id })
    // The next visit, half an hour after the last one, marks the vendor re-assessed in between.
    await getDb()
      .updateTable('engagement_visit')
      .set({ seen_at: new Date(Date.now() - 1_800_000).toISOString() })
      .where('engagement_id', '=', world.engagementId)
      .execute()
    const page = pageText(await (await world.manager.get(dashboard)).text())
    expect(page).toContain('Pune Coding (IN) Changed since your last visit')
    expect(page).toContain('1 vendor has changed since your last visit')
  })
})
