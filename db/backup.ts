import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { openSqliteHandle } from './sqlite-handle.ts'

/**
 * Online backups of the SQLite database, and restoring one. Scripts: `npm run db:backup -- FILE`,
 * `npm run db:restore -- FILE` (scripts/db-backup.ts, scripts/db-restore.ts).
 */

/**
 * Copies the live database into `target` with `VACUUM INTO`, while the server keeps writing. The
 * copy is made inside one read transaction, so it is one consistent moment (the online backup API
 * taken in small steps restarts whenever another connection writes, and its backup object is one
 * more native wrapper that must not be garbage collected: db/sqlite-handle.ts). Returns the copy's
 * page count.
 */
export async function backupDatabase(source: string, target: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`There is no database at ${source}.`)
  if (existsSync(target)) throw new Error(`${target} exists already; choose a new file name.`)
  const db = openSqliteHandle(source, { readonly: true, fileMustExist: true })
  try {
    db.prepare('VACUUM INTO ?').run(target)
  } finally {
    db.close()
  }
  const copy = openSqliteHandle(target, { readonly: true, fileMustExist: true })
  try {
    return { pages: copy.pragma('page_count', { simple: true }) as number }
  } finally {
    copy.close()
  }
}

/** `ok`, or SQLite's list of what is wrong with the file. */
export function integrityOf(file: string): string {
  const db = openSqliteHandle(file, { readonly: true, fileMustExist: true })
  try {
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((row) => row.integrity_check)
      .join('; ')
  } finally {
    db.close()
  }
}

/**
 * True while any other connection has the database open (a running server always does). SQLite
 * says so itself: in WAL mode an exclusive transaction in EXCLUSIVE locking mode needs the
 * WAL-index lock that every open connection shares, so it fails with SQLITE_BUSY at once. The
 * operating system drops those locks when a process dies, so a killed server never leaves a stale
 * "running" behind (unlike a PID file).
 */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false
  const db = openSqliteHandle(file, { timeout: 0, fileMustExist: true })
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
    return false
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true
    throw error
  } finally {
    db.close()
  }
}

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError'
  constructor(readonly file: string) {
    super(`${file} is open in another process (a running Shoreline server?). Stop it, then restore.`)
  }
}

/**
 * Replaces the database at `target` with the backup `source`: refused while any process has
 * the target open, and refused for a backup that fails SQLite's integrity check. The backup is
 * copied next to the target first and renamed over it, so the target is never half-written; the
 * old database's WAL files go with it.
 */
export function restoreDatabase(source: string, target: string): void {
  const integrity = integrityOf(source)
  if (integrity !== 'ok') throw new Error(`${source} is not a sound backup: ${integrity}`)
  if (databaseInUse(target)) throw new DatabaseInUseError(target)
  const staged = `${target}.restoring`
  copyFileSync(source, staged)
  // Checked again right before the swap: a server that started meanwhile keeps its database.
  if (databaseInUse(target)) {
    rmSync(staged, { force: true })
    throw new DatabaseInUseError(target)
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
  renameSync(staged, target)
}
