import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * `npm run drill:crash`: 50 vendors autosave against the production build while the server is
 * killed with SIGKILL at 10 random moments and restarted (scripts/drill-crash-run.ts). Prints one
 * JSON line: {"kills":10,"acknowledged":N,"lost":0,"integrity":"ok"}; exits 1 when anything was
 * lost or the database is not intact. Options: DRILL_KILLS, DRILL_VENDORS, DRILL_SECONDS (60).
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'shoreline-drill-'))
const databaseFile = path.join(dir, 'drill.sqlite')
process.env.DATABASE_URL = databaseFile
process.env.SESSION_SECRET ??= 'crash-drill-session-secret-0123456789-0123456789'

const { runCrashDrill } = await import('./drill-crash-run.ts')
const { closeDb } = await import('../app/db.server.ts')
const result = await runCrashDrill({
  kills: Number(process.env.DRILL_KILLS ?? 10),
  vendors: Number(process.env.DRILL_VENDORS ?? 50),
  seconds: Number(process.env.DRILL_SECONDS ?? 60),
  databaseFile,
})
await closeDb()
rmSync(dir, { recursive: true, force: true })
console.log(JSON.stringify(result))
process.exit(result.lost === 0 && result.integrity === 'ok' ? 0 : 1)
