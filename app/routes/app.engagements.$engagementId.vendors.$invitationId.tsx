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
import { VendorReportView } from '#app/reports/components/vendor-report-view.tsx'
import { listReportVendors } from '#app/reports/queries.server.ts'
import { loadVendorReport } from '#app/reports/reports.server.ts'
import reportsCss from '#app/styles/reports.css?url'
import { parseFormData } from '#app/utils/forms.ts'
import { invariantResponse } from '#app/utils/http.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportsCss }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.report.vendor.company ?? 'Vendor'} · report · Shoreline` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const report = await loadVendorReport(getDb(), {
    organisationId: member.organisationId,
    engagementId: params.engagementId ?? '',
    invitationId: params.invitationId ?? '',
  })
  return { report, canDecide: can(member.role, 'decision:record') }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  if (intent !== 'decide') return data({ ok: false, message: 'Unknown action.', errors: undefined }, { status: 400 })
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
    return data({ ok: false, message: 'The decision was not recorded.', errors: parsed.errors }, { status: 400 })
  }
  const decision = await recordDecision(getDb(), { scope, userId: member.userId, input: parsed.data })
  return data({ ok: true, message: `Recorded: ${DECISION_LABELS[decision.decision]}.`, errors: undefined })
}

export default function VendorReportPage() {
  const { report, canDecide } = useLoaderData<typeof loader>()
  const base = `/app/engagements/${report.engagement.id}/vendors/${report.vendor.invitationId}`
  return (
    <VendorReportView
      report={report}
      actions={
        <p className="report-actions no-print">
          <a className="button" href={`${base}/report.pdf`} download>
            Download PDF
          </a>{' '}
          <a className="button secondary" href={`${base}/answers.csv`} download>
            Download answers (CSV)
          </a>{' '}
          <Link to={`/app/engagements/${report.engagement.id}`}>Back to the vendors</Link>
        </p>
      }
      decisionForm={canDecide ? <DecisionForm current={report.decision?.decision} /> : null}
    />
  )
}

function DecisionForm({ current }: { current: string | undefined }) {
  const actionData = useActionData<typeof action>()
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
