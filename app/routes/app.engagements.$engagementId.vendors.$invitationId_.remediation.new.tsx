import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requirePermission } from '#app/auth/require.server.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormError } from '#app/components/field.tsx'
import { getDb } from '#app/db.server.ts'
import { getEnv } from '#app/env.server.ts'
import { MAX_MESSAGE, newRequestSchema } from '#app/remediation/remediation.ts'
import {
  loadNewRequestForm,
  RemediationNotFoundError,
  RemediationRefusedError,
  requireBuyerVendor,
  sendRemediationRequest,
} from '#app/remediation/requests.server.ts'
import { vendorScope } from '#app/remediation/scope.server.ts'
import remediationCss from '#app/styles/remediation.css?url'
import { fieldErrorsOf } from '#app/utils/forms.ts'
import { nowIso } from '#app/utils/ids.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: remediationCss }]

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Request changes · ${data?.vendor?.company ?? 'Vendor'} · Shoreline` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requirePermission(request, 'remediation:manage')
  const scope = vendorScope(member, params)
  try {
    const form = await loadNewRequestForm(getDb(), scope)
    return { ...form, refused: null, today: nowIso().slice(0, 10), scope }
  } catch (error) {
    if (error instanceof RemediationNotFoundError) throw new Response('Vendor not found', { status: 404 })
    if (error instanceof RemediationRefusedError)
      return data(
        { vendor: null, findings: [], refused: error.message, today: nowIso().slice(0, 10), scope },
        { status: error.status },
      )
    throw error
  }
}

/** One request: the findings ticked, a due date not in the past, a message. 4xx and nothing sent otherwise. */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requirePermission(request, 'remediation:manage')
  const scope = vendorScope(member, params)
  try {
    await requireBuyerVendor(getDb(), scope)
  } catch (error) {
    if (error instanceof RemediationNotFoundError) throw new Response('Vendor not found', { status: 404 })
    throw error
  }
  const formData = await request.formData()
  const today = nowIso().slice(0, 10)
  const parsed = newRequestSchema(today).safeParse({
    ruleIds: formData.getAll('ruleId').map(String),
    dueOn: String(formData.get('dueOn') ?? ''),
    message: String(formData.get('message') ?? ''),
  })
  if (!parsed.success) {
    return data({ message: 'Nothing was sent.', errors: fieldErrorsOf(parsed.error) }, { status: 400 })
  }
  try {
    const sent = await sendRemediationRequest(getDb(), {
      scope,
      userId: member.userId,
      input: parsed.data,
      origin: getEnv().publicUrl,
    })
    const note = sent.emailStatus === 'failed' ? 'failed' : 'sent'
    return redirect(`/app/engagements/${scope.engagementId}/vendors/${scope.invitationId}/remediation?request=${note}`)
  } catch (error) {
    // Another organisation's vendor is a 404; a vendor that never submitted, or a finding that is
    // not current, is refused with the reason and nothing is sent.
    if (error instanceof RemediationNotFoundError) throw new Response('Vendor not found', { status: 404 })
    if (error instanceof RemediationRefusedError)
      return data({ message: error.message, errors: {} }, { status: error.status })
    throw error
  }
}

export default function NewRemediationRequest() {
  const page = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const navigation = useNavigation()
  const base = `/app/engagements/${page.scope.engagementId}/vendors/${page.scope.invitationId}`
  if (!page.vendor) {
    return (
      <article>
        <h2>Request changes</h2>
        <FormError>{page.refused}</FormError>
        <p>
          <Link to={base}>Back to the report</Link>
        </p>
      </article>
    )
  }
  const errors = reply?.errors as Record<string, string> | undefined
  return (
    <article aria-labelledby="new-request-title">
      <p>
        <Link to={`${base}/remediation`}>← Requested changes and risks</Link>
      </p>
      <h2 id="new-request-title">{`Request changes from ${page.vendor.company}`}</h2>
      <p>
        {`${page.vendor.contactName} gets one email with a link to a “Requested changes” page in their language. For each finding they can change the answers behind it, upload evidence, say when they will fix it, or dispute it with a reason; what they send is assessed again.`}
      </p>
      {reply?.message ? <FormError>{reply.message}</FormError> : null}
      <Form method="post" noValidate>
        <fieldset aria-describedby={errors?.ruleIds ? 'ruleIds-error' : 'ruleIds-hint'}>
          <legend>Findings to send</legend>
          <p className="field-hint" id="ruleIds-hint">
            Ticked: the blockers, the high findings and the questions this vendor was never asked.
          </p>
          <ul className="finding-picks">
            {page.findings.map((f) => (
              <li key={f.ruleId}>
                <label>
                  <input type="checkbox" name="ruleId" value={f.ruleId} defaultChecked={f.suggested} />
                  <span>
                    <span className={`badge severity-${f.severity}`}>{f.severity}</span> {f.message}{' '}
                    <span className="muted small">{`(${f.citation})`}</span>
                    {f.notAsked.length > 0 ? (
                      <span className="muted small">{` Never asked: ${f.notAsked.join(', ')}.`}</span>
                    ) : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {errors?.ruleIds ? (
            <p className="field-error" id="ruleIds-error" role="alert">
              {errors.ruleIds}
            </p>
          ) : null}
        </fieldset>
        <Field label="Due date" name="dueOn" type="date" min={page.today} required error={errors?.dueOn} />
        <div className="field">
          <label htmlFor="request-message">Message to the vendor (optional)</label>
          <textarea
            id="request-message"
            name="message"
            rows={4}
            maxLength={MAX_MESSAGE}
            aria-invalid={errors?.message ? true : undefined}
          />
        </div>
        <button type="submit" className="primary" disabled={navigation.state === 'submitting'}>
          Send the request
        </button>
      </Form>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
