import { describe, expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import { sendDueReminders } from '#app/invitations/reminders.server.ts'
import { createEngagement, createOrganisation, logIn } from '#test/support/accounts.ts'
import { BrowserClient } from '#test/support/browser-client.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'
import { linkIn } from '#test/support/smtp-server.ts'

const env = setUpServerWithSmtp()

const DAY = 86_400_000

async function invite(dueDate: string, email: string) {
  const org = await createOrganisation('Harbor Bank')
  const engagementId = await createEngagement(org.organisationId, 'Core banking support', dueDate)
  const buyer = new BrowserClient(env.server.baseUrl)
  await logIn(buyer, org)
  await buyer.post(`/app/engagements/${engagementId}?index`, {
    intent: 'invite',
    vendorCompany: 'Nearshore Ops',
    vendorCountry: 'MX',
    contactName: 'Jorge Luna',
    contactEmail: email,
  })
  await env.smtp.waitForEmail(email)
  return email
}

// The vendor sits in Mexico, so its emails are in Spanish (the invitation's language follows the
// vendor's country until the vendor picks one).
function remindersTo(email: string) {
  return env.smtp.received.filter((m) => m.to.includes(email) && /^(Recordatorio|Vencido):/.test(m.subject))
}

/**
 * The reminders recorded for an address. Every send is recorded before it goes out and
 * sendDueReminders resolves only after each send has finished, so once it has resolved this is
 * the complete list: a test proves "nothing was sent" here, instead of waiting to see that
 * nothing arrives.
 */
function recordedRemindersTo(email: string) {
  return getDb()
    .selectFrom('outbound_email')
    .select(['kind', 'status'])
    .where('to_address', '=', email)
    .where('kind', 'like', 'vendor-reminder-%')
    .execute()
}

describe('reminders', () => {
  test('one "due soon" email a few days before the due date, with a working link; then none the same day', async () => {
    const now = new Date('2099-03-08T09:00:00Z')
    const email = await invite('2099-03-10', 'soon@vendor.example')
    await sendDueReminders(getDb(), { origin: env.server.baseUrl, now })
    await expect.poll(() => remindersTo(email).length).toBe(1)
    const reminder = remindersTo(email)[0]
    expect(reminder?.subject).toContain('vence el 2099-03-10')
    // The reminder's link opens the invitation (expiry is far in the future).
    const link = new URL(linkIn(reminder?.text ?? '', `${env.server.baseUrl}/v/`)).pathname
    expect((await new BrowserClient(env.server.baseUrl).get(link)).status).toBe(302)

    await sendDueReminders(getDb(), { origin: env.server.baseUrl, now: new Date(now.getTime() + 3_600_000) })
    await sendDueReminders(getDb(), { origin: env.server.baseUrl, now: new Date(now.getTime() + DAY) })
    expect(await recordedRemindersTo(email)).toEqual([{ kind: 'vendor-reminder-due-soon', status: 'sent' }])
  })

  test('overdue: at most one email a day', async () => {
    const email = await invite('2099-04-01', 'late@vendor.example')
    const day1 = new Date('2099-04-03T08:00:00Z')
    await sendDueReminders(getDb(), { origin: env.server.baseUrl, now: day1 })
    await sendDueReminders(getDb(), { origin: env.server.baseUrl, now: new Date(day1.getTime() + 6 * 3_600_000) })
    await expect.poll(() => remindersTo(email).length).toBe(1)
    expect(remindersTo(email)[0]?.subject).toContain('Vencido')
    await sendDueReminders(getDb(), { origin: env.server.baseUrl, now: new Date(day1.getTime() + DAY) })
    await expect.poll(() => remindersTo(email).length).toBe(2)
  })

  test('two runs at once (server scheduler and cron) send one email', async () => {
    const email = await invite('2099-05-01', 'race@vendor.example')
    const now = new Date('2099-04-29T10:00:00Z')
    const runs = await Promise.all([
      sendDueReminders(getDb(), { origin: env.server.baseUrl, now }),
      sendDueReminders(getDb(), { origin: env.server.baseUrl, now }),
    ])
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1])
    expect(await recordedRemindersTo(email)).toHaveLength(1)
    await expect.poll(() => remindersTo(email).length).toBe(1)
  })

  test('no reminder far from the due date, or for a revoked invitation', async () => {
    const email = await invite('2099-06-30', 'calm@vendor.example')
    const farAway = await sendDueReminders(getDb(), {
      origin: env.server.baseUrl,
      now: new Date('2099-06-01T10:00:00Z'),
    })
    expect(farAway.sent).toBe(0)
    const { id } = await getDb()
      .selectFrom('invitation')
      .select('id')
      .where('contact_email', '=', email)
      .executeTakeFirstOrThrow()
    await getDb().updateTable('invitation').set({ status: 'revoked' }).where('id', '=', id).execute()
    const afterRevocation = await sendDueReminders(getDb(), {
      origin: env.server.baseUrl,
      now: new Date('2099-07-02T10:00:00Z'),
    })
    expect(afterRevocation.sent).toBe(0)
    expect(await recordedRemindersTo(email)).toEqual([])
  })
})
