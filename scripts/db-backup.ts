import { backupDatabase, integrityOf } from '#db/backup.ts'
import { getEnv } from '../app/env.server.ts'

/**
 * `npm run db:backup -- FILE`: a consistent copy of the database (DATABASE_URL) in FILE, taken with
 * SQLite's online backup API while the server runs and writes. Checks the copy's integrity.
 */
const target = process.argv[2]
if (!target) {
  console.error('Usage: npm run db:backup -- FILE')
  process.exit(2)
}
const { database } = getEnv()
if (database.dialect !== 'sqlite') {
  console.error('db:backup copies a SQLite file. On PostgreSQL use pg_dump (README, "PostgreSQL").')
  process.exit(2)
}
try {
  const source = database.file
  const { pages } = await backupDatabase(source, target)
  const integrity = integrityOf(target)
  if (integrity !== 'ok') throw new Error(`the copy failed SQLite's integrity check: ${integrity}`)
  console.log(`Backed up ${source} to ${target} (${pages} pages, integrity ok).`)
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`)
  process.exit(1)
}
