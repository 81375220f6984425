import { expect, test } from 'vitest'
import { getDb } from '#app/db.server.ts'
import type { BrowserClient } from '#test/support/browser-client.ts'
import { inviteThroughApp, storedAnswers } from '#test/support/invite-through-app.ts'
import { setUpServerWithSmtp } from '#test/support/server-with-smtp.ts'

const env = setUpServerWithSmtp()

async function vendorSession(contactEmail: string) {
  return (await inviteThroughApp(env, { contactEmail })).vendor
}

async function invitationOf(contactEmail: string) {
  return (
    await getDb()
      .selectFrom('invitation')
      .select('id')
      .where('contact_email', '=', contactEmail)
      .executeTakeFirstOrThrow()
  ).id
}

function autosave(vendor: BrowserClient, body: unknown) {
  return fetch(`${env.server.baseUrl}/v/answers`, {
    method: 'POST',
    headers: { cookie: vendor.cookieHeader(), origin: env.server.baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

test('autosave saves one answer with its version and reports bad values as 400', async () => {
  const vendor = await vendorSession('auto@vendor.example')
  const saved = await autosave(vendor, { questionId: 'incident.notificationHours', value: 24, baseVersion: 0 })
  expect(saved.status).toBe(200)
  expect(await saved.json()).toEqual({ status: 'saved', version: 1 })
  const bad = await autosave(vendor, { questionId: 'incident.notificationHours', value: -3, baseVersion: 1 })
  expect(bad.status).toBe(400)
  expect(((await bad.json()) as { error: string }).error).toContain('incident.notificationHours')
  expect((await autosave(vendor, { questionId: 'no.suchQuestion', value: 1, baseVersion: 0 })).status).toBe(404)
  expect(
    (
      await fetch(`${env.server.baseUrl}/v/answers`, {
        method: 'POST',
        headers: { origin: env.server.baseUrl, 'content-type': 'application/json' },
        body: '{}',
      })
    ).status,
  ).toBe(401)
})

test('a follow-up question can be saved once the answer that shows it is stored, and not after it is changed back', async () => {
  const vendor = await vendorSession('follow-up@vendor.example')
  const list = (baseVersion: number) =>
    autosave(vendor, { questionId: 'storage.subprocessorList', value: 'Hosting GmbH, Frankfurt', baseVersion })
  expect((await list(0)).status).toBe(404)
  const uses = await autosave(vendor, { questionId: 'storage.usesSubprocessors', value: true, baseVersion: 0 })
  expect(uses.status).toBe(200)
  expect((await list(0)).status).toBe(200)
  expect(
    (await autosave(vendor, { questionId: 'storage.usesSubprocessors', value: false, baseVersion: 1 })).status,
  ).toBe(200)
  expect((await list(1)).status).toBe(404)
})

test('200 racing save pairs over HTTP on the same answer never overwrite silently', async () => {
  const vendor = await vendorSession('race@vendor.example')
  const questionId = 'company.legalName'
  let version = 0
  for (let pair = 0; pair < 200; pair++) {
    const [a, b] = await Promise.all([
      autosave(vendor, { questionId, value: `tab A ${pair}`, baseVersion: version }),
      autosave(vendor, { questionId, value: `tab B ${pair}`, baseVersion: version }),
    ])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual([200, 409])
    const loser = (a.status === 409 ? await a.json() : await b.json()) as {
      currentValue: string
      currentVersion: number
    }
    const winner = a.status === 200 ? `tab A ${pair}` : `tab B ${pair}`
    expect(loser).toEqual({ status: 'conflict', currentValue: winner, currentVersion: version + 1 })
    version += 1
  }
  // The demo organisation's vendors have answers too: read this vendor's.
  expect((await storedAnswers(await invitationOf('race@vendor.example'))).get(questionId)?.version).toBe(200)
}, 120_000)
