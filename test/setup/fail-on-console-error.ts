import { afterEach, beforeEach, vi } from 'vitest'

// An unexpected console.error is a bug: the test that caused it fails, with the message. Errors are
// collected rather than thrown on the spot, because the server under test runs in this process and
// a throw inside its logging would only turn into an opaque 500. A test that expects an error
// replaces the spy with its own (`vi.spyOn(console, 'error').mockImplementation(() => {})`).
let logged: string[] = []

beforeEach(() => {
  logged = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' '))
  })
})

afterEach(() => {
  vi.restoreAllMocks()
  if (logged.length > 0) throw new Error(`Unexpected console.error:\n${logged.join('\n---\n')}`)
})
