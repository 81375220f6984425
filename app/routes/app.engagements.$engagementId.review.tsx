import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { can } from '#app/auth/auth.ts'
import { requireMember, requirePermission } from '#app/auth/require.server.ts'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Field, FormError } from '#app/components/field.tsx'
import { getDb } from '#app/db.server.ts'
import { ReviewCadenceSchema } from '#app/review/review.ts'
import { loadReviewOverview, setReviewCadence } from '#app/review/reviews.server.ts'
import { TIER_LABELS, TIERS } from '#app/review/tier.ts'
import remediationCss from '#app/styles/remediation.css?url'
import { parseFormData } from '#app/utils/forms.ts'
import { invariantResponse } from '#app/utils/http.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: remediationCss }]

/** The engagement's inherent risk tier with its reasons, the review cadence, and each vendor's next review. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const scope = { organisationId: member.organisationId, engagementId: params.engagementId ?? '' }
  const overview = await loadReviewOverview(getDb(), { scope })
  invariantResponse(overview, 'Engagement not found', { status: 404 })
  return { ...overview, engagementId: scope.engagementId, canManage: can(member.role, 'remediation:manage') }
}

/** Sets the engagement's own cadence (managers and admins); empty follows the tier again. Audited. */
export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requirePermission(request, 'remediation:manage')
  const scope = { organisationId: member.organisationId, engagementId: params.engagementId ?? '' }
  // Another organisation's engagement is a 404 before its input is read.
  invariantResponse(await loadReviewOverview(getDb(), { scope }), 'Engagement not found', { status: 404 })
  const parsed = parseFormData(ReviewCadenceSchema, await request.formData())
  if (!parsed.ok)
    return data({ ok: false, message: 'The cadence was not changed.', errors: parsed.errors }, { status: 400 })
  const done = await setReviewCadence(getDb(), { scope, userId: member.userId, months: parsed.data.months })
  if (!done) throw new Response('Engagement not found', { status: 404 })
  return data({
    ok: true,
    message:
      parsed.data.months === null
        ? 'The cadence follows the inherent tier again.'
        : `Vendors are now reviewed every ${parsed.data.months} months.`,
    errors: undefined,
  })
}

export default function EngagementReview() {
  const page = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  return (
    <div className="two-columns">
      <section aria-labelledby="tier-heading">
        <h2 id="tier-heading">{`Inherent risk: ${TIER_LABELS[page.tier]}`}</h2>
        <p className="muted">From the profile alone, before any vendor answers: the laws that apply and the data.</p>
        <ul>
          {page.reasons.map((r) => (
            <li key={r.text}>
              <span className="badge">{TIER_LABELS[r.tier]}</span> {r.text}
            </li>
          ))}
        </ul>
        <h3>Vendor reviews</h3>
        <p>
          {`Every submitted vendor is asked to confirm or update its answers every ${page.months} months after it last submitted (pre-filled with its last answers).`}
        </p>
        {page.vendors.length === 0 ? (
          <p className="muted">No vendor has submitted yet.</p>
        ) : (
          <table className="data">
            <caption>Next review of each vendor</caption>
            <thead>
              <tr>
                <th scope="col">Vendor</th>
                <th scope="col">Last submitted</th>
                <th scope="col">Next review</th>
              </tr>
            </thead>
            <tbody>
              {page.vendors.map((v) => (
                <tr key={v.invitationId}>
                  <th scope="row">
                    <Link to={`/app/engagements/${page.engagementId}/vendors/${v.invitationId}`}>{v.company}</Link>
                  </th>
                  <td>{v.lastSubmittedOn ?? '—'}</td>
                  <td>
                    {v.nextReviewOn
                      ? `${v.nextReviewOn}${v.due ? ' (due: the invitation goes out within the hour)' : ''}`
                      : v.status === 'reopened'
                        ? 'In review now (reopened)'
                        : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <aside className="panel" aria-labelledby="cadence-heading">
        <h3 id="cadence-heading">Review cadence</h3>
        <p className="muted">
          {`By tier: ${TIERS.map((t) => `${TIER_LABELS[t]} ${page.defaults[t]} months`).join(', ')}.`}
        </p>
        {reply?.ok ? (
          <div className="notice" role="status">
            {reply.message}
          </div>
        ) : reply ? (
          <FormError>{reply.message}</FormError>
        ) : null}
        {page.canManage ? (
          <Form method="post" noValidate>
            <Field
              label="Months between reviews"
              name="months"
              inputMode="numeric"
              defaultValue={page.override ?? ''}
              hint={`Empty: follow the tier (${page.defaultMonths} months).`}
              error={reply?.errors?.months}
            />
            <button type="submit">Save the cadence</button>
          </Form>
        ) : (
          <p>{`Every ${page.months} months${page.override ? ' (set for this engagement)' : ''}.`}</p>
        )}
      </aside>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
