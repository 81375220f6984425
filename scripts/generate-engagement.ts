import { pathToFileURL } from 'node:url'
import type { Insertable, Kysely } from 'kysely'
import { addDays } from '#app/assessment/dates.ts'
import { assess } from '#app/assessment/engine.ts'
import { generateVendorAnswers, mulberry32 } from '#app/assessment/generate-answers.ts'
import { insertInvitation } from '#app/invitations/queries.server.ts'
import type { Answers } from '#app/questionnaire/answers.ts'
import { parseProfile } from '#app/regulations/profile.ts'
import { assessmentRow } from '#app/responses/assessments.server.ts'
import { newId, nowIso } from '#app/utils/ids.ts'
import { newSecretToken } from '#app/utils/tokens.server.ts'
import type { Database, VendorDecisionKind } from '#db/schema.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

/**
 * An engagement with many submitted vendors, each with varied generated answers (seeded PRNG, so
 * every run builds the same vendors) and a stored assessment computed by the real engine, plus a
 * decision on about a fifth of them. For `npm run bench:web`; also runnable on its own:
 *
 *   DATABASE_URL=data/big.sqlite tsx scripts/generate-engagement.ts [vendors] [organisation id]
 *
 * Fast because it is one transaction with multi-row inserts, and assess() runs in memory instead of
 * reading each response back (assessResponse would); the rows are the ones assessResponse writes.
 */

// Nine regimes apply (bench:engine's profile without China PI, whose standard-contract condition
// would make "approve" impossible), so assessments and reports are long and every verdict occurs.
export const GENERATED_PROFILE = {
  homeCountry: 'US',
  industry: 'financial-services',
  dataCategories: [
    'phi',
    'npi',
    'cardholder-data',
    'cui',
    'itar-technical-data',
    'ear-technology',
    'eu-personal-data',
    'us-sensitive-personal-data',
    'ca-consumer-personal-information',
  ],
  volumes: { usPersonalHealthData: 50_000, cnPersonalInformationIndividuals: 250_000 },
  flags: { dodContractor: true, cmmcLevel: 2, usGovernmentRelatedData: true },
  purposes: [],
}

/** Good answers to every contract and control question; laid over a share of the random vendors. */
const STRONG_CONTROLS = {
  'handling.encryptionAtRest': 'customer-managed-keys',
  'handling.encryptionInTransit': 'tls13',
  'handling.endToEndEncryption': true,
  'handling.fips140Validated': true,
  'handling.mfaForAllAccess': true,
  'destruction.method': 'nist-800-88-purge',
  'destruction.certificateProvided': true,
  'destruction.daysAfterTermination': 30,
  'destruction.backupPurgeDays': 35,
  'incident.notificationHours': 24,
  'contract.baa': true,
  'contract.baaSubcontractorFlowDown': true,
  'contract.gdprDpa': true,
  'contract.gdprScc': true,
  'contract.dpfCertified': true,
  'contract.cisaSecurityRequirements': true,
  'contract.ccpaServiceProviderTerms': true,
  'contract.ccpaNoCombination': true,
  'contract.pciAcknowledgment': true,
  'contract.dataBrokerage': false,
  'dod.nist800171Implemented': true,
  'dod.sprsScore': 110,
  'dod.cmmcStatus': 'final',
  'dod.fedrampModerateEquivalent': true,
}
const DOMESTIC = {
  'company.hqCountry': 'US',
  'company.incorporationCountry': 'US',
  'company.majorityOwnerCountry': 'US',
  'storage.primaryCountries': ['US'],
  'storage.backupCountries': ['US'],
  'access.personnelCountries': ['US'],
  'access.subprocessorCountries': ['US'],
  'access.nonUsPersonsAccess': 'no',
}

/**
 * Varied vendors: a quarter strong and domestic (nearly all approve), a sixth with strong controls
 * wherever they are (reject or conditions), the rest as random as the generator makes them (reject).
 * Under rules release 2026.12, about 25 % approve, 2 % approve with conditions and 73 % reject.
 */
