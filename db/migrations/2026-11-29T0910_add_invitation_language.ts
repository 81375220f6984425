import type { Kysely } from 'kysely'

// Frozen once landed: the language emails to this vendor are written in (en, es or zh). Set from
// the vendor's country when invited and updated whenever the vendor switches language, so
// reminders and reopen emails follow the vendor's own choice.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('invitation')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitation').dropColumn('language').execute()
}
