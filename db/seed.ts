import { type Kysely, sql } from 'kysely'
import { recordAuditEvent } from '#app/audit/audit.server.ts'
import { createOrganisationWithAdmin } from '#app/auth/accounts.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { findUserByEmail } from '#app/auth/queries.server.ts'
import { insertEngagement, insertRegulatoryProfile } from '#app/engagements/queries.server.ts'
import { defaultExpiry, vendorLink } from '#app/invitations/links.ts'
import { insertInvitation } from '#app/invitations/queries.server.ts'
import { assessResponse } from '#app/responses/assessments.server.ts'
import { insertAnswerRows, insertResponse } from '#app/responses/queries.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import { newSecretToken } from '#app/utils/tokens.server.ts'
import { DEMO_QUESTIONNAIRE } from './demo/complete-answers.ts'
import { DEMO_ENGAGEMENTS, type DemoVendor } from './demo/engagements.ts'
import type { Database } from './schema.ts'

/**
 * The demo organisation a newcomer logs into after `npm start`: three engagements with vendors in
 * every state. Its password is public (printed on start and in the README), so it is seeded only
 * outside production, and this module is not part of the server build: `scripts/serve.ts`, the
 * test server and `db:reset` run it from source and hand it the server's connection
 * (`prepareServer({ seedDemo })`). It writes through the app's own query and service functions.
 */
export const DEMO_LOGIN = {
  organisationName: 'Meridian Group (demo)',
  name: 'Dana Reyes',
  email: 'admin@demo.shoreline.test',
  password: 'shoreline-demo',
} as const

const DEMO_ORGANISATION_ID = '00000000-0000-4000-8000-000000000001'

/**
 * Seeds the demo organisation when the database has no organisation at all, and returns the login;
 * returns undefined when there was anything already. Safe when two processes start at once: the
 * first statement is a conditional insert, which takes SQLite's write lock, so the second process
 * waits and then finds the organisation.
 */
export async function seedDemoIfEmpty(
  db: Kysely<Database>,
  demoOrigin = 'http://localhost:3000',
): Promise<typeof DEMO_LOGIN | undefined> {
  const passwordHash = await hashPassword(DEMO_LOGIN.password)
  return db.transaction().execute(async (trx) => {
    const now = nowIso()
    const inserted = await sql`
      insert into organisation (id, name, created_at, updated_at)
      select ${DEMO_ORGANISATION_ID}, ${DEMO_LOGIN.organisationName}, ${now}, ${now}
      where not exists (select 1 from organisation)`.execute(trx)
    if (Number(inserted.numAffectedRows ?? 0) === 0) return undefined
    const { userId } = await createOrganisationWithAdmin(trx, {
      organisationId: DEMO_ORGANISATION_ID,
      organisationName: DEMO_LOGIN.organisationName,
      name: DEMO_LOGIN.name,
      email: DEMO_LOGIN.email,
      passwordHash,
    })
    await seedDemoEngagements(trx, {
      organisationId: DEMO_ORGANISATION_ID,
      userId,
      now: new Date(),
      origin: demoOrigin,
    })
    return DEMO_LOGIN
  })
}

/** Seeds an empty database, then returns the demo login while the demo admin exists (printed on start). */
export async function seedDemo(db: Kysely<Database>, demoOrigin: string): Promise<typeof DEMO_LOGIN | undefined> {
  await seedDemoIfEmpty(db, demoOrigin)
  return (await findUserByEmail(db, { email: DEMO_LOGIN.email })) ? DEMO_LOGIN : undefined
}

const DAY_MS = 86_400_000
const at = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS).toISOString()

/**
 * The three demo engagements with their vendors in every state. Vendors who have answered get a
 * response with their answers; links of vendors still working on it are placed in the outbox, so a
 * newcomer can open the questionnaire as that vendor.
 */
async function seedDemoEngagements(
  trx: Kysely<Database>,
  { organisationId, userId, now, origin }: { organisationId: string; userId: string; now: Date; origin: string },
) {
  for (const [index, demo] of DEMO_ENGAGEMENTS.entries()) {
    const engagementId = newId()
    const created = at(now, -30 + index)
    const dueDate = at(now, demo.dueInDays).slice(0, 10)
    await insertEngagement(trx, {
      id: engagementId,
      organisation_id: organisationId,
      name: demo.name,
      description: demo.description,
      due_date: dueDate,
      questionnaire_id: DEMO_QUESTIONNAIRE.id,
      questionnaire_version: DEMO_QUESTIONNAIRE.version,
      created_by_user_id: userId,
      created_at: created,
      updated_at: created,
    })
    await insertRegulatoryProfile(trx, {
      id: newId(),
      engagement_id: engagementId,
      profile_json: JSON.stringify(demo.profile),
      updated_by_user_id: userId,
      created_at: created,
      updated_at: created,
    })
    await audit(trx, {
      organisationId,
      engagementId,
      userId,
      action: 'engagement.created',
      subjectType: 'engagement',
      subjectId: engagementId,
      at: created,
      detail: { name: demo.name },
    })
    for (const [position, vendor] of demo.vendors.entries()) {
      await seedVendor(trx, {
        organisationId,
        engagementId,
        engagementName: demo.name,
        userId,
        vendor,
        dueDate,
        now,
        origin,
        invitedAt: at(now, -25 + index + position / 10),
      })
    }
  }
}