function vendorAnswers(random: () => number, asOf: string): Answers {
  const answers = generateVendorAnswers(coreQuestionnaire, random)
  const tier = random()
  if (tier < 0.58) return answers
  const strong = {
    ...answers,
    ...STRONG_CONTROLS,
    'dod.cmmcAffirmationDate': addDays(asOf, -Math.floor(random() * 200)),
    'certifications.held': [
      {
        type: 'cmmc-l2',
        issued: addDays(asOf, -Math.floor(random() * 900)),
        expires: addDays(asOf, 30 + Math.floor(random() * 900)),
        // Since CMMC phase 2 (rules release 2026.12) Level 2 needs a C3PAO's final status.
        assessor: 'c3pao',
        status: 'final',
      },
      { type: 'pci-dss-aoc', issued: addDays(asOf, -Math.floor(random() * 300)) },
      ...(Array.isArray(answers['certifications.held']) ? answers['certifications.held'] : []),
    ],
  }
  return tier < 0.75 ? strong : { ...strong, ...DOMESTIC }
}

/**
 * A vendor whose report runs to about 20 pages, for the PDF benchmark: a large outsourcer with weak
 * contract answers (many findings under nine regimes), data in many countries including countries
 * of concern, and a long certificate register in every state (valid, expiring, stale, expired).
 */
function longReportAnswers(random: () => number, asOf: string): Answers {
  const countries = ['US', 'PR', 'MX', 'IN', 'PH', 'CN', 'HK', 'RU', 'DE', 'IE', 'BR', 'VN']
  const types = ['iso27001', 'iso27701', 'iso27017', 'iso27018', 'soc2-type2', 'pci-dss-aoc', 'hitrust-r2', 'cmmc-l2']
  return {
    ...generateVendorAnswers(coreQuestionnaire, random),
    'company.hqCountry': 'IN',
    'company.incorporationCountry': 'HK',
    'company.majorityOwnerCountry': 'CN',
    'storage.primaryCountries': countries.slice(0, 8),
    'storage.backupCountries': countries.slice(4),
    'access.personnelCountries': countries,
    'access.subprocessorCountries': countries.slice(2, 10),
    'access.nonUsPersonsAccess': 'yes',
    // Issued every 90 days back to almost six years ago; a 3-year expiry on two in three.
    'certifications.held': Array.from({ length: 24 }, (_, k) => {
      const issued = addDays(asOf, -90 * k)
      return {
        type: types[k % types.length]!,
        issued,
        ...(k % 3 === 0 ? {} : { expires: addDays(issued, 1095) }),
        ...(k % 8 === 0 ? { edition: k % 16 === 0 ? '2013' : '2022' } : {}),
      }
    }),
  }
}

const PLACES = ['Lisbon', 'Manila', 'Pune', 'Monterrey', 'Kraków', 'Dublin', 'San Juan', 'Bogotá', 'Hà Nội', 'Austin']
const TRADES = ['Data Services', 'Coding Partners', 'Support Hub', 'Records', 'BPO', 'Analytics', 'Cloud Ops']
const DECISIONS: VendorDecisionKind[] = ['shortlisted', 'approved', 'rejected']

export type GeneratedEngagement = {
  engagementId: string
  invitationIds: string[]
  /** The first vendor: answers built for a long report (see `longReportAnswers`). */
  longReportInvitationId: string | undefined
}

