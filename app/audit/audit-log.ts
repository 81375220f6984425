import { DECISION_LABELS, type Decision } from '../decisions/decision.ts'
import {
  CMMC_ASSESSMENT_QUESTION,
  DATA_CATEGORY_INFO,
  DFARS_CLOUD_SERVICE,
  FLAG_INFO,
  INDUSTRY_LABELS,
  PURPOSE_LABELS,
  VOLUME_FIELDS,
} from '../engagements/profile-form.ts'
import { countryName } from '../geography/countries.ts'
import { VERDICT_LABELS } from '../vocabulary/verdict.ts'
import { EXPORT_LABELS, type ExportKind } from './audit-filter.ts'

/**
 * The audit log in people's words (README decision 81): each stored event (an action key and a
 * JSON detail) becomes "who did what to which vendor", its detail labelled fields, and a profile
 * change the list of fields that changed, from → to. Client-safe: the page and the CSV use it.
 */

export type AuditEventRow = {
  id: string
  action: string
  actorType: string
  userName: string | null
  vendorCompany: string | null
  subjectType: string
  subjectId: string
  detailJson: string
  createdAt: string
}

/** Who acted, in words: a user's name, a vendor's company, or Shoreline itself. */
export function actorName(event: Pick<AuditEventRow, 'actorType' | 'userName' | 'vendorCompany'>): string {
  if (event.actorType === 'user') return event.userName ?? 'A former user'
  if (event.actorType === 'vendor') return `${event.vendorCompany ?? 'A vendor'} (vendor)`
  return 'Shoreline (automatic)'
}

type Detail = Record<string, unknown>

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

const decisionLabel = (value: unknown) => DECISION_LABELS[value as Decision] ?? String(value)
const verdictLabel = (value: unknown) => VERDICT_LABELS[value as keyof typeof VERDICT_LABELS] ?? String(value)

/**
 * What happened, as a sentence after the actor's name: "decided Norte S.A.: Rejected". `vendor` is
 * the company the event is about, when it is about one.
 */
export function describeAction(action: string, detail: Detail, vendor: string | undefined): string {
  const of = vendor ?? 'a vendor'
  switch (action) {
    case 'vendor.decided':
      return `decided ${of}: ${decisionLabel(detail.decision)}`
    case 'assessment.verdict-changed':
      return `changed the verdict of ${of} under a new rules release`
    case 'vendor.verdict-changed':
      return `re-assessed ${of}: the verdict changed from ${verdictLabel(detail.from)} to ${verdictLabel(detail.to)}`
    case 'assessment.recomputed':
      return `re-assessed ${count(detail.responses, 'submitted vendor')}${text(detail.reason) ? ` (${detail.reason})` : ''}`
    case 'certificate.ended':
      return `re-assessed ${of}: a certificate ended`
    case 'certificate.ending-notified':
      return `told ${of} that a certificate is ending`
    case 'engagement.created':
      return 'created the engagement'
    case 'engagement.archived':
      return 'archived the engagement'
    case 'engagement.restored':
      return 'restored the engagement'
    case 'profile.updated':
      return 'changed the regulatory profile'
    case 'engagement.risk-policy-changed':
      return 'changed the risk policy'
    case 'review.cadence-set':
      return 'set the review cadence'
    case 'review.invited':
      return `invited ${of} to its periodic review`
    case 'invitation.created':
      return `invited ${of}`
    case 'invitation.resent':
      return `sent ${of} a new link`
    case 'invitation.revoked':
      return `revoked the invitation of ${of}`
    case 'invitation.extended':
      return `extended the invitation of ${of}`
    case 'invitation.reminded':
      return `reminded ${of}`
    case 'invitation.opened':
      return 'opened the invitation link'
    case 'response.submitted':
      return 'submitted the questionnaire'
    case 'response.reopened':
      return `reopened the questionnaire of ${of}`
    case 'evidence.added':
      return 'uploaded a file'
    case 'evidence.deleted':
      return 'deleted a file'
    case 'vendor.language-changed':
      return 'changed the language of its emails'
    case 'remediation.requested':
      return `requested changes from ${of}`
    case 'remediation.vendor-replied':
      return 'replied to requested changes'
    case 'remediation.overdue':
      return `marked the changes requested from ${of} overdue`
    case 'remediation.reminded':
      return `reminded ${of} of requested changes`
    case 'risk.accepted':
      return `accepted a risk of ${of}`
    case 'risk.acceptance-withdrawn':
      return `withdrew an accepted risk of ${of}`
    case 'risk.acceptance-lapsed':
      return `ended an accepted risk of ${of} (its term is over)`
    case 'export.downloaded': {
      const what = EXPORT_LABELS[detail.kind as ExportKind] ?? 'a file'
      return vendor ? `downloaded ${what} of ${vendor}` : `downloaded ${what}`
    }
    default:
      return humanise(action.replace(/[.-]/g, ' '))
  }
}

