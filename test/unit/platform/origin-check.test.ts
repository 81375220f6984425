import { describe, expect, test } from 'vitest'
import { isCrossSiteRequest } from '#app/server/http.server.ts'

const own = ['https://shoreline.example.com']

describe('cross-site request check', () => {
  test.each([
    [{ origin: 'https://shoreline.example.com' }, false],
    [{ origin: 'https://evil.example' }, true],
    [{ origin: 'null' }, true],
    [{ secFetchSite: 'same-origin' }, false],
    [{ secFetchSite: 'none' }, false],
    [{ secFetchSite: 'cross-site' }, true],
    [{ secFetchSite: 'same-site' }, true],
    [{}, false],
  ])('%o → cross-site %s', (headers, expected) => {
    expect(isCrossSiteRequest(headers, own)).toBe(expected)
  })
})
