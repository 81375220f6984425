import { parseArgs } from 'node:util'
import { migrateToLatest, openDatabase } from '../app/db.server.ts'
import { ConfigError, databaseConfigFrom, maskDatabaseUrl } from '../app/env.server.ts'
import { CopyMismatchError, CopyRefusedError, copyDatabase, type TableReport } from '../db/copy.ts'

/**
 * `npm run db:copy -- --from file:data/shoreline.sqlite --to postgres://user:pass@host/shoreline`:
 * migrates the target (an empty database), copies every table into it in one transaction, and
 * prints each table's row counts and whether its checksums agree. Exits 1, keeping nothing, when
 * the target is not empty, the source is not fully migrated, or any table differs.
 */
const usage = 'Usage: npm run db:copy -- --from SOURCE_URL --to TARGET_URL'

let from: string | undefined
let to: string | undefined
try {
  ;({
    values: { from, to },
  } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } }))
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`)
  process.exit(2)
}
if (!from || !to) {
  console.error(usage)
  process.exit(2)
}

const shown = (url: string) => maskDatabaseUrl(url)
const row = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(28) : cell.padStart(12))).join(' ')

let exitCode = 0
let source: ReturnType<typeof openDatabase> | undefined
let target: ReturnType<typeof openDatabase> | undefined
try {
  source = openDatabase(databaseConfigFrom(from, '--from'))
  target = openDatabase(databaseConfigFrom(to, '--to'))
  // The target gets this build's migrations; the source must already have them (checked by copy).
  await migrateToLatest(target)
  console.log(`Copying ${shown(from)} → ${shown(to)}`)
  let header = false
  const print = (report: TableReport) => {
    if (!header) console.log(row(['table', 'source rows', 'target rows', 'checksum']))
    header = true
    console.log(
      row([
        report.table,
        String(report.sourceRows),
        String(report.targetRows),
        report.sourceChecksum === report.targetChecksum ? 'equal' : 'DIFFERENT',
      ]),
    )
  }
  const reports = await copyDatabase(source, target, { onTable: print })
  const rows = reports.reduce((sum, report) => sum + report.targetRows, 0)
  console.log(`\nCopied ${reports.length} tables, ${rows} rows; every row count and checksum is equal.`)
} catch (error) {
  exitCode = 1
  if (error instanceof CopyMismatchError) console.error(`\nCopy failed: ${error.message}.`)
  else if (error instanceof CopyRefusedError || error instanceof ConfigError)
    console.error(`\nCopy refused: ${error.message}.`)
  else console.error(`\nCopy failed: ${error instanceof Error ? error.message : String(error)}`)
} finally {
  await source?.destroy()
  await target?.destroy()
}
process.exit(exitCode)
