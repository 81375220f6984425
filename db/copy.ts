import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { dialectOf } from '#app/db/dialect.ts'

/**
 * `npm run db:copy`: every table of one Shoreline database copied into another (SQLite to
 * PostgreSQL when an install outgrows one machine, or back), then checked: the row count and a
 * checksum of every table must be equal on both sides.
 *
 * - The target must be migrated to the same level as the source and hold no rows: the copy never
 *   merges into, or overwrites, data that is already there.
 * - The whole copy is one transaction on the target, so a failure leaves it empty again; the source
 *   is read in one read transaction (a consistent moment, while a server may still be writing).
 * - Tables go in foreign-key order. The tables that triggers keep (the engagement revision and the
 *   invitation summary) go last and replace what the triggers wrote while the other tables were
 *   copied, so they end exactly as in the source.
 * - A table's checksum is the sum (mod 2^256) of the SHA-256 of each row's values as JSON, in column
 *   order: independent of row order, so two databases that sort text differently agree.
 * - pg-boss's own schema (PostgreSQL's job queue) is not copied: queued jobs of the SQLite `job`
 *   table are copied as rows; recurring jobs are queued again by the first server to start.
 */

// biome-ignore lint/suspicious/noExplicitAny: both ends are any Shoreline database, read table by table
type AnyDb = Kysely<any>

/** Kept by triggers (migrations 2026-11-30T0100, 2026-12-02T1200 and 2026-12-03T0900): copied last, replacing what the triggers wrote. */
export const TRIGGER_KEPT_TABLES = ['engagement_revision', 'engagement_revision_shard', 'invitation_summary']

/** Migration bookkeeping: the target is migrated by this build itself. */
const SKIPPED = new Set(['kysely_migration', 'kysely_migration_lock'])

export type TableReport = {
  table: string
  sourceRows: number
  targetRows: number
  sourceChecksum: string
  targetChecksum: string
}

export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError'
}

/** The app's tables in an order where every table comes after the tables it references. */
export async function tablesInCopyOrder(db: AnyDb): Promise<string[]> {
  const tables = (await db.introspection.getTables())
    .map((table) => table.name)
    .filter((name) => !SKIPPED.has(name))
    .sort()
  const references = await foreignKeys(db, tables)
  const ordered: string[] = []
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table)) return
    if (path.includes(table)) throw new Error(`foreign keys form a cycle: ${[...path, table].join(' → ')}`)
    for (const parent of references.get(table) ?? []) if (parent !== table) visit(parent, [...path, table])
    ordered.push(table)
  }
  for (const table of tables) if (!TRIGGER_KEPT_TABLES.includes(table)) visit(table, [])
  return [...ordered, ...TRIGGER_KEPT_TABLES.filter((table) => tables.includes(table))]
}

/** For each table, the tables its foreign keys reference. */
async function foreignKeys(db: AnyDb, tables: string[]): Promise<Map<string, string[]>> {
  const references = new Map<string, string[]>()
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ child: string; parent: string }>`
      select child.relname as child, parent.relname as parent
      from pg_constraint c
      join pg_class child on child.oid = c.conrelid
      join pg_class parent on parent.oid = c.confrelid
      join pg_namespace n on n.oid = child.relnamespace
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db)
    for (const { child, parent } of rows) references.set(child, [...(references.get(child) ?? []), parent])
    return references
  }
  for (const table of tables) {
    const { rows } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(db)
    references.set(
      table,
      rows.map((row) => row.table),
    )
  }
  return references
}

/** The primary key's columns (to page through a table in a stable order). */
async function primaryKey(db: AnyDb, table: string): Promise<string[]> {
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ column: string }>`
      select a.attname as column
      from pg_index i
      join pg_class t on t.oid = i.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      join lateral unnest(i.indkey) with ordinality as k(attnum, position) on true
      join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
      where i.indisprimary and t.relname = ${table} and n.nspname = current_schema()
      order by k.position`.execute(db)
    return rows.map((row) => row.column)
  }
  const { rows } = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table})`.execute(db)
  return rows
    .filter((row) => row.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((row) => row.name)
}

async function columnsOf(db: AnyDb, table: string): Promise<string[]> {
  const found = (await db.introspection.getTables()).find((candidate) => candidate.name === table)
  if (!found) throw new Error(`no table ${table}`)
  return found.columns.map((column) => column.name).sort()
}

async function countRows(db: AnyDb, table: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
  return rows.map((row) => row.name)
}

/** Reads a table in pages of `size` rows, in primary-key order. */
async function* pagesOf(db: AnyDb, table: string, columns: string[], key: string[], size: number) {
  for (let offset = 0; ; offset += size) {
    let query = db.selectFrom(table).select(columns)
    for (const column of key) query = query.orderBy(column)
    const rows = (await query.limit(size).offset(offset).execute()) as Array<Record<string, unknown>>
    if (rows.length > 0) yield rows
    if (rows.length < size) return
  }
}

