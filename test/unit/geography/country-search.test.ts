import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { listCountries } from '#app/geography/countries.ts'
import {
  allCountryOptions,
  normalizeForSearch,
  resolveCountryCode,
  searchCountries,
} from '#app/geography/country-search.ts'

const codes = (query: string, locale: 'en' | 'es' | 'zh' = 'en') => searchCountries(query, locale).map((c) => c.code)

describe('country search', () => {
  it('ignores accents, case and punctuation', () => {
    expect(normalizeForSearch('  EE. UU. ')).toBe('ee uu')
    expect(normalizeForSearch('México')).toBe('mexico')
    expect(normalizeForSearch("Côte d'Ivoire")).toBe('cote d ivoire')
  })

  it('finds Mexico by its English and Spanish names, with or without the accent', () => {
    for (const query of ['Mexico', 'México', 'mexico', 'MÉXICO', 'Méx']) expect(codes(query)[0], query).toBe('MX')
    expect(codes('墨西哥', 'zh')[0]).toBe('MX')
  })

  it('finds the United States by its code, its aliases and its names in every language', () => {
    for (const query of ['US', 'USA', 'usa', 'EE. UU.', 'EEUU', 'ee uu', 'Estados Unidos', 'United States', '美国'])
      expect(codes(query, 'es')[0], query).toBe('US')
  })

  it('finds common aliases and names in another language than the one shown', () => {
    expect(codes('UK')[0]).toBe('GB')
    expect(codes('Reino Unido')[0]).toBe('GB')
    expect(codes('Holland')[0]).toBe('NL')
    expect(codes('Burma')[0]).toBe('MM')
    expect(codes('Ivory Coast', 'es')[0]).toBe('CI')
    expect(codes('Alemania', 'en')[0]).toBe('DE')
    expect(codes('Germany', 'zh')[0]).toBe('DE')
  })

  it('puts a code first, then names that start with the text, then words, then anywhere', () => {
    const found = codes('in')
    expect(found[0]).toBe('IN') // the ISO code
    expect(found.indexOf('ID')).toBeLessThan(found.indexOf('AR')) // Indonesia before Argentina
    expect(codes('guinea').slice(0, 1)).toEqual(['GN']) // the whole name first
    expect(codes('guinea')).toEqual(expect.arrayContaining(['GQ', 'GW', 'PG']))
  })

  it('shows names in the display language, sorted, and every country for an empty query', () => {
    expect(searchCountries('Alemania', 'es')[0]).toEqual({ code: 'DE', name: 'Alemania' })
    expect(searchCountries('', 'es')).toEqual(allCountryOptions('es'))
    expect(
      allCountryOptions('en')
        .map((c) => c.code)
        .sort(),
    ).toEqual(
      listCountries('en')
        .map((c) => c.code)
        .sort(),
    )
    expect(codes('zzzz')).toEqual([])
  })

  it('finds every country by its own displayed name, in every language', () => {
    for (const locale of ['en', 'es', 'zh'] as const)
      for (const { code, name } of allCountryOptions(locale)) expect(codes(name, locale), name).toContain(code)
  })

  it('never throws and only returns real countries, whatever is typed', () => {
    const known = new Set(allCountryOptions('en').map((c) => c.code))
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('en' as const, 'es' as const, 'zh' as const), (query, locale) =>
        searchCountries(query, locale).every((c) => known.has(c.code)),
      ),
    )
  })

  it('resolves a typed or pasted name to one code, and refuses an ambiguous one', () => {
    expect(resolveCountryCode('México')).toBe('MX')
    expect(resolveCountryCode('EE. UU.')).toBe('US')
    expect(resolveCountryCode('pr')).toBe('PR')
    expect(resolveCountryCode('Congo')).toBeUndefined()
    expect(resolveCountryCode('Atlantis')).toBeUndefined()
  })
})