function count(value: unknown, noun: string): string {
  const n = typeof value === 'number' ? value : 0
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** Field labels of the details stored with events (any other key is turned into words). */
const DETAIL_LABELS: Record<string, string> = {
  comment: 'Comment',
  name: 'Name',
  dueDate: 'Due date',
  dueOn: 'Due on',
  answerBy: 'Answer by',
  contactEmail: 'Contact email',
  email: 'Email',
  role: 'Role',
  months: 'Months between reviews',
  tier: 'Tier',
  reason: 'Reason',
  message: 'Message',
  fileName: 'File',
  size: 'Size (bytes)',
  questionId: 'Question',
  certificate: 'Certificate',
  validUntil: 'Valid until',
  ruleId: 'Rule',
  ruleIds: 'Rules',
  endsOn: 'Ends on',
  items: 'Items',
  emailStatus: 'Email',
  kind: 'Kind',
  summary: 'Summary',
  from: 'From',
  to: 'To',
  filter: 'Filter',
  rows: 'Rows',
}

/** Detail keys that are ids or internals, or already said by the sentence. */
const HIDDEN_DETAIL = new Set([
  'invitationId',
  'vendorCompany',
  'previousAssessmentId',
  'assessmentId',
  'sha256',
  'decision',
  'before',
  'after',
  'because',
  'changes',
  'responses',
])

function humanise(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function formatValue(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (Array.isArray(value)) return value.map((v) => formatValue(v) ?? '').join(', ')
  if (typeof value === 'object') return undefined
  return String(value)
}

/** The event's details as labelled lines ("Comment: …"); a profile change lists its changed fields. */
export function describeDetail(action: string, detail: Detail): string[] {
  if (action === 'profile.updated') return describeProfileChanges(detail.before, detail.after)
  if (action === 'engagement.risk-policy-changed') return describeChanges(detail.before, detail.after, humanise)
  if (action === 'assessment.verdict-changed' && text(detail.summary)) return [String(detail.summary)]
  if (action === 'export.downloaded') return text(detail.file) ? [`File: ${detail.file}`] : []
  const lines: string[] = []
  for (const [key, value] of Object.entries(detail)) {
    if (HIDDEN_DETAIL.has(key) || key === 'file') continue
    if (action === 'vendor.verdict-changed' && (key === 'from' || key === 'to')) continue
    const shown = formatValue(value)
    if (shown !== undefined) lines.push(`${DETAIL_LABELS[key] ?? humanise(key)}: ${shown}`)
  }
  return lines
}

type ProfileLike = {
  homeCountry?: string
  industry?: string
  dataCategories?: string[]
  volumes?: Record<string, number>
  flags?: Record<string, unknown>
  purposes?: string[]
}

const label = <T extends Record<string, unknown>>(labels: T, key: string, pick?: (v: T[keyof T]) => string) => {
  const found = labels[key as keyof T]
  if (found === undefined) return humanise(key)
  return pick ? pick(found) : String(found)
}

/**
 * A regulatory profile change, field by field, in the profile page's words:
 * "Industry: Healthcare → Banking", "Data categories: added Customers’ financial information (GLBA)".
 */
export function describeProfileChanges(beforeValue: unknown, afterValue: unknown): string[] {
  const before = (beforeValue ?? {}) as ProfileLike
  const after = (afterValue ?? {}) as ProfileLike
  const lines: string[] = []
  if (before.homeCountry !== after.homeCountry) {
    lines.push(`Home country: ${country(before.homeCountry)} → ${country(after.homeCountry)}`)
  }
  if (before.industry !== after.industry) {
    lines.push(`Industry: ${industry(before.industry)} → ${industry(after.industry)}`)
  }
  const categories = setChange(before.dataCategories, after.dataCategories, (c) =>
    label(DATA_CATEGORY_INFO, c, (info) => (info as { label: string }).label),
  )
  if (categories) lines.push(`Data categories: ${categories}`)
  const purposes = setChange(before.purposes, after.purposes, (p) => label(PURPOSE_LABELS, p))
  if (purposes) lines.push(`Purposes: ${purposes}`)
  for (const field of new Set([...Object.keys(before.volumes ?? {}), ...Object.keys(after.volumes ?? {})])) {
    const from = before.volumes?.[field] ?? 0
    const to = after.volumes?.[field] ?? 0
    if (from !== to) {
      const name = label(VOLUME_FIELDS, field, (info) => (info as { label: string }).label)
      lines.push(`${name}: ${from.toLocaleString('en-US')} → ${to.toLocaleString('en-US')}`)
    }
  }
  lines.push(...describeChanges(before.flags, after.flags, (flag) => label(PROFILE_FLAG_LABELS, flag), true))
  return lines
}

const PROFILE_FLAG_LABELS: Record<string, string> = {
  ...FLAG_INFO,
  cmmcLevel: 'CMMC level',
  cmmcAssessment: CMMC_ASSESSMENT_QUESTION.label,
  bankRegulated: 'Supervised for GLBA by a bank regulator (OCC, Federal Reserve, FDIC)',
  dfarsCloudService: DFARS_CLOUD_SERVICE.label,
}

/** Unset and its default (no, 0, empty) are the same answer: a form that adds the field changes nothing. */
function unset(value: unknown): boolean {
  return value === undefined || value === null || value === false || value === 0 || value === ''
}

function describeChanges(
  beforeValue: unknown,
  afterValue: unknown,
  name: (key: string) => string,
  defaultsAreUnset = false,
): string[] {
  const before = (beforeValue ?? {}) as Record<string, unknown>
  const after = (afterValue ?? {}) as Record<string, unknown>
  const lines: string[] = []
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue
    if (defaultsAreUnset && unset(before[key]) && unset(after[key])) continue
    lines.push(`${name(key)}: ${formatValue(before[key]) ?? 'not set'} → ${formatValue(after[key]) ?? 'not set'}`)
  }
  return lines
}

function country(code: string | undefined): string {
  if (!code) return 'not set'
  try {
    return countryName(code)
  } catch {
    return code
  }
}

function industry(value: string | undefined): string {
  return value ? label(INDUSTRY_LABELS, value) : 'not set'
}

function setChange(before: string[] = [], after: string[] = [], name: (key: string) => string): string | undefined {
  const added = after.filter((x) => !before.includes(x)).map(name)
  const removed = before.filter((x) => !after.includes(x)).map(name)
  const parts = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : '']
  const said = parts.filter(Boolean).join('; ')
  return said || undefined
}

