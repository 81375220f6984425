import { describe, expect, test } from 'vitest'
import { isCrossSiteRequest } from '#app/server/http.server.ts'

const own = ['https://shoreline.example.com']

describe('cross-site request check', () => {
  test.each([
    [{ origin: 'https://shoreline.example.com' }, false],
    [{ origin: 'https://evil.example' }, true],
    [{ origin: 'null' }, true],
    // A form POST from a no-referrer page (the vendor pages) carries Origin: null.
    [{ origin: 'null', secFetchSite: 'same-origin' }, false],
    [{ origin: 'null', secFetchSite: 'cross-site' }, true],
    [{ origin: 'null', secFetchSite: 'same-site' }, true],
    [{ secFetchSite: 'same-origin' }, false],
    [{ secFetchSite: 'none' }, false],
    [{ secFetchSite: 'cross-site' }, true],
    [{ secFetchSite: 'same-site' }, true],
    [{}, false],
  ])('%o → cross-site %s', (headers, expected) => {
    expect(isCrossSiteRequest(headers, own)).toBe(expected)
  })
})
