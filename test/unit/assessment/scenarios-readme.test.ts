import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scenarioTable, withGeneratedTable } from '#test/support/scenario-table.ts'

describe('test/fixtures/scenarios/README.md', () => {
  it('its table is the one generated from the scenario files (run `npx tsx scripts/scenarios-readme.ts`)', () => {
    const readme = readFileSync('test/fixtures/scenarios/README.md', 'utf8')
    expect(readme).toBe(withGeneratedTable(readme, scenarioTable('test/fixtures/scenarios')))
  })

  it('the generated table has one row per scenario, each with its expectation and description', () => {
    const table = scenarioTable('test/fixtures/scenarios')
    const row = table.split('\n').find((line) => line.startsWith('| `07-'))
    expect(row).toBe(
      '| `07-glba-bank-canada-regulator-access-refused.json` | glba, sanctions | nearshore / approve / offshore / — / — | ' +
        `${JSON.parse(readFileSync('test/fixtures/scenarios/07-glba-bank-canada-regulator-access-refused.json', 'utf8')).description} | ` +
        'regulations.md §3.2 (OCC Bulletin 2002-16, FFIEC OTS App. C, 12 U.S.C. 1867(c)), §3.5 |',
    )
    expect(table).not.toContain('undefined')
  })
})
