import SQLite from 'better-sqlite3'

/**
 * The one way this code base opens a SQLite file with better-sqlite3, safe on every Node it runs on.
 *
 * better-sqlite3 12 (the last major that runs on Node 20) builds its databases and statements on
 * `node::ObjectWrap`. Compiled against the headers of Node 24.19 or later, that class's destructor
 * checks for a live Node environment, and the garbage collector may run it without one: the
 * process then dies on SIGABRT ("Assertion failed: (env) != nullptr" in
 * node::RemoveEnvironmentCleanupHook, from Statement::~Statement) at an arbitrary moment after a
 * statement became unreachable (WiseLibs/better-sqlite3#1515; 13's Node-API rewrite fixes it but
 * needs Node 22). Measured here on Node 24.21: a loop preparing 2,000 throwaway statements every
 * 5 ms aborted in 7 runs of 10; keeping them reachable, in none of 10. A CI run lost a server and
 * two test workers to it.
 *
 * So nothing better-sqlite3 wraps may become garbage while the process runs:
 * - every handle opened here is kept until the process exits (a closed one costs a few bytes;
 *   Node's own clean-up at exit then finalizes what is left, safely);
 * - its `prepare` hands out one statement per SQL text and keeps it with the handle, which is also
 *   what makes a repeated query cheap (preparing was ~8 % of the server's CPU under the autosave
 *   benchmark). Kysely's queries are parameterised, so the texts are the code's own (measured in
 *   docs/PERFORMANCE.md). Safe because every statement here runs to completion synchronously
 *   (nothing calls `iterate`), and no caller changes a statement's modes (`pluck`, `raw`, `bind`);
 * - `pragma` goes through that same `prepare` (better-sqlite3's own prepares a fresh statement on
 *   each call), and backups use `VACUUM INTO` rather than the online-backup object.
 */

const kept: SQLite.Database[] = []

export function openSqliteHandle(file: string, options?: SQLite.Options): SQLite.Database {
  const handle = new SQLite(file, options)
  kept.push(handle)
  const statements = new Map<string, SQLite.Statement>()
  const prepareAnew = handle.prepare.bind(handle)
  const prepare = (source: string): SQLite.Statement => {
    let statement = statements.get(source)
    if (!statement) {
      statement = prepareAnew(source)
      statements.set(source, statement)
    }
    return statement
  }
  handle.prepare = prepare as SQLite.Database['prepare']
  handle.pragma = ((source: string, options?: SQLite.PragmaOptions) => {
    const statement = prepare(`PRAGMA ${source}`)
    if (!statement.reader) {
      statement.run()
      return options?.simple ? undefined : []
    }
    const rows = statement.all() as Array<Record<string, unknown>>
    return options?.simple ? Object.values(rows[0] ?? {})[0] : rows
  }) as SQLite.Database['pragma']
  statementCounts.set(handle, () => statements.size)
  return handle
}

const statementCounts = new WeakMap<SQLite.Database, () => number>()

/** How many distinct statements `handle` has prepared (each is kept): docs/PERFORMANCE.md quotes it. */
export function preparedStatementCount(handle: SQLite.Database): number {
  return statementCounts.get(handle)?.() ?? 0
}
