import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { engagementRevision } from '#app/dashboard/dashboard-cache.server.ts'
import { getDb, migrateToLatest } from '#app/db.server.ts'
import { ResponseSubmittedError, saveAnswer } from '#app/responses/answers.server.ts'
import { findAnswer, findResponse } from '#app/responses/queries.server.ts'
import { newId } from '#app/utils/ids.ts'
import { createEngagement, createOrganisation } from '#test/support/accounts.ts'
import { createVendor } from '#test/support/vendors.ts'

// Vendors of one engagement save at the same time, each in its own transaction on PostgreSQL. A
// save must not wait for another vendor's transaction to commit (it did: every write moved the
// engagement's revision row at once and held its lock to the commit, so 50 vendors' saves queued
// one behind another), and a save that races the vendor's own submit must not land after it. Both
// ways a save runs there: one statement when the caller read the response (every autosave after
// the first, README decision 95) and a transaction when it did not (the first, which creates it).

let other: pg.Client
beforeAll(async () => {
  await migrateToLatest(getDb())
  other = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await other.connect()
})
afterAll(async () => {
  await other.end()
})

async function engagementWithTwoVendors() {
  const org = await createOrganisation()
  const engagementId = await createEngagement(org.organisationId)
  const vendor = async (company: string) => {
    const { invitationId } = await createVendor(org.organisationId, engagementId, { company, submit: false })
    await saveAnswer(getDb(), { invitationId, questionId: 'company.legalName', value: company, baseVersion: 0 })
    const response = await findResponse(getDb(), { invitationId })
    return { invitationId, responseId: response!.id }
  }
  return { engagementId, first: await vendor('First Vendor Ltd'), second: await vendor('Second Vendor Ltd') }
}

/**
 * Resolves once a session of this database waits for a lock another transaction holds; gives up
 * quietly (never resolves) once `stop` is aborted.
 */
async function someoneWaitsForALock(stop?: AbortSignal): Promise<void> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  try {
    while (!stop?.aborted) {
      const { rows } = await db.query(
        `select count(*)::int as waiting from pg_stat_activity
         where datname = current_database() and wait_event_type = 'Lock'`,
      )
      if (rows[0].waiting > 0) return
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  } finally {
    await db.end()
  }
  return new Promise<void>(() => {})
}

const paths = [
  { path: 'one statement', withResponse: true },
  { path: 'a transaction', withResponse: false },
]

describe.each(paths)('saves on PostgreSQL, in $path', ({ withResponse }) => {
  /** A save of the vendor's answer, by this path. */
  const save = (
    vendor: { invitationId: string; responseId: string },
    questionId: string,
    value: string,
    baseVersion: number,
  ) =>
    saveAnswer(getDb(), {
      invitationId: vendor.invitationId,
      responseId: withResponse ? vendor.responseId : undefined,
      questionId,
      value,
      baseVersion,
    })

  test("a vendor's save does not wait for another vendor's open transaction, and both move the revision", async () => {
    const { engagementId, first, second } = await engagementWithTwoVendors()
    const before = (await engagementRevision(getDb(), engagementId))!

    // The first vendor's write, not committed yet (as a save in the middle of its transaction).
    await other.query('begin')
    await other.query(
      `insert into answer (id, response_id, question_id, value_json, created_at, updated_at)
       values ($1, $2, 'company.website', '"https://first.example"', now()::text, now()::text)`,
      [newId(), first.responseId],
    )
    try {
      const saving = save(second, 'company.website', 'https://second.example', 0)
      const stop = new AbortController()
      const outcome = await Promise.race([
        saving.then(() => 'saved' as const),
        someoneWaitsForALock(stop.signal).then(() => 'waiting for the other transaction' as const),
      ]).finally(() => stop.abort())
      expect(outcome).toBe('saved')
      expect(await saving).toEqual({ status: 'saved', version: 1 })
      // Committed: a dashboard reading now must not be served from the revision before it.
      expect(await engagementRevision(getDb(), engagementId)).toBeGreaterThan(before)
      const afterSecond = (await engagementRevision(getDb(), engagementId))!
      await other.query('commit')
      expect(await engagementRevision(getDb(), engagementId)).toBeGreaterThan(afterSecond)
    } finally {
      await other.query('rollback').catch(() => {})
    }
  })

  test('a save racing the submit is refused, not written after the submission was assessed', async () => {
    const { first } = await engagementWithTwoVendors()

    // The submit's first write (status → submitted), not committed yet.
    await other.query('begin')
    await other.query(`update response set status = 'submitted' where id = $1 and status = 'draft'`, [first.responseId])
    // A new answer and a change to an existing one, both while the submit holds the response.
    const saving = save(first, 'company.website', 'https://late.example', 0)
    const change = save(first, 'company.legalName', 'Renamed Late Ltd', 1)
    const outcomeOf = (pending: Promise<unknown>) =>
      pending.then(
        () => 'saved',
        (error: unknown) => (error instanceof ResponseSubmittedError ? 'refused' : String(error)),
      )
    const refused = outcomeOf(saving)
    const changeRefused = outcomeOf(change)
    // The save reaches the response while the submit holds it, and waits for it to end.
    const stop = new AbortController()
    const outcome = await Promise.race([
      refused,
      someoneWaitsForALock(stop.signal).then(() => 'waits for the submit' as const),
    ]).finally(() => stop.abort())
    await other.query('commit')
    expect(outcome).toBe('waits for the submit')

    expect(await refused).toBe('refused')
    expect(await changeRefused).toBe('refused')
    expect(await findAnswer(getDb(), { responseId: first.responseId, questionId: 'company.website' })).toBeUndefined()
    expect(await findAnswer(getDb(), { responseId: first.responseId, questionId: 'company.legalName' })).toMatchObject({
      value_json: '"First Vendor Ltd"',
      version: 1,
    })
  })

  test("a save at a version someone else replaced writes nothing, not even the invitation's activity", async () => {
    const { first } = await engagementWithTwoVendors()
    const saveName = (value: string) => save(first, 'company.legalName', value, 1)
    expect(await saveName('Other Tab Ltd')).toEqual({ status: 'saved', version: 2 })
    const activity = async () =>
      (await other.query('select last_activity_at from invitation where id = $1', [first.invitationId])).rows[0]
        .last_activity_at
    const activityBefore = await activity()
    expect(await saveName('Stale Tab Ltd')).toEqual({
      status: 'conflict',
      currentValue: 'Other Tab Ltd',
      currentVersion: 2,
    })
    expect(await findAnswer(getDb(), { responseId: first.responseId, questionId: 'company.legalName' })).toMatchObject({
      value_json: '"Other Tab Ltd"',
      version: 2,
    })
    expect(await activity()).toBe(activityBefore)
  })

  test('a first answer to a question, inserted at version 1, moves the invitation to in progress', async () => {
    const { first } = await engagementWithTwoVendors()
    await other.query(`update invitation set status = 'opened' where id = $1`, [first.invitationId])
    expect(await save(first, 'company.website', 'https://first.example', 0)).toEqual({ status: 'saved', version: 1 })
    expect(await findAnswer(getDb(), { responseId: first.responseId, questionId: 'company.website' })).toMatchObject({
      value_json: '"https://first.example"',
      version: 1,
    })
    const { rows } = await other.query('select status from invitation where id = $1', [first.invitationId])
    expect(rows[0].status).toBe('in-progress')
  })
})
