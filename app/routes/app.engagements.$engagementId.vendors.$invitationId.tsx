import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { can } from '#app/auth/auth.ts'
import { requireMember, requirePermission } from '#app/auth/require.server.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { getDb } from '#app/db.server.ts'
import { DECISION_LABELS, DECISIONS, DecisionSchema, MAX_DECISION_COMMENT } from '#app/decisions/decision.ts'
import { recordDecision } from '#app/decisions/decisions.server.ts'
import { InvitationActionSchema } from '#app/invitations/invitation.ts'
import { requireInvitationContext } from '#app/invitations/invitation-context.server.ts'
import { InvitationPanel } from '#app/invitations/invitation-panel.tsx'
import {
  InvitationClosedError,
  InvitationNotFoundError,
  loadInvitationPanel,
  performInvitationAction,
} from '#app/invitations/invitations.server.ts'
import { VendorReportView } from '#app/reports/components/vendor-report-view.tsx'
import { listReportVendors } from '#app/reports/queries.server.ts'
import { loadVendorReport } from '#app/reports/reports.server.ts'
import remediationCss from '#app/styles/remediation.css?url'
import reportsCss from '#app/styles/reports.css?url'
import { parseFormData } from '#app/utils/forms.ts'
import { invariantResponse } from '#app/utils/http.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: reportsCss },
  { rel: 'stylesheet', href: remediationCss },
]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.report.vendor.company ?? 'Vendor'} · report · Shoreline` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const scope = {
    organisationId: member.organisationId,
    engagementId: params.engagementId ?? '',
    invitationId: params.invitationId ?? '',
  }
  const [report, invitation] = await Promise.all([
    loadVendorReport(getDb(), scope),
    loadInvitationPanel(getDb(), scope),
  ])
  invariantResponse(invitation, 'Vendor not found', { status: 404 })
  return { report, invitation, canDecide: can(member.role, 'decision:record') }
}

/** A decision on the vendor (managers and admins), or an action on its invitation (any member). */
export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  return intent === 'decide' ? decide(request, params, formData) : manageInvitation(request, params, formData)
}

async function decide(request: Request, params: ActionFunctionArgs['params'], formData: FormData) {
  const intent = 'decide'
  // Members work on engagements; recording a decision is a manager's (or admin's) call.
  const member = await requirePermission(request, 'decision:record')
  const scope = {
    organisationId: member.organisationId,
    engagementId: params.engagementId ?? '',
    invitationId: params.invitationId ?? '',
  }
  const [vendor] = await listReportVendors(getDb(), { ...scope, invitationIds: [scope.invitationId] })
  invariantResponse(vendor, 'Vendor not found', { status: 404 })
  const parsed = parseFormData(DecisionSchema, formData)
  if (!parsed.ok) {
    return data(
      { intent, ok: false, message: 'The decision was not recorded.', errors: parsed.errors },
      { status: 400 },
    )
  }
  const decision = await recordDecision(getDb(), { scope, userId: member.userId, input: parsed.data })
  return data({ intent, ok: true, message: `Recorded: ${DECISION_LABELS[decision.decision]}.`, errors: undefined })
}

async function manageInvitation(request: Request, params: ActionFunctionArgs['params'], formData: FormData) {
  const { engagement, buyer, origin } = await requireInvitationContext(request, params.engagementId)
  const intent = String(formData.get('intent') ?? '')
  const reply = (ok: boolean, message: string, status = 200) =>
    data({ intent, ok, message, errors: undefined }, { status })
  if (engagement.status === 'archived')
    return reply(false, 'This engagement is archived. Restore it to change its invitations.', 409)
  const parsed = parseFormData(InvitationActionSchema, formData)
  if (!parsed.ok) {
    const message = parsed.errors.intent ? 'Unknown action.' : Object.values(parsed.errors).join(' ')
    return reply(false, message, 400)
  }
  try {
    const invitationId = params.invitationId ?? ''
    const done = await performInvitationAction(getDb(), { engagement, buyer, origin, invitationId }, parsed.data)
    return reply(done.ok, done.message)
  } catch (error) {
    if (error instanceof InvitationNotFoundError) throw new Response('Vendor not found', { status: 404 })
    if (error instanceof InvitationClosedError) return reply(false, error.message, 409)
    throw error
  }
}

export default function VendorReportPage() {
  const { report, invitation, canDecide } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const base = `/app/engagements/${report.engagement.id}/vendors/${report.vendor.invitationId}`
  return (
    <VendorReportView
      report={report}
      actions={
        <>
          <p className="report-actions no-print">
            <a className="button" href={`${base}/report.pdf`} download>
              Download PDF
            </a>{' '}
            <a className="button secondary" href={`${base}/answers.csv`} download>
              Download answers (CSV)
            </a>{' '}
            <Link to={`${base}/remediation`}>Requested changes and risks</Link>{' '}
            <Link to={`${base}/history`}>History</Link>{' '}
            <Link to={`/app/engagements/${report.engagement.id}/audit?actor=vendor:${report.vendor.invitationId}`}>
              What this vendor did (audit log)
            </Link>{' '}
            <Link to={`/app/engagements/${report.engagement.id}`}>Back to the vendors</Link>
          </p>
          <InvitationPanel invitation={invitation} reply={reply?.intent === 'decide' ? undefined : reply} />
        </>
      }
      decisionForm={canDecide ? <DecisionForm current={report.decision?.decision} /> : null}
    />
  )
}

function DecisionForm({ current }: { current: string | undefined }) {
  const reply = useActionData<typeof action>()
  const actionData = reply?.intent === 'decide' ? reply : undefined
  const navigation = useNavigation()
  const form = useValidatedForm(DecisionSchema, actionData?.errors)
  const decisionError = form.errorFor('decision')
  const commentError = form.errorFor('comment')
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="decision-form no-print">
      <input type="hidden" name="intent" value="decide" />
      {actionData?.message ? (
        <div className={actionData.ok ? 'notice' : 'form-error'} role="status">
          {actionData.message}
        </div>
      ) : null}
      <fieldset aria-describedby={decisionError ? 'decision-error' : undefined}>
        <legend>Record a decision</legend>
        <div className="choices inline">
          {DECISIONS.map((d) => (
            <label key={d}>
              <input type="radio" value={d} defaultChecked={d === current} {...form.form.register('decision')} />{' '}
              {d === 'shortlisted' ? 'Shortlist' : d === 'approved' ? 'Approve' : 'Reject'}
            </label>
          ))}
        </div>
        {decisionError ? (
          <p className="field-error" id="decision-error">
            {decisionError}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor="decision-comment">Comment (required to reject)</label>
        <textarea
          id="decision-comment"
          rows={3}
          maxLength={MAX_DECISION_COMMENT}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentError ? 'comment-error' : undefined}
          {...form.form.register('comment')}
        />
        {commentError ? (
          <p className="field-error" id="comment-error">
            {commentError}
          </p>
        ) : null}
      </div>
      <button className="primary" type="submit" disabled={navigation.state === 'submitting'}>
        Record decision
      </button>
    </Form>
  )
}

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: () => (
          <>
            <h2>Vendor not found</h2>
            <p>It does not exist, or it belongs to another engagement or organisation.</p>
          </>
        ),
      }}
    />
  )
}
