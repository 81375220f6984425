import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { can } from '#app/auth/auth.ts'
import { requireMember, requirePermission } from '#app/auth/require.server.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { getDb } from '#app/db.server.ts'
import { acceptRiskSchema } from '#app/remediation/acceptance.ts'
import { acceptRisk, withdrawRiskAcceptance } from '#app/remediation/acceptances.server.ts'
import { loadVendorRemediation } from '#app/remediation/remediation-page.server.ts'
import {
  RemediationNotFoundError,
  RemediationRefusedError,
  requireBuyerVendor,
} from '#app/remediation/requests.server.ts'
import { vendorScope } from '#app/remediation/scope.server.ts'
import remediationCss from '#app/styles/remediation.css?url'
import { parseFormData } from '#app/utils/forms.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { nowIso } from '#app/utils/ids.ts'
import { AcceptancesPanel } from './acceptances-panel.tsx'
import { RequestsList } from './requests-list.tsx'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: remediationCss }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.vendor.company ?? 'Vendor'} · requested changes and risk · Shoreline` },
]

/** A vendor's remediation requests (each item's state and the vendor's reply) and risk acceptances. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const page = await loadVendorRemediation(getDb(), vendorScope(member, params))
  invariantResponse(page, 'Vendor not found', { status: 404 })
  const sent = new URL(request.url).searchParams.get('request')
  return {
    ...page,
    canManage: can(member.role, 'remediation:manage'),
    today: nowIso().slice(0, 10),
    notice:
      sent === 'sent'
        ? 'Request sent: the vendor was emailed a link to its requested changes.'
        : sent === 'failed'
          ? 'Request saved, but its email could not be sent (see the Outbox).'
          : null,
  }
}

/** Accept a finding's risk, or withdraw an acceptance (managers and admins). */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requirePermission(request, 'remediation:manage')
  const scope = vendorScope(member, params)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const reply = (ok: boolean, message: string, status = 200, errors?: Record<string, string>) =>
    data({ ok, message, errors, ruleId: String(formData.get('ruleId') ?? '') }, { status })
  try {
    await requireBuyerVendor(getDb(), scope)
    if (intent === 'accept') {
      const parsed = parseFormData(acceptRiskSchema(nowIso().slice(0, 10)), formData)
      if (!parsed.ok) return reply(false, 'The acceptance was not recorded.', 400, parsed.errors)
      await acceptRisk(getDb(), { scope, userId: member.userId, input: parsed.data })
      return reply(true, `Risk accepted until ${parsed.data.endsOn}.`)
    }
    if (intent === 'withdraw') {
      await withdrawRiskAcceptance(getDb(), {
        scope,
        userId: member.userId,
        acceptanceId: String(formData.get('acceptanceId') ?? ''),
      })
      return reply(true, 'Acceptance withdrawn: the finding counts again.')
    }
    return reply(false, 'Unknown action.', 400)
  } catch (error) {
    if (error instanceof RemediationNotFoundError) throw new Response('Not found', { status: 404 })
    if (error instanceof RemediationRefusedError) return reply(false, error.message, error.status)
    throw error
  }
}

export default function VendorRemediationPage() {
  const page = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const base = `/app/engagements/${page.engagementId}/vendors/${page.vendor.invitationId}`
  return (
    <article aria-labelledby="remediation-title">
      <p>
        <Link to={base}>← {page.vendor.company}’s report</Link>
      </p>
      <h2 id="remediation-title">{`${page.vendor.company}: requested changes and accepted risks`}</h2>
      <p className="report-actions">
        {page.canManage && page.canRequest ? (
          <Link className="button" to={`${base}/remediation/new`}>
            Request changes
          </Link>
        ) : null}{' '}
        <Link to={`${base}/history`}>History</Link>
      </p>
      {page.notice ? (
        <div className="notice" role="status">
          {page.notice}
        </div>
      ) : null}
      {page.canManage && !page.canRequest ? <p className="muted">{page.cannotRequestReason}</p> : null}
      <RequestsList requests={page.requests} />
      <AcceptancesPanel
        findings={page.findings}
        acceptances={page.acceptances}
        canManage={page.canManage}
        today={page.today}
        reply={reply}
      />
    </article>
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