async function seedVendor(
  trx: Kysely<Database>,
  input: {
    organisationId: string
    engagementId: string
    engagementName: string
    userId: string
    vendor: DemoVendor
    dueDate: string
    now: Date
    origin: string
    invitedAt: string
  },
) {
  const { vendor, now } = input
  const id = newId()
  const { token, tokenHash } = newSecretToken()
  const opened = vendor.state === 'invited' ? null : at(now, -20)
  const started = vendor.answers ? at(now, -18) : null
  const submitted = vendor.state === 'submitted' || vendor.state === 'reopened' ? at(now, -10) : null
  const expiresAt = vendor.state === 'expired' ? at(now, -1) : defaultExpiry(input.dueDate, now)
  await insertInvitation(trx, {
    id,
    organisation_id: input.organisationId,
    engagement_id: input.engagementId,
    vendor_company: vendor.company,
    vendor_country: vendor.country,
    contact_name: vendor.contact,
    contact_email: vendor.email,
    token_hash: tokenHash,
    status: vendor.state === 'expired' ? 'opened' : vendor.state,
    expires_at: expiresAt,
    opened_at: opened,
    started_at: started,
    submitted_at: submitted,
    reopened_at: vendor.state === 'reopened' ? at(now, -4) : null,
    revoked_at: vendor.state === 'revoked' ? at(now, -6) : null,
    last_activity_at: submitted ?? started ?? opened,
    invited_by_user_id: input.userId,
    last_reminder_at: null,
    last_reminder_kind: null,
    last_email_status: 'outbox',
    created_at: input.invitedAt,
    updated_at: input.invitedAt,
  })
  await audit(trx, {
    organisationId: input.organisationId,
    engagementId: input.engagementId,
    userId: input.userId,
    action: 'invitation.created',
    subjectType: 'invitation',
    subjectId: id,
    at: input.invitedAt,
    detail: { vendorCompany: vendor.company, contactEmail: vendor.email },
  })
  if (['invited', 'opened', 'in-progress', 'reopened'].includes(vendor.state)) {
    await trx
      .insertInto('outbound_email')
      .values({
        id: newId(),
        organisation_id: input.organisationId,
        kind: 'vendor-invitation',
        to_address: vendor.email,
        subject: `${DEMO_LOGIN.organisationName} invites you to a vendor due-diligence questionnaire`,
        text_body: `Dear ${vendor.contact},\n\nOpen the questionnaire for "${input.engagementName}":\n${vendorLink(input.origin, token)}\n\n(Demo data: this link opens the questionnaire as ${vendor.company}.)`,
        status: 'outbox',
        attempts: 0,
        last_error: null,
        invitation_id: id,
        created_at: input.invitedAt,
        sent_at: null,
      })
      .execute()
  }
  if (!vendor.answers) return
  const responseId = newId()
  await insertResponse(trx, {
    id: responseId,
    invitation_id: id,
    questionnaire_id: DEMO_QUESTIONNAIRE.id,
    questionnaire_version: vendor.questionnaireVersion ?? DEMO_QUESTIONNAIRE.version,
    status: submitted && vendor.state === 'submitted' ? 'submitted' : 'draft',
    submitted_at: vendor.state === 'submitted' ? submitted : null,
    created_at: started ?? input.invitedAt,
    updated_at: submitted ?? started ?? input.invitedAt,
  })
  await insertAnswerRows(
    trx,
    Object.entries(vendor.answers).map(([questionId, value]) => ({
      id: newId(),
      response_id: responseId,
      question_id: questionId,
      value_json: JSON.stringify(value),
      created_at: started ?? input.invitedAt,
      updated_at: started ?? input.invitedAt,
    })),
  )
  // Submitted vendors (and reopened ones, assessed when first submitted) carry their assessment.
  if (submitted) await assessResponse(trx, { responseId, asOf: now.toISOString().slice(0, 10) })
}

function audit(
  trx: Kysely<Database>,
  e: {
    organisationId: string
    engagementId: string
    userId: string
    action: string
    subjectType: string
    subjectId: string
    at: string
    detail: Record<string, unknown>
  },
) {
  return recordAuditEvent(trx, { ...e, actor: { type: 'user', userId: e.userId } })
}
