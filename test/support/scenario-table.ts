import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The scenarios table of test/fixtures/scenarios/README.md, generated from the JSON files so the
 * README cannot drift from what the tests run (`npx tsx scripts/scenarios-readme.ts` rewrites it;
 * test/unit/assessment/scenarios-readme.test.ts fails when it is stale).
 */

type ScenarioFile = {
  description: string
  source?: string
  expect: {
    applicableRegimes: string[]
    locationClass: string
    verdict: string
    model: string
    blockingRegimes: string[]
    conditionRegimes: string[]
  }
}

export const TABLE_BEGIN = '<!-- scenarios:begin (generated from the JSON files; do not edit by hand) -->'
export const TABLE_END = '<!-- scenarios:end -->'

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim()
const list = (items: readonly string[]) => (items.length ? [...items].sort().join(', ') : '—')

export function scenarioTable(dir: string): string {
  const rows = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    // Numeric order: 9-… before 10-…, 99-… before 100-….
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((file) => {
      const s = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ScenarioFile
      const e = s.expect
      const expect = [e.locationClass, e.verdict, e.model, list(e.blockingRegimes), list(e.conditionRegimes)].join(
        ' / ',
      )
      return `| \`${file}\` | ${list(e.applicableRegimes)} | ${expect} | ${cell(s.description)} | ${cell(s.source ?? '—')} |`
    })
  return [
    '| File | Regimes | Expect (location / verdict / model / blocking / conditions) | Scenario | Source |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n')
}

/** The README with its table replaced by the generated one. */
export function withGeneratedTable(readme: string, table: string): string {
  const begin = readme.indexOf(TABLE_BEGIN)
  const end = readme.indexOf(TABLE_END)
  if (begin === -1 || end < begin) throw new Error(`the README has no "${TABLE_BEGIN}" … "${TABLE_END}" block`)
  return `${readme.slice(0, begin + TABLE_BEGIN.length)}\n${table}\n${readme.slice(end)}`
}
