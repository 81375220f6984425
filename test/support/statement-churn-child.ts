import { openSqliteHandle } from '#db/sqlite-handle.ts'

/**
 * A process that does what a busy server does to better-sqlite3, quickly: it prepares thousands of
 * statements (700 distinct texts) and reads pragmas, between timers, so the garbage collector runs
 * many times with nothing on the JavaScript stack. On Node 24.19+ a statement it finalizes aborts
 * the process (db/sqlite-handle.ts); through openSqliteHandle none is ever garbage. Prints
 * "survived" and exits 0 when nothing aborted it.
 */
const db = openSqliteHandle(':memory:')
db.exec('create table t (a integer)')
let bursts = 0
function burst() {
  for (let i = 0; i < 2000; i++) db.prepare(`select ${i % 700} + a from t`).all()
  db.pragma('foreign_keys = ON')
  db.pragma('user_version', { simple: true })
  bursts++
  if (bursts < 200) setTimeout(burst, 5)
  else {
    db.close()
    console.log('survived')
  }
}
burst()
