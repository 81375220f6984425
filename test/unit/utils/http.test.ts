import { describe, expect, test } from 'vitest'
import { safeRedirectPath } from '#app/utils/http.ts'

describe('safeRedirectPath', () => {
  test.each([
    ['/app/engagements', '/app/engagements'],
    ['/app/engagements?page=2&sort=score#top', '/app/engagements?page=2&sort=score#top'],
    ['/app/engagements/../team', '/app/team'],
  ])('keeps the in-app path %j', (to, expected) => {
    expect(safeRedirectPath(to)).toBe(expected)
  })

  test.each([
    ['//evil.test/phish'],
    ['/\\evil.test'],
    ['/\t/evil.test'],
    ['/\n/evil.test'],
    ['/\r\n/evil.test'],
    ['/app\u0000'],
    ['https://evil.test/'],
    ['javascript:alert(1)'],
    ['app/engagements'],
    [''],
  ])('refuses %j and falls back', (to) => {
    const result = safeRedirectPath(to, '/fallback')
    expect(result).toBe('/fallback')
  })

  test('whatever it returns resolves to this origin in a browser-like resolution', () => {
    for (const to of ['/\t/evil.test', '/ /evil.test', '/.//evil.test', '/\\/evil.test', '/app/./../..//evil.test']) {
      const result = safeRedirectPath(to, '/fallback')
      expect(new URL(result, 'https://shoreline.example').origin).toBe('https://shoreline.example')
    }
  })
})
