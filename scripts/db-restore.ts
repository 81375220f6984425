import { restoreDatabase } from '#db/backup.ts'
import { getEnv } from '../app/env.server.ts'

/**
 * `npm run db:restore -- FILE`: replaces the database (DATABASE_URL) with the backup FILE. Refuses
 * while a server (or any process) has the database open, which SQLite's own locks tell
 * (db/backup.ts, `databaseInUse`), and refuses a backup that fails its integrity check.
 */
const source = process.argv[2]
if (!source) {
  console.error('Usage: npm run db:restore -- FILE')
  process.exit(2)
}
const { database } = getEnv()
if (database.dialect !== 'sqlite') {
  console.error('db:restore replaces a SQLite file. On PostgreSQL use pg_restore (README, "PostgreSQL").')
  process.exit(2)
}
try {
  const target = database.file
  restoreDatabase(source, target)
  console.log(`Restored ${target} from ${source}.`)
} catch (error) {
  console.error(`Restore refused: ${(error as Error).message}`)
  process.exit(1)
}
