import { type CountryLocale, countryName, countrySearchTerms } from './countries.ts'

/**
 * Finding a country by what a person types, in any of the app's languages: accents, case and
 * punctuation do not matter ("mexico" finds México, "ee uu" and "EEUU" find "EE. UU."), the ISO
 * codes count ("PR", "USA"), and so do common aliases ("UK", "Holland", "Burma"). Pure and
 * synchronous; the index is built once per display language (≈250 countries, ≈1,600 names).
 */

export type CountryOption = { code: string; name: string }

type Entry = CountryOption & { codes: string[]; names: Array<{ spaced: string; compact: string }> }

/** Lower case, accents and marks removed, every run of punctuation or space one space. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const indexes = new Map<CountryLocale, Entry[]>()

function indexFor(locale: CountryLocale): Entry[] {
  let index = indexes.get(locale)
  if (!index) {
    const collator = new Intl.Collator(locale)
    index = countrySearchTerms()
      .map(({ code, codes, names }) => ({
        code,
        name: countryName(code, locale),
        codes: codes.map((c) => c.toLowerCase()),
        names: names.map((name) => {
          const spaced = normalizeForSearch(name)
          return { spaced, compact: spaced.replaceAll(' ', '') }
        }),
      }))
      .sort((a, b) => collator.compare(a.name, b.name))
    indexes.set(locale, index)
  }
  return index
}

/** Every country, named in the locale and sorted by that name. */
export function allCountryOptions(locale: CountryLocale): CountryOption[] {
  return indexFor(locale).map(({ code, name }) => ({ code, name }))
}

/**
 * How well an entry matches (lower is better), or undefined: 0 an ISO code, 1 a whole name,
 * 2 the start of a name, 3 the start of a word in a name, 4 anywhere in a name.
 */
function rank(entry: Entry, spaced: string, compact: string): number | undefined {
  if (entry.codes.includes(compact)) return 0
  let best: number | undefined
  for (const name of entry.names) {
    const score =
      name.spaced === spaced || name.compact === compact
        ? 1
        : name.spaced.startsWith(spaced) || name.compact.startsWith(compact)
          ? 2
          : ` ${name.spaced}`.includes(` ${spaced}`)
            ? 3
            : name.compact.includes(compact)
              ? 4
              : undefined
    if (score !== undefined && (best === undefined || score < best)) best = score
    if (best === 1) break
  }
  return best
}

/**
 * The countries matching `query`, best first (codes, whole names, starts of names, starts of
 * words, anywhere), ties in the locale's alphabetical order; every country for an empty query.
 *
 * @example searchCountries('ee. uu.', 'es')[0] // { code: 'US', name: 'Estados Unidos' }
 */
export function searchCountries(query: string, locale: CountryLocale): CountryOption[] {
  const spaced = normalizeForSearch(query)
  if (spaced === '') return allCountryOptions(locale)
  const compact = spaced.replaceAll(' ', '')
  const ranked: Array<{ entry: Entry; score: number; order: number }> = []
  indexFor(locale).forEach((entry, order) => {
    const score = rank(entry, spaced, compact)
    if (score !== undefined) ranked.push({ entry, score, order })
  })
  return ranked
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .map(({ entry: { code, name } }) => ({ code, name }))
}

/**
 * The one country a text names exactly (a code, a name or an alias in any language), or
 * undefined when it names none or several ("Congo"). For typed or pasted values.
 *
 * @example resolveCountryCode('México') // 'MX'
 */
export function resolveCountryCode(text: string): string | undefined {
  const spaced = normalizeForSearch(text)
  if (spaced === '') return undefined
  const compact = spaced.replaceAll(' ', '')
  const exact = indexFor('en').filter((entry) => (rank(entry, spaced, compact) ?? 9) <= 1)
  const byCode = exact.filter((entry) => entry.codes.includes(compact))
  if (byCode.length === 1) return byCode[0]!.code
  return exact.length === 1 ? exact[0]!.code : undefined
}
