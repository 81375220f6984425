import type { Generated } from 'kysely'

/**
 * Row types of the database, written by hand to match db/migrations (see README, Decisions).
 * SQLite stores booleans as 0/1 integers, timestamps as ISO-8601 text and JSON as text; domain
 * modules map rows to domain types at the service boundary.
 */

export type Role = 'admin' | 'manager' | 'member' | 'auditor'

export interface OrganisationTable {
  id: string
  name: string
  created_at: string
  updated_at: string
}

export interface UserTable {
  id: string
  email: string
  name: string
  password_hash: string
  created_at: string
  updated_at: string
}

export interface MembershipTable {
  id: string
  organisation_id: string
  user_id: string
  role: Role
  created_at: string
}

export interface TeammateInvitationTable {
  id: string
  organisation_id: string
  email: string
  role: Role
  token_hash: string
  invited_by_user_id: string | null
  expires_at: string
  accepted_at: string | null
  revoked_at: string | null
  created_at: string
}

export interface SignupRequestTable {
  id: string
  email: string
  name: string
  organisation_name: string
  password_hash: string
  token_hash: string
  expires_at: string
  completed_at: string | null
  created_at: string
}

export interface EngagementTable {
  id: string
  organisation_id: string
  name: string
  description: Generated<string>
  due_date: string | null
  questionnaire_id: string
  questionnaire_version: number
  status: Generated<'active' | 'archived'>
  created_by_user_id: string | null
  /** Months between vendor reviews; null follows the engagement's inherent tier. */
  review_cadence_months: Generated<number | null>
  created_at: string
  updated_at: string
  /** The highest residual risk the engagement accepts (app/appetite/policy.ts). */
  risk_appetite: Generated<'low' | 'medium' | 'high'>
  /** JSON array of rule ids whose findings the engagement treats as blockers. */
  blocking_rules_json: Generated<string>
}

export interface RegulatoryProfileTable {
  id: string
  engagement_id: string
  profile_json: string
  updated_by_user_id: string | null
  created_at: string
  updated_at: string
}

export type InvitationStatus = 'invited' | 'opened' | 'in-progress' | 'submitted' | 'reopened' | 'revoked' | 'expired'

export interface InvitationTable {
  id: string
  organisation_id: string
  engagement_id: string
  vendor_company: string
  vendor_country: string
  contact_name: string
  contact_email: string
  token_hash: string
  status: Generated<InvitationStatus>
  expires_at: string
  opened_at: string | null
  started_at: string | null
  submitted_at: string | null
  reopened_at: string | null
  revoked_at: string | null
  last_activity_at: string | null
  invited_by_user_id: string | null
  last_reminder_at: string | null
  last_reminder_kind: 'due-soon' | 'overdue' | null
  /** Status of the last invitation or reminder email: shown so a failed send can be retried. */
  last_email_status: 'sent' | 'outbox' | 'failed' | null
  /** Bumped by "resend": links and vendor sessions of an older generation are dead. */
  link_generation: Generated<number>
  /** en | es | zh: the language of emails to this vendor. */
  language: Generated<'en' | 'es' | 'zh'>
  created_at: string
  updated_at: string
}

export interface InvitationLinkTable {
  id: string
  invitation_id: string
  token_hash: string
  generation: number
  created_at: string
}

export interface ResponseTable {
  id: string
  invitation_id: string
  questionnaire_id: string
  questionnaire_version: number
  status: Generated<'draft' | 'submitted'>
  submitted_at: string | null
  created_at: string
  updated_at: string
}

export interface AnswerTable {
  id: string
  response_id: string
  question_id: string
  value_json: string
  version: Generated<number>
  created_at: string
  updated_at: string
}

export interface EvidenceTable {
  id: string
  response_id: string
  question_id: string
  file_name: string
  content_type: string
  size_bytes: number
  sha256: string
  storage_key: string
  certificate_type: string | null
  issued_on: string | null
  expires_on: string | null
  created_at: string
  deleted_at: string | null
}