export async function generateEngagement(
  db: Kysely<Database>,
  {
    organisationId,
    userId = null,
    vendors = 2000,
    seed = 20261129,
    asOf = nowIso().slice(0, 10),
    name = `Generated engagement (${vendors} vendors)`,
  }: {
    organisationId: string
    userId?: string | null
    vendors?: number
    seed?: number
    asOf?: string
    name?: string
  },
): Promise<GeneratedEngagement> {
  const { profile } = parseProfile(GENERATED_PROFILE)
  if (!profile) throw new Error('the generated profile is invalid')
  const random = mulberry32(seed)
  const now = nowIso()
  const engagementId = newId()
  const invitationIds: string[] = []

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('engagement')
      .values({
        id: engagementId,
        organisation_id: organisationId,
        name,
        description: 'Generated for the web benchmark: every vendor submitted and assessed.',
        due_date: null,
        questionnaire_id: coreQuestionnaire.id,
        questionnaire_version: coreQuestionnaire.version,
        created_by_user_id: userId,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await trx
      .insertInto('regulatory_profile')
      .values({
        id: newId(),
        engagement_id: engagementId,
        profile_json: JSON.stringify(profile),
        updated_by_user_id: userId,
        created_at: now,
        updated_at: now,
      })
      .execute()

    let batch = emptyBatch()
    for (let i = 0; i < vendors; i++) {
      const answers = i === 0 ? longReportAnswers(random, asOf) : vendorAnswers(random, asOf)
      const country = typeof answers['company.hqCountry'] === 'string' ? answers['company.hqCountry'] : 'US'
      const invitationId = newId()
      const responseId = newId()
      const submittedAt = new Date(Date.parse(now) - Math.floor(random() * 30 * 86_400_000)).toISOString()
      invitationIds.push(invitationId)
      batch.invitations.push({
        id: invitationId,
        organisation_id: organisationId,
        engagement_id: engagementId,
        vendor_company: `${PLACES[i % PLACES.length]} ${TRADES[Math.floor(random() * TRADES.length)]} ${String(i + 1).padStart(4, '0')}`,
        vendor_country: country,
        contact_name: `Contact ${i + 1}`,
        contact_email: `vendor-${i + 1}@generated.example`,
        token_hash: newSecretToken().tokenHash,
        status: 'submitted',
        expires_at: '2099-01-01T00:00:00.000Z',
        opened_at: submittedAt,
        started_at: submittedAt,
        submitted_at: submittedAt,
        last_activity_at: submittedAt,
        invited_by_user_id: userId,
        created_at: now,
      })
      batch.responses.push({
        id: responseId,
        invitation_id: invitationId,
        questionnaire_id: coreQuestionnaire.id,
        questionnaire_version: coreQuestionnaire.version,
        status: 'submitted',
        submitted_at: submittedAt,
        created_at: submittedAt,
        updated_at: submittedAt,
      })
      for (const [questionId, value] of Object.entries(answers)) {
        batch.answers.push({
          id: newId(),
          response_id: responseId,
          question_id: questionId,
          value_json: JSON.stringify(value),
          created_at: submittedAt,
          updated_at: submittedAt,
        })
      }
      const { assessment, trace } = assess({
        profile,
        questionnaire: coreQuestionnaire,
        answers,
        regimes: regimePacks,
        asOf,
      })
      batch.assessments.push(
        assessmentRow({ id: newId(), responseId, profile, assessment, trace, createdAt: submittedAt }),
      )
      if (random() < 0.2) {
        batch.decisions.push({
          id: newId(),
          organisation_id: organisationId,
          engagement_id: engagementId,
          invitation_id: invitationId,
          decision: DECISIONS[Math.floor(random() * DECISIONS.length)]!,
          comment: 'Generated decision',
          decided_by_user_id: userId,
          is_current: 1,
          created_at: now,
        })
      }
      // Written every VENDORS_PER_BATCH vendors: an assessment row carries tens of kilobytes of
      // result and trace, so 20,000 vendors held until the end would need gigabytes of memory.
      if (batch.invitations.length === VENDORS_PER_BATCH || i === vendors - 1) {
        await writeBatch(trx, batch)
        batch = emptyBatch()
      }
    }
  })
  return { engagementId, invitationIds, longReportInvitationId: invitationIds[0] }
}

const VENDORS_PER_BATCH = 250

type Batch = {
  invitations: Parameters<typeof insertInvitation>[1][]
  responses: Insertable<Database['response']>[]
  answers: Insertable<Database['answer']>[]
  assessments: Insertable<Database['assessment']>[]
  decisions: Insertable<Database['vendor_decision']>[]
}

function emptyBatch(): Batch {
  return { invitations: [], responses: [], answers: [], assessments: [], decisions: [] }
}

/** Multi-row inserts in chunks that stay well under SQLite's bound-parameter limit. */
async function writeBatch(trx: Kysely<Database>, batch: Batch) {
  for (const invitation of batch.invitations) await insertInvitation(trx, invitation)
  for (const chunk of chunks(batch.responses, 500)) await trx.insertInto('response').values(chunk).execute()
  for (const chunk of chunks(batch.answers, 1000)) await trx.insertInto('answer').values(chunk).execute()
  for (const chunk of chunks(batch.assessments, 200)) await trx.insertInto('assessment').values(chunk).execute()
  for (const chunk of chunks(batch.decisions, 500)) await trx.insertInto('vendor_decision').values(chunk).execute()
}

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

// As a command: generate into DATABASE_URL for an existing organisation (default: the demo one).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { getDb, closeDb, migrateToLatest } = await import('#app/db.server.ts')
  const db = getDb()
  await migrateToLatest(db)
  const vendors = Number(process.argv[2] ?? 2000)
  const organisationId = process.argv[3] ?? '00000000-0000-4000-8000-000000000001'
  const started = performance.now()
  const { engagementId } = await generateEngagement(db, { organisationId, vendors })
  console.log(
    `Engagement ${engagementId}: ${vendors} vendors in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  await closeDb()
}
