import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely'
import { type Connection, dialectOf } from './dialect.ts'

/**
 * The one place where SQL differs between SQLite and PostgreSQL inside query modules. A query
 * module builds its query with Kysely's builder, which speaks both; where the two dialects need
 * different SQL for the same meaning, it calls a helper here with its `db` (the helper reads the
 * dialect from the connection, so a transaction or a test's own connection gets the right one).
 *
 * What needs no helper (Kysely or both dialects already agree): `onConflict(…).doNothing()` and
 * `doUpdateSet` (upserts), `returning`, `limit/offset`, `case`, row values, partial indexes, ISO
 * text dates compared as strings, JSON kept as text and parsed in JavaScript, 0/1 integers for
 * booleans. bigint and numeric results (`count(*)`, `sum`) are read as numbers on PostgreSQL too
 * (app/db.server.ts), as SQLite returns them.
 */

/**
 * A text expression ordered and compared without regard to ASCII case: SQLite's NOCASE collation,
 * `lower()` on PostgreSQL. Indexes that serve such an order use the same expression (migration
 * 2026-12-02T1200).
 * SQL (SQLite): expr collate nocase · (PostgreSQL): lower(expr)
 */
export function caseInsensitive(db: Connection, expression: Expression<string>): RawBuilder<string> {
  return dialectOf(db) === 'postgres' ? sql<string>`lower(${expression})` : sql<string>`${expression} collate nocase`
}

/**
 * `expression LIKE pattern` without regard to case, with `\` as the escape character (the
 * dashboard's `likePattern`). SQLite's LIKE ignores ASCII case already; PostgreSQL's does not, so ILIKE.
 * SQL (SQLite): expr like ? escape '\' · (PostgreSQL): expr ilike ? escape '\'
 */
export function likeInsensitive(db: Connection, expression: Expression<string>, pattern: string) {
  return dialectOf(db) === 'postgres'
    ? sql<SqlBool>`${expression} ilike ${pattern} escape '\\'`
    : sql<SqlBool>`${expression} like ${pattern} escape '\\'`
}
