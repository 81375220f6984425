import { rmSync } from 'node:fs'
import { closeDb, getDb, migrateToLatest } from '#app/db.server.ts'
import { getEnv } from '#app/env.server.ts'
import { seedDemoIfEmpty } from './seed.ts'

/**
 * `npm run db:reset`: deletes the database file, migrates and seeds the demo data again.
 * Refuses in production.
 */
const env = getEnv()
if (env.mode === 'production') {
  console.error('db:reset deletes every row; it refuses to run with NODE_ENV=production.')
  process.exit(1)
}
if (env.database.dialect !== 'sqlite') {
  console.error('db:reset deletes a SQLite file. On PostgreSQL drop and create the database (dropdb, createdb).')
  process.exit(1)
}
const file = env.database.file
if (file !== ':memory:') {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
}
const applied = await migrateToLatest(getDb())
console.log(`Recreated ${file} (${applied.length} migrations).`)
const demo = await seedDemoIfEmpty(getDb(), env.appUrl ?? `http://localhost:${env.port}`)
if (demo) console.log(`Demo login:  ${demo.email}  /  ${demo.password}`)
await closeDb()
