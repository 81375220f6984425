import { afterEach, beforeEach, vi } from 'vitest'

// An unexpected console.error is a bug: fail the test that caused it. A test that expects one
// replaces the spy with its own (`vi.spyOn(console, 'error').mockImplementation(() => {})`).
let errorSpy: ReturnType<typeof vi.spyOn>

beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`Unexpected console.error: ${args.map(String).join(' ')}`)
  })
})

afterEach(() => {
  errorSpy.mockRestore()
})
