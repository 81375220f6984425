import type { Migration } from 'kysely'
import * as createAccounts from './2026-11-22T0900_create_accounts.ts'
import * as createEngagements from './2026-11-22T0910_create_engagements.ts'
import * as createInvitationsAndResponses from './2026-11-22T0920_create_invitations_and_responses.ts'
import * as createAssessments from './2026-11-22T0930_create_assessments.ts'
import * as createAuditAndOutbox from './2026-11-22T0940_create_audit_and_outbox.ts'
import * as addInvitationReminders from './2026-11-23T0900_add_invitation_reminders.ts'
import * as createVendorDecisions from './2026-11-29T0900_create_vendor_decisions.ts'
import * as addInvitationLanguage from './2026-11-29T0910_add_invitation_language.ts'
import * as indexCurrentAssessmentSummary from './2026-11-29T2300_index_current_assessment_summary.ts'
import * as createEngagementRevision from './2026-11-30T0100_create_engagement_revision.ts'
import * as createJobs from './2026-12-02T0900_create_jobs.ts'
import * as createSessions from './2026-12-02T1000_create_sessions.ts'
import * as createPasswordReset from './2026-12-02T1010_create_password_reset.ts'
import * as createRateLimit from './2026-12-02T1020_create_rate_limit.ts'
import * as createInvitationSummary from './2026-12-02T1200_create_invitation_summary.ts'
import * as indexDashboardStatusAndModel from './2026-12-02T1210_index_dashboard_status_and_model.ts'
import * as moveEngagementsToQuestionnaireV2 from './2026-12-02T1300_move_engagements_to_questionnaire_v2.ts'
import * as indexCurrentAssessmentStamps from './2026-12-02T1310_index_current_assessment_stamps.ts'
import * as indexAuditEventAction from './2026-12-02T1320_index_audit_event_action.ts'
import * as addRiskAppetite from './2026-12-02T1400_add_risk_appetite.ts'
import * as createRemediationAndReview from './2026-12-02T1700_create_remediation_and_review.ts'
import * as addAuditorRole from './2026-12-02T1810_add_auditor_role.ts'
import * as indexNewestJudgedAssessment from './2026-12-02T1900_index_newest_judged_assessment.ts'
import * as indexAssessmentCreatedAt from './2026-12-03T0600_index_assessment_created_at.ts'
import * as addAppetiteToInvitationSummary from './2026-12-03T0610_add_appetite_to_invitation_summary.ts'
import * as spreadEngagementRevisionOverShards from './2026-12-03T0900_spread_engagement_revision_over_shards.ts'

/**
 * Every migration, by name. A static record rather than Kysely's FileMigrationProvider, so the same
 * list works in the bundled server, in tsx scripts and in Vitest (STACK.md, gotcha 4). Names sort
 * in the order they run; a landed migration is never edited, a change is a new file here.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0900_create_accounts': createAccounts,
  '2026-11-22T0910_create_engagements': createEngagements,
  '2026-11-22T0920_create_invitations_and_responses': createInvitationsAndResponses,
  '2026-11-22T0930_create_assessments': createAssessments,
  '2026-11-22T0940_create_audit_and_outbox': createAuditAndOutbox,
  '2026-11-23T0900_add_invitation_reminders': addInvitationReminders,
  '2026-11-29T0900_create_vendor_decisions': createVendorDecisions,
  '2026-11-29T0910_add_invitation_language': addInvitationLanguage,
  '2026-11-29T2300_index_current_assessment_summary': indexCurrentAssessmentSummary,
  '2026-11-30T0100_create_engagement_revision': createEngagementRevision,
  '2026-12-02T0900_create_jobs': createJobs,
  '2026-12-02T1000_create_sessions': createSessions,
  '2026-12-02T1010_create_password_reset': createPasswordReset,
  '2026-12-02T1020_create_rate_limit': createRateLimit,
  '2026-12-02T1200_create_invitation_summary': createInvitationSummary,
  '2026-12-02T1210_index_dashboard_status_and_model': indexDashboardStatusAndModel,
  '2026-12-02T1300_move_engagements_to_questionnaire_v2': moveEngagementsToQuestionnaireV2,
  '2026-12-02T1310_index_current_assessment_stamps': indexCurrentAssessmentStamps,
  '2026-12-02T1320_index_audit_event_action': indexAuditEventAction,
  '2026-12-02T1400_add_risk_appetite': addRiskAppetite,
  '2026-12-02T1700_create_remediation_and_review': createRemediationAndReview,
  '2026-12-02T1810_add_auditor_role': addAuditorRole,
  '2026-12-02T1900_index_newest_judged_assessment': indexNewestJudgedAssessment,
  '2026-12-03T0600_index_assessment_created_at': indexAssessmentCreatedAt,
  '2026-12-03T0610_add_appetite_to_invitation_summary': addAppetiteToInvitationSummary,
  '2026-12-03T0900_spread_engagement_revision_over_shards': spreadEngagementRevisionOverShards,
}
