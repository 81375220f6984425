/**
 * The browser's queue of answer saves (plain TypeScript, no React, so it is unit-tested with a fake
 * server and clock). Each question keeps the version the server last confirmed; a save sends it as
 * `baseVersion`, so a stale tab gets a conflict instead of overwriting a colleague. Per question at
 * most one save is in flight; a newer value typed meanwhile waits and goes next (older unsent values
 * are dropped: only the latest matters). When the network or the server fails, values stay queued
 * and are retried with backoff (1, 2, 4 … 30 s) and as soon as the browser is back online.
 */

export type SaveReply =
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; currentValue: unknown; currentVersion: number }
  | { kind: 'invalid'; message: string }
  | { kind: 'session-ended' }
  | { kind: 'submitted' }
  | { kind: 'unavailable' }

type SendSave = (questionId: string, value: unknown, baseVersion: number) => Promise<SaveReply>

export type QuestionSaveState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'invalid'; message: string }
  | { status: 'conflict'; mine: unknown; theirs: unknown; theirVersion: number }
  | { status: 'waiting-for-network' }

export type QueueState = {
  questions: Record<string, QuestionSaveState>
  /** Values typed but not yet confirmed by the server (pending, in flight, waiting, in conflict). */
  unsaved: number
  offline: boolean
  retryInSeconds: number | null
  blocked: 'session-ended' | 'submitted' | null
}

