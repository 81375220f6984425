import { type Kysely, PostgresAdapter, sql } from 'kysely'

const ROLES = ['admin', 'manager', 'member', 'auditor']

/**
 * The auditor role (README decision 80): memberships and teammate invitations may hold 'auditor'.
 * The role column's CHECK lists the roles; PostgreSQL replaces the constraint, SQLite (which
 * cannot alter a CHECK) rebuilds the two tables with the same columns, keys and indexes. Nothing
 * references either table, so the rebuild drops no foreign key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of ['membership', 'teammate_invitation']) {
      await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.raw(`${table}_role_check`)}`.execute(db)
      await sql`alter table ${sql.table(table)} add constraint ${sql.raw(`${table}_role_check`)} check (${roleIn()})`.execute(
        db,
      )
    }
    return
  }
  await db.schema
    .createTable('membership_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(roleIn()))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('membership_next_organisation_user_unique', ['organisation_id', 'user_id'])
    .execute()
  await sql`insert into membership_next (id, organisation_id, user_id, role, created_at)
    select id, organisation_id, user_id, role, created_at from membership`.execute(db)
  await db.schema.dropTable('membership').execute()
  await db.schema.alterTable('membership_next').renameTo('membership').execute()
  await db.schema.createIndex('membership_user_idx').on('membership').column('user_id').execute()

  await db.schema
    .createTable('teammate_invitation_next')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(roleIn()))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by_user_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await sql`insert into teammate_invitation_next
    (id, organisation_id, email, role, token_hash, invited_by_user_id, expires_at, accepted_at, revoked_at, created_at)
    select id, organisation_id, email, role, token_hash, invited_by_user_id, expires_at, accepted_at, revoked_at, created_at
    from teammate_invitation`.execute(db)
  await db.schema.dropTable('teammate_invitation').execute()
  await db.schema.alterTable('teammate_invitation_next').renameTo('teammate_invitation').execute()
  await db.schema
    .createIndex('teammate_invitation_organisation_idx')
    .on('teammate_invitation')
    .column('organisation_id')
    .execute()
}

export async function down(): Promise<void> {
  // Forward-only (README): an auditor's membership has no meaning without the role.
}

function roleIn() {
  return sql`${sql.ref('role')} in (${sql.join(ROLES.map((v) => sql.lit(v)))})`
}
