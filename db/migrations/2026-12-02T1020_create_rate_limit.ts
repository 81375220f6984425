import type { Kysely } from 'kysely'

// Frozen once landed: the throttles' counters (login, vendor links, password-reset and sign-up
// emails), shared by every server process and kept across restarts. The shape is the one
// rate-limiter-flexible's SQLite store creates for itself (key, points, expire in epoch ms), and its
// PostgreSQL store reads the same columns; the app passes `tableCreated: true` so the library never
// issues DDL of its own.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute()
  await db.schema.createIndex('rate_limit_expire_idx').on('rate_limit').columns(['expire']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit').execute()
}