export interface AssessmentTable {
  id: string
  response_id: string
  engine_version: string
  rules_version: string
  questionnaire_id: string
  questionnaire_version: number
  as_of: string
  score: number
  verdict: 'approve' | 'approve-with-conditions' | 'reject'
  location_class: string
  model: string
  blocker_count: Generated<number>
  condition_count: Generated<number>
  profile_json: string
  result_json: string
  trace_json: string
  /** The answers this assessment was made from (null before 2026-12-02T1700). */
  answers_json: Generated<string | null>
  is_current: Generated<number>
  created_at: string
  /** Contract v1.1's residual risk (null: assessed before it was stored). */
  residual_risk: 'low' | 'medium' | 'high' | 'critical' | null
  /** What the engagement's risk policy made of it when it was made (app/appetite/policy.ts). */
  buyer_action: 'within-appetite' | 'remediate-first' | 'not-allowed' | null
  /** The fewest vendor changes that would bring it within appetite: 0 when it is, null when none found. */
  qualify_changes: number | null
  /** The stored judgement (app/appetite/judgement.ts: AppetiteJudgement), null before it was stored. */
  appetite_json: string | null
}

export type VendorDecisionKind = 'shortlisted' | 'approved' | 'rejected'

export interface VendorDecisionTable {
  id: string
  organisation_id: string
  engagement_id: string
  invitation_id: string
  decision: VendorDecisionKind
  comment: Generated<string>
  decided_by_user_id: string | null
  is_current: Generated<number>
  created_at: string
}

export interface AuditEventTable {
  id: string
  organisation_id: string | null
  engagement_id: string | null
  actor_type: 'user' | 'vendor' | 'system'
  actor_user_id: string | null
  actor_invitation_id: string | null
  action: string
  subject_type: string
  subject_id: string
  detail_json: Generated<string>
  created_at: string
}

export interface OutboundEmailTable {
  id: string
  organisation_id: string | null
  kind: string
  to_address: string
  subject: string
  text_body: string
  html_body: string | null
  status: 'outbox' | 'queued' | 'sent' | 'failed'
  attempts: Generated<number>
  last_error: string | null
  invitation_id: string | null
  created_at: string
  sent_at: string | null
}

export interface HealthCheckTable {
  id: number
  checked_at: string
}

/** Moved forward by triggers on every write to what an engagement's dashboard shows (see its migration). */
export interface EngagementRevisionTable {
  engagement_id: string
  revision: Generated<number>
}

/**
 * More of an engagement's revision, spread over rows so that concurrent writers on PostgreSQL do
 * not queue for one row (migration 2026-12-03T0900): the revision is the engagement_revision row's
 * number plus the sum of these. Empty on SQLite.
 */
export interface EngagementRevisionShardTable {
  engagement_id: string
  shard: number
  revision: Generated<number>
}

export type JobState = 'queued' | 'running' | 'done' | 'failed'

export interface JobTable {
  id: string
  name: string
  singleton_key: string | null
  payload_json: string
  state: JobState
  run_at: string
  attempts: number
  max_attempts: number
  locked_by: string | null
  locked_until: string | null
  last_error: string | null
  created_at: string
  updated_at: string
  finished_at: string | null
}

/** A buyer's server-side session; the cookie holds the id, the table its SHA-256 (id_hash). */
export interface UserSessionTable {
  id_hash: string
  user_id: string
  organisation_id: string
  created_at: string
  last_seen_at: string
  /** The absolute end: 12 hours after login. */
  expires_at: string
}

/** A vendor's server-side session, bound to one invitation and link generation. */
export interface VendorSessionTable {
  id_hash: string
  invitation_id: string
  link_generation: number
  created_at: string
  last_seen_at: string
}

export interface PasswordResetTable {
  id: string
  user_id: string
  token_hash: string
  expires_at: string
  used_at: string | null
  created_at: string
}

/** rate-limiter-flexible's counters (its SQLite/PostgreSQL store shape); `expire` is epoch ms. */
export interface RateLimitTable {
  key: string
  points: number
  expire: number | null
}

/**
 * One row per invitation with what the engagement dashboard filters, sorts and counts on, kept by
 * triggers from invitation, assessment (the current one) and vendor_decision (see its migration).
 */