type Timers = {
  setTimeout: (fn: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
}

const MAX_BACKOFF_MS = 30_000
/** Compares values; `undefined` (not answered) differs from `null` ("none", e.g. no majority owner). */
const key = (value: unknown) => JSON.stringify(value) ?? '\u2205'

export class AutosaveQueue {
  private versions = new Map<string, number>()
  private confirmed = new Map<string, string>()
  private waiting = new Map<string, unknown>()
  /** Questions being typed in: changed, not yet handed over (the form saves after a pause). */
  private editing = new Set<string>()
  private inFlight = new Set<string>()
  private states: Record<string, QuestionSaveState> = {}
  private offline = false
  private backoffMs = 0
  private retryHandle: unknown = null
  private retryAt: number | null = null
  private blocked: QueueState['blocked'] = null
  private listeners = new Set<() => void>()
  private snapshot: QueueState

  constructor(
    private readonly send: SendSave,
    private readonly timers: Timers = {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
    },
    private readonly now: () => number = () => Date.now(),
  ) {
    this.snapshot = this.computeState()
  }

  /** What the server holds for a question (from the page's loader), before any save. */
  know(questionId: string, value: unknown, version: number): void {
    if (this.inFlight.has(questionId) || this.waiting.has(questionId)) return
    this.versions.set(questionId, version)
    this.confirmed.set(questionId, key(value))
  }

  /** A question was just changed: counts as unsaved until `save` or `discard` (typing pauses). */
  edit(questionId: string): void {
    if (this.blocked || this.editing.has(questionId)) return
    this.editing.add(questionId)
    if (this.states[questionId]?.status !== 'conflict') this.states[questionId] = { status: 'pending' }
    this.changed()
  }

  /** The change will not be saved (the browser found the value invalid; the field says why). */
  discard(questionId: string): void {
    if (!this.editing.delete(questionId)) return
    if (
      this.states[questionId]?.status === 'pending' &&
      !this.waiting.has(questionId) &&
      !this.inFlight.has(questionId)
    )
      this.states[questionId] = { status: 'idle' }
    this.changed()
  }

  /** Queues the latest value of a question; nothing is sent when it equals what the server holds. */
  save(questionId: string, value: unknown): void {
    this.editing.delete(questionId)
    if (this.blocked) return
    const state = this.states[questionId]
    if (state?.status === 'conflict') {
      // Typing again while a conflict is open updates "mine"; the person still has to choose.
      this.states[questionId] = { ...state, mine: value }
      this.changed()
      return
    }
    if (!this.inFlight.has(questionId) && key(value) === this.confirmed.get(questionId)) {
      this.waiting.delete(questionId)
      if (state && state.status !== 'idle') this.states[questionId] = { status: 'saved' }
      this.changed()
      return
    }
    this.waiting.set(questionId, value)
    this.states[questionId] = { status: 'pending' }
    this.changed()
    this.pump()
  }

  /** After a conflict: keep my value (saved over theirs, knowingly) or take theirs. */
  resolve(questionId: string, choice: 'mine' | 'theirs'): void {
    const state = this.states[questionId]
    if (state?.status !== 'conflict') return
    this.versions.set(questionId, state.theirVersion)
    this.confirmed.set(questionId, key(state.theirs))
    this.states[questionId] = { status: 'saved' }
    if (choice === 'mine') this.save(questionId, state.mine)
    else this.changed()
  }

  /** The browser reports it is online again: retry now instead of waiting for the backoff. */
  online(): void {
    if (!this.offline) return
    this.clearRetry()
    this.offline = false
    this.changed()
    this.pump()
  }

  state(): QueueState {
    return this.snapshot
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * The page is going away (closed, reloaded, hidden): send every waiting value now, also while
   * backing off after a failure. Sends start synchronously, inside the `pagehide` or
   * `visibilitychange` handler, and the transport marks them `keepalive` so they outlive the page.
   * A page that stays (only hidden) gets the replies as usual; a failure goes back to waiting.
   */
  flush(): void {
    if (this.blocked || this.waiting.size === 0) return
    this.clearRetry()
    this.offline = false
    this.pump()
  }

  /** Resolves when nothing is waiting or in flight (conflicts and invalid values may remain). */
  async idle(): Promise<void> {
    while ((this.waiting.size > 0 && !this.offline && !this.blocked) || this.inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        const stop = this.subscribe(() => {
          stop()
          resolve()
        })
      })
    }
  }

  private pump(): void {
    if (this.offline || this.blocked) return
    for (const [questionId, value] of this.waiting) {
      if (this.inFlight.has(questionId)) continue
      this.waiting.delete(questionId)
      void this.sendOne(questionId, value)
    }
  }

  private async sendOne(questionId: string, value: unknown): Promise<void> {
    this.inFlight.add(questionId)
    this.states[questionId] = { status: 'saving' }
    this.changed()
    let reply: SaveReply
    try {
      reply = await this.send(questionId, value, this.versions.get(questionId) ?? 0)
    } catch {
      reply = { kind: 'unavailable' }
    }
    this.inFlight.delete(questionId)
    switch (reply.kind) {
      case 'saved':
        this.backoffMs = 0
        this.versions.set(questionId, reply.version)
        this.confirmed.set(questionId, key(value))
        this.states[questionId] = this.waiting.has(questionId) ? { status: 'pending' } : { status: 'saved' }
        break
      case 'conflict': {
        // A newer value typed meanwhile is "mine" too: the person chooses against the latest.
        const mine = this.waiting.has(questionId) ? this.waiting.get(questionId) : value
        this.waiting.delete(questionId)
        this.states[questionId] = {
          status: 'conflict',
          mine,
          theirs: reply.currentValue,
          theirVersion: reply.currentVersion,
        }
        break
      }
      case 'invalid':
        this.states[questionId] = this.waiting.has(questionId)
          ? { status: 'pending' }
          : { status: 'invalid', message: reply.message }
        break
      case 'session-ended':
      case 'submitted':
        this.blocked = reply.kind
        this.waiting.set(questionId, this.waiting.get(questionId) ?? value)
        this.states[questionId] = { status: 'pending' }
        break
      case 'unavailable':
        // Keep the value (unless a newer one is already waiting) and try again later.
        if (!this.waiting.has(questionId)) this.waiting.set(questionId, value)
        this.states[questionId] = { status: 'waiting-for-network' }
        this.goOffline()
        break
    }
    this.changed()
    this.pump()
  }

  private goOffline(): void {
    this.offline = true
    if (this.retryHandle !== null) return
    this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs ? this.backoffMs * 2 : 1000)
    this.retryAt = this.now() + this.backoffMs
    this.retryHandle = this.timers.setTimeout(() => {
      this.retryHandle = null
      this.retryAt = null
      this.offline = false
      this.changed()
      this.pump()
    }, this.backoffMs)
  }

  private clearRetry(): void {
    if (this.retryHandle !== null) this.timers.clearTimeout(this.retryHandle)
    this.retryHandle = null
    this.retryAt = null
  }

  private computeState(): QueueState {
    const conflicts = Object.values(this.states).filter((s) => s.status === 'conflict').length
    return {
      questions: { ...this.states },
      unsaved:
        this.waiting.size +
        this.inFlight.size +
        conflicts +
        [...this.editing].filter((id) => !this.waiting.has(id) && !this.inFlight.has(id)).length,
      offline: this.offline,
      retryInSeconds: this.retryAt === null ? null : Math.max(1, Math.ceil((this.retryAt - this.now()) / 1000)),
      blocked: this.blocked,
    }
  }

  private changed(): void {
    this.snapshot = this.computeState()
    for (const listener of [...this.listeners]) listener()
  }
}

/**
 * Browsers let `keepalive` requests outlive their page only up to 64 KiB in flight together; one
 * answer is far below that (the longest text answer is 2,000 characters), larger ones go without.
 */
const KEEPALIVE_MAX_BYTES = 16 * 1024

/**
 * The real transport: POST /v/answers with the vendor's session cookie. Marked `keepalive`, so a
 * save already sent when the vendor closes or reloads the page still reaches the server.
 */
export const sendSaveOverHttp: SendSave = async (questionId, value, baseVersion) => {
  const request = JSON.stringify(
    value === undefined ? { questionId, clear: true, baseVersion } : { questionId, value, baseVersion },
  )
  const response = await fetch('/v/answers', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: request,
    credentials: 'same-origin',
    keepalive: new TextEncoder().encode(request).byteLength <= KEEPALIVE_MAX_BYTES,
  })
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (response.status === 200) return { kind: 'saved', version: Number(body.version) }
  if (response.status === 409)
    return { kind: 'conflict', currentValue: body.currentValue, currentVersion: Number(body.currentVersion ?? 0) }
  if (response.status === 400 || response.status === 404)
    return { kind: 'invalid', message: String(body.error ?? 'Not saved.') }
  if (response.status === 401) return { kind: 'session-ended' }
  if (response.status === 423) return { kind: 'submitted' }
  return { kind: 'unavailable' }
}