const MODULUS = 1n << 256n

/** Adds one row to a running checksum (see the module comment). */
function addRow(sum: bigint, columns: string[], row: Record<string, unknown>): bigint {
  const values = columns.map((column) => normalise(row[column]))
  const digest = createHash('sha256').update(JSON.stringify(values)).digest('hex')
  return (sum + BigInt(`0x${digest}`)) % MODULUS
}

/** One value as both databases give it back: numbers as numbers (bigint included), text as text. */
function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Date) return value.toISOString()
  return value ?? null
}

/** The table's row count and checksum (read through `db`, which may be a transaction). */
export async function checksumTable(db: AnyDb, table: string): Promise<{ rows: number; checksum: string }> {
  const columns = await columnsOf(db, table)
  const key = await primaryKey(db, table)
  let sum = 0n
  let rows = 0
  for await (const page of pagesOf(db, table, columns, key.length > 0 ? key : columns, 1000)) {
    for (const row of page) sum = addRow(sum, columns, row)
    rows += page.length
  }
  return { rows, checksum: sum.toString(16).padStart(64, '0') }
}

/**
 * Copies every table of `source` into `target` (already migrated to the source's level and empty)
 * and returns what was compared. Throws CopyRefusedError when the target is not empty or the two
 * are at different migration levels.
 */
export async function copyDatabase(
  source: AnyDb,
  target: AnyDb,
  { onTable }: { onTable?: (report: TableReport) => void } = {},
): Promise<TableReport[]> {
  const [from, to] = [await appliedMigrations(source), await appliedMigrations(target)]
  if (from.join() !== to.join()) {
    throw new CopyRefusedError(
      `the source is at migration ${from.at(-1) ?? '(none)'} and the target at ${to.at(-1) ?? '(none)'}: ` +
        'run `npm run db:migrate` against the source first, with this version of Shoreline',
    )
  }
  const tables = await tablesInCopyOrder(source)
  const targetTables = new Set((await target.introspection.getTables()).map((table) => table.name))
  const missing = tables.filter((table) => !targetTables.has(table))
  if (missing.length > 0) throw new CopyRefusedError(`the target has no table ${missing.join(', ')}`)
  for (const table of tables) {
    const rows = await countRows(target, table)
    if (rows > 0) {
      throw new CopyRefusedError(
        `the target is not empty (${table} has ${rows} rows); db:copy only copies into a new, empty database`,
      )
    }
  }

  const readSource = (work: (db: AnyDb) => Promise<TableReport[]>) =>
    dialectOf(source) === 'postgres'
      ? source.transaction().setIsolationLevel('repeatable read').execute(work)
      : source.transaction().execute(work)

  return readSource((reader) =>
    target.transaction().execute(async (writer) => {
      // PostgreSQL's revision triggers run at commit (2026-12-03T0900): run them as rows are written
      // instead, so they are done before the tables they keep are replaced and checked.
      if (dialectOf(writer) === 'postgres') await sql`set constraints all immediate`.execute(writer)
      for (const table of tables) {
        const columns = await columnsOf(reader, table)
        const key = await primaryKey(reader, table)
        // Rows a trigger wrote while the tables before this one were copied (the target was empty).
        if (TRIGGER_KEPT_TABLES.includes(table)) await writer.deleteFrom(table).execute()
        // PostgreSQL takes at most 65,535 parameters a statement.
        const size = Math.max(1, Math.min(500, Math.floor(30_000 / columns.length)))
        for await (const page of pagesOf(reader, table, columns, key.length > 0 ? key : columns, size)) {
          await writer.insertInto(table).values(page).execute()
        }
      }
      const reports: TableReport[] = []
      for (const table of tables) {
        const [a, b] = [await checksumTable(reader, table), await checksumTable(writer, table)]
        const report = {
          table,
          sourceRows: a.rows,
          targetRows: b.rows,
          sourceChecksum: a.checksum,
          targetChecksum: b.checksum,
        }
        onTable?.(report)
        reports.push(report)
      }
      const different = reports.filter((r) => r.sourceRows !== r.targetRows || r.sourceChecksum !== r.targetChecksum)
      if (different.length > 0) {
        throw new CopyMismatchError(different)
      }
      return reports
    }),
  )
}

/** The copy did not check out (the target transaction was rolled back, so it is empty again). */
export class CopyMismatchError extends Error {
  override name = 'CopyMismatchError'
  constructor(readonly tables: TableReport[]) {
    super(`row counts or checksums differ for ${tables.map((t) => t.table).join(', ')}; nothing was kept`)
  }
}