/** One event as the page and the CSV show it. */
export type ReadableAuditEvent = {
  id: string
  at: string
  who: string
  what: string
  sentence: string
  details: string[]
  vendor: string | undefined
}

/** The invitation an event names, as its subject or in its detail. */
export function namedInvitationId(
  event: Pick<AuditEventRow, 'subjectType' | 'subjectId' | 'detailJson'>,
): string | undefined {
  if (event.subjectType === 'invitation') return event.subjectId
  const detail = parseDetail(event.detailJson)
  return typeof detail.invitationId === 'string' ? detail.invitationId : undefined
}

/**
 * The vendor an event is about: the actor when a vendor acted, the invitation it names (as its
 * subject or in its detail), looked up in `vendorNames` (invitation id → company).
 */
export function readableEvent(event: AuditEventRow, vendorNames: ReadonlyMap<string, string>): ReadableAuditEvent {
  const detail = parseDetail(event.detailJson)
  const invitationId = namedInvitationId(event)
  const vendor =
    (invitationId ? vendorNames.get(invitationId) : undefined) ??
    text(detail.vendorCompany) ??
    (event.actorType === 'vendor' ? (event.vendorCompany ?? undefined) : undefined)
  const who = actorName(event)
  const what = describeAction(event.action, detail, vendor)
  return {
    id: event.id,
    at: event.createdAt.slice(0, 19).replace('T', ' '),
    who,
    what,
    sentence: `${who.replace(/ \(automatic\)$/, '')} ${what}`,
    details: describeDetail(event.action, detail),
    vendor,
  }
}

function parseDetail(json: string): Detail {
  try {
    const parsed = JSON.parse(json) as unknown
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Detail) : {}
  } catch {
    return {}
  }
}

export const AUDIT_CSV_HEADER = ['When (UTC)', 'Who', 'What', 'Vendor', 'Details'] as const

export function auditCsvRows(events: readonly ReadableAuditEvent[]): string[][] {
  return events.map((e) => [e.at, e.who, e.what, e.vendor ?? '', e.details.join('; ')])
}
