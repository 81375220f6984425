import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The contract's worked examples are copied into test/fixtures/contract/<version>/ so that a clone
// without ../shared passes `npm test` (DECISIONS.md "Versions"). Where ../shared sits beside the
// project, every copy must still equal its original: a contract change then fails here, naming the
// file, instead of the engine silently testing against an old example.
const FIXTURES = 'test/fixtures/contract'
const SHARED = '../shared/contract/examples'
const ORIGINAL_DIR: Record<string, string> = { v1: SHARED, 'v1.1': join(SHARED, 'v1.1') }

const versions = readdirSync(FIXTURES).sort()
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown
const copies = versions.flatMap((version) =>
  readdirSync(join(FIXTURES, version))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ version, file })),
)
const sharedVersions = versions.filter((version) => existsSync(ORIGINAL_DIR[version] ?? '/nonexistent'))

describe('copies of the contract examples', () => {
  it('every fixture version names a contract examples folder and holds the three examples', () => {
    for (const version of versions) {
      expect(Object.keys(ORIGINAL_DIR), version).toContain(version)
      expect(copies.filter((c) => c.version === version).map((c) => c.file)).toEqual([
        'german-retailer-india-vendor.json',
        'us-defense-puerto-rico-vendor.json',
        'us-hospital-india-vendor.json',
      ])
    }
  })

  // Runs only where ../shared is present (a developer machine, this CI); a fresh clone has no
  // originals to compare with, and the suite above still holds the copies to their shape.
  it.each(sharedVersions)('%s: the same files as ../shared', (version) => {
    const originals = readdirSync(ORIGINAL_DIR[version]!)
      .filter((file) => file.endsWith('.json'))
      .sort()
    expect(copies.filter((c) => c.version === version).map((c) => c.file)).toEqual(originals)
  })

  it.each(copies.filter((c) => sharedVersions.includes(c.version)))('$version/$file equals ../shared', (copy) => {
    expect(json(join(FIXTURES, copy.version, copy.file))).toEqual(json(join(ORIGINAL_DIR[copy.version]!, copy.file)))
  })
})
