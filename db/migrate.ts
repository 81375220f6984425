import { closeDb, getDb, migrateToLatest } from '#app/db.server.ts'

/**
 * `npm run db:migrate`: applies pending migrations (the server also does this on start) and prints
 * each one applied. A failure prints the migration's name and exits 1.
 */
try {
  const applied = await migrateToLatest(getDb())
  for (const name of applied) console.log(`Applied migration ${name}`)
  if (applied.length === 0) console.log('Database is up to date.')
  await closeDb()
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  await closeDb().catch(() => {})
  process.exit(1)
}
