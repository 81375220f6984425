import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Database } from '#db/schema.ts'
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

/**
 * `expression` is one of `values` (text ids, at least one). PostgreSQL gets them as one array
 * parameter, so every page size is one statement text, prepared and planned once per connection, and
 * its plan (whose row estimate does not count the values) probes the keys by index, where a list of
 * literal values led the planner to hash whole tables (README decision 99). SQLite keeps its `in`
 * list, which it probes by index anyway.
 * SQL (SQLite): expr in (?, ?, …) · (PostgreSQL): expr = any(?::text[])
 */
export function isAnyOf(db: Connection, expression: Expression<string>, values: readonly string[]) {
  return dialectOf(db) === 'postgres'
    ? sql<SqlBool>`${expression} = any(${[...values]}::text[])`
    : sql<SqlBool>`${expression} in (${sql.join(values)})`
}

/**
 * The rows' two columns as a JSON array of pairs, as text (`[["a","1"],…]`; none: SQLite `[]`,
 * PostgreSQL null), for a subquery that brings a list along with its parent row in one statement.
 * SQL (SQLite): json_group_array(json_array(a, b)) · (PostgreSQL): json_agg(json_build_array(a, b))::text
 */
export function jsonPairsOf(db: Connection, first: Expression<string>, second: Expression<string>) {
  return dialectOf(db) === 'postgres'
    ? sql<string | null>`json_agg(json_build_array(${first}, ${second}))::text`
    : sql<string | null>`json_group_array(json_array(${first}, ${second}))`
}

/**
 * The database's own consistency check, `ok` when it finds nothing: SQLite's integrity check of
 * every page and index; on PostgreSQL (whose server keeps its files consistent itself, whatever
 * happens to an app instance) that no index of the schema is left invalid.
 * SQL (SQLite): pragma integrity_check · (PostgreSQL): select … from pg_index where not indisvalid
 */
export async function checkIntegrity(db: Kysely<Database>): Promise<string> {
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ name: string }>`
      select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and not i.indisvalid`.execute(db)
    return rows.length === 0 ? 'ok' : `invalid indexes: ${rows.map((row) => row.name).join(', ')}`
  }
  const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)
  return rows.map((row) => row.integrity_check).join('; ')
}