export interface InvitationSummaryTable {
  engagement_id: string
  invitation_id: string
  vendor_company: string
  contact_email: string
  status: InvitationStatus
  expires_at: string
  submitted_at: string | null
  score: number | null
  verdict: AssessmentTable['verdict'] | null
  location_class: string | null
  model: string | null
  blocker_count: number | null
  condition_count: number | null
  assessed_as_of: string | null
  decision: VendorDecisionKind | null
  decided_at: string | null
  /** The current assessment's judgement under the engagement's appetite (2026-12-03T0610). */
  buyer_action: AssessmentTable['buyer_action']
  qualify_changes: number | null
  residual_risk: AssessmentTable['residual_risk']
}

export type RemediationItemState = 'open' | 'answered' | 'resolved' | 'disputed' | 'overdue'
export type RemediationReplyKind = 'changed' | 'will-fix' | 'dispute'

/** Findings a manager sent back to a vendor with a due date and a message (app/remediation). */
export interface RemediationRequestTable {
  id: string
  organisation_id: string
  engagement_id: string
  invitation_id: string
  assessment_id: string
  message: Generated<string>
  due_on: string
  status: Generated<'open' | 'closed'>
  created_by_user_id: string | null
  last_reminder_at: string | null
  vendor_sent_at: string | null
  created_at: string
  updated_at: string
}

export interface RemediationItemTable {
  id: string
  request_id: string
  position: number
  rule_id: string
  finding_json: string
  question_ids_json: string
  state: Generated<RemediationItemState>
  reply_kind: RemediationReplyKind | null
  reply_text: string | null
  fix_by: string | null
  replied_at: string | null
  resolved_at: string | null
  updated_at: string
}

/** A finding accepted by a manager with a justification, until `ends_on` (inclusive). */
export interface RiskAcceptanceTable {
  id: string
  organisation_id: string
  engagement_id: string
  invitation_id: string
  rule_id: string
  justification: string
  ends_on: string
  created_by_user_id: string | null
  created_at: string
  withdrawn_at: string | null
  lapsed_at: string | null
}

/** One review invitation sent (or claimed) per vendor and due date. */
export interface VendorReviewTable {
  id: string
  invitation_id: string
  due_on: string
  email_status: string | null
  created_at: string
}

/** One certificate notice per vendor, certificate, end date and kind (60/30/7 days before, ended). */
export interface CertificateNoticeTable {
  id: string
  invitation_id: string
  certificate_type: string
  valid_until: string
  kind: '60' | '30' | '7' | 'ended'
  email_status: string | null
  created_at: string
}

/** A member's last two visits to an engagement's dashboard. */
export interface EngagementVisitTable {
  user_id: string
  engagement_id: string
  previous_seen_at: string | null
  seen_at: string
}

export interface Database {
  organisation: OrganisationTable
  user: UserTable
  membership: MembershipTable
  teammate_invitation: TeammateInvitationTable
  signup_request: SignupRequestTable
  engagement: EngagementTable
  regulatory_profile: RegulatoryProfileTable
  invitation: InvitationTable
  invitation_link: InvitationLinkTable
  response: ResponseTable
  answer: AnswerTable
  evidence: EvidenceTable
  assessment: AssessmentTable
  vendor_decision: VendorDecisionTable
  audit_event: AuditEventTable
  outbound_email: OutboundEmailTable
  health_check: HealthCheckTable
  engagement_revision: EngagementRevisionTable
  engagement_revision_shard: EngagementRevisionShardTable
  job: JobTable
  user_session: UserSessionTable
  vendor_session: VendorSessionTable
  password_reset: PasswordResetTable
  rate_limit: RateLimitTable
  invitation_summary: InvitationSummaryTable
  remediation_request: RemediationRequestTable
  remediation_item: RemediationItemTable
  risk_acceptance: RiskAcceptanceTable
  vendor_review: VendorReviewTable
  certificate_notice: CertificateNoticeTable
  engagement_visit: EngagementVisitTable
}
