import type { Kysely } from 'kysely'
import type { Database } from '#db/schema.ts'

/** The organisation's outbound emails, newest first (the development outbox and the send log). */
export function listOutboundEmails(
  db: Kysely<Database>,
  { organisationId, limit = 100 }: { organisationId: string; limit?: number },
) {
  return db
    .selectFrom('outbound_email')
    .select([
      'id',
      'kind',
      'to_address as to',
      'subject',
      'text_body as text',
      'status',
      'attempts',
      'last_error as lastError',
      'created_at as createdAt',
      'sent_at as sentAt',
    ])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
}
