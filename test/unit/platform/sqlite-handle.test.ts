import { spawnSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import { openSqliteHandle, preparedStatementCount } from '#db/sqlite-handle.ts'

// better-sqlite3 12 built for Node 24.19+ aborts the process when a statement is garbage collected
// (db/sqlite-handle.ts). These tests hold the handle to its promise: no statement is ever dropped.

describe('a SQLite handle', () => {
  test('hands out one statement per SQL text and never drops one, however many texts follow', () => {
    const db = openSqliteHandle(':memory:')
    const first = db.prepare('select 1 as one')
    for (let i = 0; i < 1500; i++) db.prepare(`select ${i} as n`)
    expect(db.prepare('select 1 as one')).toBe(first)
    expect(first.get()).toEqual({ one: 1 })
    expect(preparedStatementCount(db)).toBe(1501)
    db.close()
  })

  test('reads and sets pragmas through its own statements, as better-sqlite3 would answer', () => {
    const db = openSqliteHandle(':memory:')
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    db.pragma('user_version = 7')
    expect(db.pragma('user_version', { simple: true })).toBe(7)
    expect(db.pragma('user_version')).toEqual([{ user_version: 7 }])
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }])
    const before = preparedStatementCount(db)
    for (let i = 0; i < 50; i++) db.pragma('user_version', { simple: true })
    expect(preparedStatementCount(db)).toBe(before)
    db.close()
  })

  test(`a process preparing statements by the thousand between timers is not aborted (Node ${process.version})`, () => {
    // Plain Node where it strips types itself (Node 22.18+): under tsx's loader the abort did not
    // show in 8 runs of 8 that crashed without it (Node 24.21), so tsx only where it must.
    const stripsTypes = Boolean((process.features as { typescript?: unknown }).typescript)
    const loader = stripsTypes ? [] : ['--import', 'tsx']
    const run = spawnSync(process.execPath, [...loader, 'test/support/statement-churn-child.ts'], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.stderr).not.toContain('Assertion failed')
    expect({ status: run.status, signal: run.signal, stdout: run.stdout.trim() }).toEqual({
      status: 0,
      signal: null,
      stdout: 'survived',
    })
  })
})
