import { readFileSync, writeFileSync } from 'node:fs'
import { scenarioTable, withGeneratedTable } from '../test/support/scenario-table.ts'

// Rewrites the scenarios table of test/fixtures/scenarios/README.md from the JSON files.
const README = 'test/fixtures/scenarios/README.md'
writeFileSync(README, withGeneratedTable(readFileSync(README, 'utf8'), scenarioTable('test/fixtures/scenarios')))
console.log(`${README}: table regenerated`)
