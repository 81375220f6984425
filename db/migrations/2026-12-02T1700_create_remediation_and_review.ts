import { type Kysely, sql } from 'kysely'

// Frozen once landed: remediation requests and their items, risk acceptances, the answers each
// assessment was made from (for the history's "answers changed"), each engagement's review cadence,
// the review invitations and certificate notices already sent (so the jobs that send them are safe
// to run twice: a unique row is claimed before its email goes out), and each member's last visit
// to an engagement's dashboard ("changed since your last visit"). Portable schema builder only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('remediation_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id').onDelete('cascade'))
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    // The assessment version the manager picked the findings from.
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessment.id'))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    .addColumn('created_by_user_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('last_reminder_at', 'text')
    .addColumn('vendor_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('remediation_request_invitation_idx')
    .on('remediation_request')
    .columns(['invitation_id', 'status'])
    .execute()
  await db.schema
    .createIndex('remediation_request_due_idx')
    .on('remediation_request')
    .columns(['status', 'due_on'])
    .execute()

  await db.schema
    .createTable('remediation_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('remediation_request.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    // The finding as the manager saw it (regime, severity, citation, message, remediation).
    .addColumn('finding_json', 'text', (c) => c.notNull())
    // The questions the vendor may answer for this item, and nothing else.
    .addColumn('question_ids_json', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`state in ('open', 'answered', 'resolved', 'disputed', 'overdue')`),
    )
    .addColumn('reply_kind', 'text', (c) => c.check(sql`reply_kind in ('changed', 'will-fix', 'dispute')`))
    .addColumn('reply_text', 'text')
    .addColumn('fix_by', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('remediation_item_request_idx')
    .on('remediation_item')
    .columns(['request_id', 'position'])
    .unique()
    .execute()

  await db.schema
    .createTable('risk_acceptance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id').onDelete('cascade'))
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    // The last day the acceptance holds; from the next day the finding counts again.
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('lapsed_at', 'text')
    .execute()
  await db.schema
    .createIndex('risk_acceptance_invitation_idx')
    .on('risk_acceptance')
    .columns(['invitation_id', 'rule_id'])
    .execute()

  // The answers an assessment was made from (null for assessments stored before this migration).
  await db.schema.alterTable('assessment').addColumn('answers_json', 'text').execute()
  // Months between reviews; null follows the engagement's inherent tier.
  await db.schema.alterTable('engagement').addColumn('review_cadence_months', 'integer').execute()

  await db.schema
    .createTable('vendor_review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('email_status', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('vendor_review_once_idx')
    .on('vendor_review')
    .columns(['invitation_id', 'due_on'])
    .unique()
    .execute()

  await db.schema
    .createTable('certificate_notice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id').onDelete('cascade'))
    .addColumn('certificate_type', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('60', '30', '7', 'ended')`))
    .addColumn('email_status', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('certificate_notice_once_idx')
    .on('certificate_notice')
    .columns(['invitation_id', 'certificate_type', 'valid_until', 'kind'])
    .unique()
    .execute()

  await db.schema
    .createTable('engagement_visit')
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagement.id').onDelete('cascade'))
    // The visit before the current one: what "changed since your last visit" compares with.
    .addColumn('previous_seen_at', 'text')
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('engagement_visit_pk', ['user_id', 'engagement_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('engagement_visit').execute()
  await db.schema.dropTable('certificate_notice').execute()
  await db.schema.dropTable('vendor_review').execute()
  await db.schema.alterTable('engagement').dropColumn('review_cadence_months').execute()
  await db.schema.alterTable('assessment').dropColumn('answers_json').execute()
  await db.schema.dropTable('risk_acceptance').execute()
  await db.schema.dropTable('remediation_item').execute()
  await db.schema.dropTable('remediation_request').execute()
}
