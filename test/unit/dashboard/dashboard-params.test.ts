import { describe, expect, test } from 'vitest'
import { expiringCertificates, showingText } from '#app/dashboard/dashboard.ts'
import {
  DEFAULT_DIRECTION,
  dashboardSearch,
  parseDashboardParams,
  SORT_KEYS,
  sortBy,
} from '#app/dashboard/dashboard-params.ts'

const parse = (query: string) => parseDashboardParams(new URLSearchParams(query))

describe('dashboard URL params', () => {
  test('no params: best scores first, page 1, no filters, no problems', () => {
    expect(parse('')).toEqual({
      params: {
        sort: 'score',
        dir: 'desc',
        verdict: undefined,
        status: undefined,
        location: undefined,
        decision: undefined,
        q: undefined,
        page: 1,
      },
      problems: [],
    })
  })

  test('every whitelisted sort key is accepted, with its own default direction', () => {
    for (const key of SORT_KEYS) {
      const { params, problems } = parse(`sort=${key}`)
      expect(problems).toEqual([])
      expect(params.sort).toBe(key)
      expect(params.dir).toBe(DEFAULT_DIRECTION[key])
    }
  })

  test('filters, search and page are read; empty values mean "any"', () => {
    const { params, problems } = parse(
      'sort=vendor&dir=desc&verdict=reject&status=submitted&location=offshore&decision=none&q=%20Acme%20&page=3',
    )
    expect(problems).toEqual([])
    expect(params).toEqual({
      sort: 'vendor',
      dir: 'desc',
      verdict: 'reject',
      status: 'submitted',
      location: 'offshore',
      decision: 'none',
      q: 'Acme',
      page: 3,
    })
    expect(parse('verdict=&status=&location=&decision=&q=').params).toMatchObject({
      verdict: undefined,
      status: undefined,
      location: undefined,
      decision: undefined,
      q: undefined,
    })
  })

  test.each([
    ['sort=password_hash', 'sort', 'score', 'Sort "password_hash" is not valid'],
    ['sort=score;drop table invitation', 'sort', 'score', 'Sort "score;drop table invitation" is not valid'],
    ['dir=sideways', 'dir', 'desc', 'Direction "sideways" is not valid'],
    ['verdict=maybe', 'verdict', undefined, 'Verdict "maybe" is not valid'],
    ['status=lost', 'status', undefined, 'Status "lost" is not valid'],
    ['location=moon', 'location', undefined, 'Location "moon" is not valid'],
    ['decision=perhaps', 'decision', undefined, 'Decision "perhaps" is not valid'],
    ['page=0', 'page', 1, 'Page "0" is not valid'],
    ['page=-2', 'page', 1, 'Page "-2" is not valid'],
    ['page=abc', 'page', 1, 'Page "abc" is not valid'],
    ['page=1.5', 'page', 1, 'Page "1.5" is not valid'],
    ['page=1e309', 'page', 1, 'Page "1e309" is not valid'],
  ] as const)('a bad value (%s) falls back to its default and is reported', (query, field, fallback, message) => {
    const { params, problems } = parse(query)
    expect(params[field]).toBe(fallback)
    expect(problems).toEqual([`${message} and was ignored.`])
  })

  test('a search longer than 100 characters is ignored with a short message', () => {
    const { params, problems } = parse(`q=${'x'.repeat(101)}`)
    expect(params.q).toBeUndefined()
    expect(problems).toEqual([`Search "${'x'.repeat(40)}…" is not valid and was ignored.`])
  })

  test('one bad field does not cost the others', () => {
    const { params, problems } = parse('sort=nope&verdict=reject&page=2')
    expect(params).toMatchObject({ sort: 'score', verdict: 'reject', page: 2 })
    expect(problems).toHaveLength(1)
  })

  test('links leave defaults out and round-trip through the parser', () => {
    const { params } = parse('')
    expect(dashboardSearch(params)).toBe('')
    const chosen = { ...params, sort: 'vendor' as const, dir: 'desc' as const, verdict: 'reject' as const, q: 'a&b' }
    const search = dashboardSearch(chosen, { page: 2 })
    expect(search).toBe('?sort=vendor&dir=desc&verdict=reject&q=a%26b&page=2')
    expect(parse(search.slice(1)).params).toEqual({ ...chosen, page: 2 })
  })

  test('clicking the sorted column flips its direction; another column starts at its default; both reset the page', () => {
    const { params } = parse('sort=score&dir=desc&page=4')
    expect(sortBy(params, 'score')).toEqual({ sort: 'score', dir: 'asc', page: 1 })
    expect(sortBy(params, 'vendor')).toEqual({ sort: 'vendor', dir: 'asc', page: 1 })
    expect(sortBy({ ...params, sort: 'vendor', dir: 'asc' }, 'vendor')).toEqual({
      sort: 'vendor',
      dir: 'desc',
      page: 1,
    })
  })
})

describe('certificates expired or expiring within 90 days', () => {
  const asOf = '2026-11-29'
  test('certificates ending within 90 days and those already ended, soonest first, with a short name', () => {
    const held = [
      { type: 'iso27001', edition: '2022', issued: '2024-01-10', expires: '2027-01-09' }, // 41 days: expiring
      { type: 'hitrust-r2', issued: '2025-10-01', expires: '2027-10-01' }, // valid
      { type: 'soc2-type2', issued: '2025-12-31' }, // 12-month report ends 2026-12-31: expiring
      { type: 'iso27701', issued: '2023-01-01', expires: '2026-01-01' }, // expired
    ]
    // The expired one is shown as expired, with its date: "none ending" would mislead.
    expect(expiringCertificates(held, asOf)).toEqual([
      { type: 'iso27701', name: 'ISO 27701', validUntil: '2026-01-01', ended: true },
      { type: 'soc2-type2', name: 'SOC 2 Type II', validUntil: '2026-12-31' },
      { type: 'iso27001', name: 'ISO 27001', validUntil: '2027-01-09' },
    ])
  })

  test('the 90th day is included, the 91st is not', () => {
    expect(expiringCertificates([{ type: 'tisax', issued: '2025-01-01', expires: '2027-02-27' }], asOf)).toHaveLength(1)
    expect(expiringCertificates([{ type: 'tisax', issued: '2025-01-01', expires: '2027-02-28' }], asOf)).toEqual([])
  })

  test('malformed stored values are skipped, never thrown', () => {
    expect(expiringCertificates(undefined, asOf)).toEqual([])
    expect(expiringCertificates('iso27001', asOf)).toEqual([])
    expect(
      expiringCertificates(
        [null, 7, { type: 'iso27001' }, { issued: '2026-01-01' }, { type: 'x', issued: 'soon' }],
        asOf,
      ),
    ).toEqual([])
  })
})

test('the range shown on a page, with thousands separators', () => {
  expect(showingText({ offset: 50, count: 50, total: 2000 })).toBe('Showing 51–100 of 2,000')
  expect(showingText({ offset: 0, count: 3, total: 3 })).toBe('Showing 1–3 of 3')
  expect(showingText({ offset: 0, count: 0, total: 0 })).toBe('Showing 0 of 0')
})
