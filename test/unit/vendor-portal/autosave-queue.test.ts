import { describe, expect, test } from 'vitest'
import { AutosaveQueue, type SaveReply } from '#app/vendor-portal/autosave-queue.ts'

/** A fake server: records sends and answers each when the test says so. */
function fakeServer() {
  const sent: Array<{
    questionId: string
    value: unknown
    baseVersion: number
    reply: (r: SaveReply | 'network') => void
  }> = []
  const send = (questionId: string, value: unknown, baseVersion: number) =>
    new Promise<SaveReply>((resolve, reject) => {
      sent.push({
        questionId,
        value,
        baseVersion,
        reply: (r) => (r === 'network' ? reject(new TypeError('Failed to fetch')) : resolve(r)),
      })
    })
  return { sent, send }
}

function fakeClock() {
  let now = 0
  const timers: Array<{ at: number; fn: () => void }> = []
  return {
    timers: {
      setTimeout: (fn: () => void, ms: number) => {
        const timer = { at: now + ms, fn }
        timers.push(timer)
        return timer
      },
      clearTimeout: (handle: unknown) => {
        const i = timers.indexOf(handle as (typeof timers)[number])
        if (i >= 0) timers.splice(i, 1)
      },
    },
    now: () => now,
    advance(ms: number) {
      now += ms
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1)
        timer.fn()
      }
    },
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the autosave queue', () => {
  test('saves with the version it knows, then with the version the server returned', async () => {
    const server = fakeServer()
    const queue = new AutosaveQueue(server.send)
    queue.know('company.legalName', 'Old Ltd', 3)
    queue.save('company.legalName', 'New Ltd')
    expect(server.sent[0]).toMatchObject({ questionId: 'company.legalName', value: 'New Ltd', baseVersion: 3 })
    expect(queue.state().unsaved).toBe(1)
    server.sent[0]!.reply({ kind: 'saved', version: 4 })
    await settle()
    expect(queue.state()).toMatchObject({ unsaved: 0, questions: { 'company.legalName': { status: 'saved' } } })
    queue.save('company.legalName', 'Newer Ltd')
    expect(server.sent[1]).toMatchObject({ value: 'Newer Ltd', baseVersion: 4 })
  })

  test('one save per question in flight; values typed meanwhile collapse to the latest', async () => {
    const server = fakeServer()
    const queue = new AutosaveQueue(server.send)
    queue.save('q', 'a')
    queue.save('q', 'ab')
    queue.save('q', 'abc')
    expect(server.sent.map((s) => s.value)).toEqual(['a'])
    server.sent[0]!.reply({ kind: 'saved', version: 1 })
    await settle()
    expect(server.sent.map((s) => s.value)).toEqual(['a', 'abc'])
    expect(server.sent[1]!.baseVersion).toBe(1)
  })

  test('nothing is sent when the value equals what the server holds', () => {
    const server = fakeServer()
    const queue = new AutosaveQueue(server.send)
    queue.know('q', ['IN'], 2)
    queue.save('q', ['IN'])
    expect(server.sent).toEqual([])
    // "none" (null) is an answer, different from "not answered" (undefined).
    queue.know('owner', undefined, 0)
    queue.save('owner', null)
    expect(server.sent.map((s) => s.value)).toEqual([null])
  })

  test('a conflict keeps both values until the person chooses; "keep mine" saves over the newer version', async () => {
    const server = fakeServer()
    const queue = new AutosaveQueue(server.send)
    queue.know('q', 'mine-before', 1)
    queue.save('q', 'mine')
    server.sent[0]!.reply({ kind: 'conflict', currentValue: 'theirs', currentVersion: 2 })
    await settle()
    expect(queue.state().questions.q).toEqual({ status: 'conflict', mine: 'mine', theirs: 'theirs', theirVersion: 2 })
    expect(queue.state().unsaved).toBe(1)
    queue.resolve('q', 'mine')
    expect(server.sent[1]).toMatchObject({ value: 'mine', baseVersion: 2 })
  })

  test('"use theirs" sends nothing and counts as saved', async () => {
    const server = fakeServer()
    const queue = new AutosaveQueue(server.send)
    queue.save('q', 'mine')
    server.sent[0]!.reply({ kind: 'conflict', currentValue: 'theirs', currentVersion: 5 })
    await settle()
    queue.resolve('q', 'theirs')
    expect(server.sent).toHaveLength(1)
    expect(queue.state()).toMatchObject({ unsaved: 0, questions: { q: { status: 'saved' } } })
    queue.save('q', 'later')
    expect(server.sent[1]).toMatchObject({ baseVersion: 5 })
  })

  test('when the network drops, values stay queued and are retried with backoff and when back online', async () => {
    const server = fakeServer()
    const clock = fakeClock()
    const queue = new AutosaveQueue(server.send, clock.timers, clock.now)
    queue.save('q', 'typed offline')
    server.sent[0]!.reply('network')
    await settle()
    expect(queue.state()).toMatchObject({ offline: true, unsaved: 1, retryInSeconds: 1 })
    queue.save('q', 'typed offline, more')
    expect(server.sent).toHaveLength(1)
    clock.advance(1000)
    expect(server.sent.map((s) => s.value)).toEqual(['typed offline', 'typed offline, more'])
    server.sent[1]!.reply({ kind: 'unavailable' })
    await settle()
    expect(queue.state().retryInSeconds).toBe(2)
    queue.online()
    expect(server.sent).toHaveLength(3)
    server.sent[2]!.reply({ kind: 'saved', version: 1 })
    await settle()
    expect(queue.state()).toMatchObject({ offline: false, unsaved: 0 })
  })

  test('leaving the page sends what waits at once, even while backing off after a failure', async () => {
    const server = fakeServer()
    const clock = fakeClock()
    const queue = new AutosaveQueue(server.send, clock.timers, clock.now)
    queue.save('q', 'first try')
    server.sent[0]!.reply('network')
    await settle()
    queue.save('q', 'typed while offline')
    expect(queue.state()).toMatchObject({ offline: true, retryInSeconds: 1 })
    expect(server.sent).toHaveLength(1)
    // pagehide: no waiting for the backoff timer, the send starts inside the handler.
    queue.flush()
    expect(server.sent.map((s) => s.value)).toEqual(['first try', 'typed while offline'])
    expect(queue.state()).toMatchObject({ offline: false, retryInSeconds: null })
    clock.advance(1000)
    expect(server.sent).toHaveLength(2) // the backoff retry was cancelled, not added
  })

  test('flushing with nothing waiting sends nothing', () => {
    const server = fakeServer()
    const queue = new AutosaveQueue(server.send)
    queue.know('q', 'stored', 1)
    queue.save('q', 'stored')
    queue.flush()
    expect(server.sent).toHaveLength(0)
  })

  test('an ended session stops saving and keeps the value as unsaved', async () => {
    const server = fakeServer()
    const queue = new AutosaveQueue(server.send)
    queue.save('q', 'x')
    server.sent[0]!.reply({ kind: 'session-ended' })
    await settle()
    queue.save('r', 'y')
    expect(server.sent).toHaveLength(1)
    expect(queue.state()).toMatchObject({ blocked: 'session-ended', unsaved: 1 })
  })

  test('a field being typed in counts as unsaved until it is handed over', () => {
    const server = fakeServer()
    const queue = new AutosaveQueue(server.send)
    queue.edit('q')
    expect(queue.state().unsaved).toBe(1)
    queue.discard('q')
    expect(queue.state().unsaved).toBe(0)
    queue.edit('q')
    queue.save('q', 'v')
    expect(queue.state().unsaved).toBe(1)
    expect(server.sent).toHaveLength(1)
  })
})
