import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { type ChangeEvent, useEffect, useState } from 'react'
import { applicableRegimeIds, type Verdict } from '#app/assessment/engine.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { Field } from '#app/components/field.tsx'
import { useValidatedForm } from '#app/components/validated-form.tsx'
import { EXPIRING_WITHIN_DAYS, showingText } from '#app/dashboard/dashboard.ts'
import { cachedDashboardPage } from '#app/dashboard/dashboard-cache.server.ts'
import {
  DECISION_FILTER_LABELS,
  type DecisionFilter,
  dashboardSearch,
  hasFilters,
  parseDashboardParams,
  parseSelection,
} from '#app/dashboard/dashboard-params.ts'
import {
  CompareForm,
  DashboardFilters,
  Pagination,
  SortHeader,
  VerdictSummary,
} from '#app/dashboard/dashboard-view.tsx'
import { ScoreChart } from '#app/dashboard/score-chart.tsx'
import { getDb } from '#app/db.server.ts'
import { findEngagement, findEngagementWithProfile } from '#app/engagements/queries.server.ts'
import { getEnv } from '#app/env.server.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import {
  ExtendInvitationSchema,
  type InvitationStatus,
  InviteVendorSchema,
  PasteInvitationsSchema,
  parsePastedInvitations,
  STATUS_LABELS,
} from '#app/invitations/invitation.ts'
import {
  DuplicateInvitationError,
  extendInvitation,
  InvitationClosedError,
  InvitationNotFoundError,
  inviteVendor,
  issueExtraLink,
  resendInvitation,
  revokeInvitation,
} from '#app/invitations/invitations.server.ts'
import { vendorLink } from '#app/invitations/links.ts'
import { findInvitation } from '#app/invitations/queries.server.ts'
import { sendEmail } from '#app/mail/mailer.server.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { reopenResponse } from '#app/responses/submission.server.ts'
import type { RenderCacheHandle } from '#app/server/render-cache.server.ts'
import dashboardStyles from '#app/styles/dashboard.css?url'
import { parseFormData } from '#app/utils/forms.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { VERDICT_LABELS } from '#app/vocabulary/verdict.ts'
import { getQuestionnaire, regimePacks } from '#questionnaires/index.ts'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: dashboardStyles }]

// The 50-row table is the costliest render of the app: rendered once per distinct data
// (app/server/render-cache.server.ts), as its data is read once per engagement revision.
export const handle: RenderCacheHandle = { renderCache: true }

async function requireEngagement(request: Request, engagementId: string | undefined) {
  const member = await requireMember(request)
  const engagement = await findEngagement(getDb(), {
    organisationId: member.organisationId,
    engagementId: engagementId ?? '',
  })
  invariantResponse(engagement, 'Engagement not found', { status: 404 })
  return { member, engagement }
}

/**
 * The engagement dashboard (the vendors tab): every vendor with its current assessment and
 * decision, filtered, sorted and paginated on the server from the URL, so any view can be shared.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const db = getDb()
  const scope = { organisationId: member.organisationId, engagementId: params.engagementId ?? '' }
  const withProfile = await findEngagementWithProfile(db, scope)
  invariantResponse(withProfile, 'Engagement not found', { status: 404 })
  const { engagement } = withProfile
  const url = new URL(request.url)
  const { params: query, problems } = parseDashboardParams(url.searchParams)
  const questionnaire = getQuestionnaire(engagement.questionnaire_id, engagement.questionnaire_version)
  const dashboard = await cachedDashboardPage(db, {
    scope,
    params: query,
    // Parsed only when the page is not cached (unfinished vendors' progress needs the profile).
    progress: questionnaire
      ? () => {
          const profile = ProfileSchema.parse(withProfile.profile)
          return { questionnaire, profile, regimes: applicableRegimeIds(profile, regimePacks) }
        }
      : undefined,
  })
  if (dashboard.pageClamped && dashboard.total > 0) {
    problems.push(`There is no page ${query.page}; this is the last page.`)
  }
  return {
    ...dashboard,
    engagementId: engagement.id,
    params: { ...query, page: dashboard.page },
    problems,
    // Vendors ticked on another view, or before a comparison, stay ticked.
    selected: parseSelection(url.searchParams),
    archived: engagement.status === 'archived',
  }
}

type ActionResult = {
  intent: string
  ok: boolean
  message?: string
  errors?: Record<string, string>
  values?: Record<string, string>
  lineErrors?: string[]
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, engagement } = await requireEngagement(request, params.engagementId)
  const db = getDb()
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const origin = getEnv().publicUrl
  const buyer = { userId: member.userId, organisationName: member.organisationName }
  const reply = (result: ActionResult, status = 200) => data(result, { status })
  if (engagement.status === 'archived')
    return reply({ intent, ok: false, message: 'This engagement is archived. Restore it to invite vendors.' }, 409)

  try {
    switch (intent) {
      case 'invite': {
        const parsed = parseFormData(InviteVendorSchema, formData)
        if (!parsed.ok) return reply({ intent, ok: false, errors: parsed.errors, values: parsed.values }, 400)
        const result = await inviteVendor(db, { engagement, buyer, input: parsed.data, origin })
        return reply({ intent, ok: true, message: sentMessage(parsed.data.contactEmail, result.emailStatus) })
      }
      case 'paste': {
        const parsed = parseFormData(PasteInvitationsSchema, formData)
        if (!parsed.ok) return reply({ intent, ok: false, errors: parsed.errors, values: parsed.values }, 400)
        const rows = parsePastedInvitations(parsed.data.rows)
        const lineErrors = rows.filter((r) => r.errors).map((r) => `Line ${r.line}: ${r.errors?.join('; ')}`)
        const emails = rows.flatMap((r) => (r.input ? [r.input.contactEmail] : []))
        emails.forEach((email, i) => {
          if (emails.indexOf(email) !== i) lineErrors.push(`${email} appears more than once`)
        })
        if (lineErrors.length > 0 || rows.length === 0) {
          return reply(
            {
              intent,
              ok: false,
              lineErrors: lineErrors.length ? lineErrors : ['Paste at least one vendor'],
              values: { rows: parsed.data.rows },
            },
            400,
          )
        }
        const invited: string[] = []
        const skipped: string[] = []
        for (const row of rows) {
          if (!row.input) continue
          try {
            await inviteVendor(db, { engagement, buyer, input: row.input, origin })
            invited.push(row.input.contactEmail)
          } catch (error) {
            if (!(error instanceof DuplicateInvitationError)) throw error
            skipped.push(row.input.contactEmail)
          }
        }
        return reply({
          intent,
          ok: true,
          message: `Invited ${invited.length} vendor${invited.length === 1 ? '' : 's'}.${skipped.length ? ` Already invited, skipped: ${skipped.join(', ')}.` : ''}`,
        })
      }
      case 'resend': {
        const status = await resendInvitation(db, {
          engagement,
          buyer,
          invitationId: String(formData.get('invitationId')),
          origin,
        })
        return reply({
          intent,
          ok: status !== 'failed',
          message:
            status === 'failed'
              ? 'The new link could not be emailed. Check the mail settings and try again.'
              : 'A new link was sent; the old one no longer works.',
        })
      }
      case 'revoke': {
        await revokeInvitation(db, { engagement, buyer, invitationId: String(formData.get('invitationId')) })
        return reply({ intent, ok: true, message: 'Invitation revoked: its link no longer works.' })
      }
      case 'extend': {
        const parsed = parseFormData(ExtendInvitationSchema, formData)
        if (!parsed.ok) return reply({ intent, ok: false, message: parsed.errors.days }, 400)
        const until = await extendInvitation(db, {
          engagement,
          buyer,
          invitationId: String(formData.get('invitationId')),
          days: parsed.data.days,
        })
        return reply({ intent, ok: true, message: `The link now works until ${until.slice(0, 10)}.` })
      }
      case 'reopen': {
        const message = String(formData.get('message') ?? '').trim()
        if (message.length < 3)
          return reply({ intent, ok: false, message: 'Tell the vendor what to change (a few words at least).' }, 400)
        const invitationId = String(formData.get('invitationId'))
        const invitation = await findInvitation(db, { organisationId: member.organisationId, invitationId })
        if (!invitation) throw new InvitationNotFoundError('Invitation not found')
        const reopened = await reopenResponse(db, {
          organisationId: member.organisationId,
          invitationId,
          userId: member.userId,
          message,
        })
        if (!reopened)
          return reply({ intent, ok: false, message: 'Only a submitted questionnaire can be reopened.' }, 409)
        const token = await issueExtraLink(db, { invitationId })
        const email = messagesFor(invitation.language).email.reopened({
          contactName: invitation.contact_name,
          buyer: member.organisationName,
          engagement: engagement.name,
          link: vendorLink(origin, token),
          message,
        })
        const sent = await sendEmail(db, {
          organisationId: member.organisationId,
          kind: 'response-reopened',
          to: invitation.contact_email,
          subject: email.subject,
          text: email.text,
          invitationId,
          secrets: [token],
        })
        return reply({
          intent,
          ok: true,
          message: `Reopened; ${invitation.contact_name} ${sent.status === 'failed' ? 'could not be emailed (see Outbox)' : 'was emailed your message'}.`,
        })
      }
      default:
        return reply({ intent, ok: false, message: 'Unknown action.' }, 400)
    }
  } catch (error) {
    if (error instanceof DuplicateInvitationError) {
      return reply(
        {
          intent,
          ok: false,
          errors: { contactEmail: error.message },
          values: Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])),
        },
        400,
      )
    }
    if (error instanceof InvitationNotFoundError) throw new Response('Invitation not found', { status: 404 })
    if (error instanceof InvitationClosedError) return reply({ intent, ok: false, message: error.message }, 409)
    throw error
  }
}

function sentMessage(email: string, status: string) {
  if (status === 'failed')
    return `The invitation for ${email} is saved, but the email could not be sent. Use "New link" to retry.`
  if (status === 'outbox') return `Invitation for ${email} placed in the outbox (no mail server configured).`
  return `Invitation sent to ${email}.`
}

export default function EngagementVendors() {
  const { vendors, total, counts, archived, params, problems, engagementId, offset, page, pageCount, selected } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const invite = useValidatedForm(InviteVendorSchema, actionData?.intent === 'invite' ? actionData.errors : undefined)
  const busy = navigation.state === 'submitting'
  const base = `/app/engagements/${engagementId}`
  const filtered = hasFilters(params)
  const showing = showingText({ offset, count: vendors.length, total })
  // The vendors ticked for comparison: from the URL, then as the manager ticks. Every link to
  // another view carries them (`?v=`), so ticks survive a sort, a search or another page. Without
  // JavaScript the URL's selection is shown and the compare form sends what is ticked.
  const [selection, setSelection] = useState<string[]>(selected)
  const selectedKey = selected.join(',')
  // A navigation that changes the URL's selection (back, a shared link) resets the ticks to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: selectedKey stands for selected
  useEffect(() => setSelection(selected), [selectedKey])
  const toggle = (id: string) => (event: ChangeEvent<HTMLInputElement>) => {
    const checked = event.currentTarget.checked
    setSelection((current) => (checked ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id)))
  }

  return (
    <>
      <section aria-labelledby="vendors-heading">
        <h2 id="vendors-heading" style={{ marginTop: 0 }}>
          Vendors
        </h2>
        {actionData?.message && !['invite', 'paste'].includes(actionData.intent) ? (
          <div className={actionData.ok ? 'notice' : 'form-error'} role="status">
            {actionData.message}
          </div>
        ) : null}
        {problems.length > 0 ? (
          <div className="form-error" role="status">
            <ul className="plain-list">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {total > 0 || filtered ? (
          <>
            <DashboardFilters base={base} params={params} selected={selection} />
            <VerdictSummary base={base} params={params} selected={selection} counts={counts} total={total} />
          </>
        ) : null}
        {vendors.length === 0 ? (
          <div className="panel empty-state">
            <h3>{filtered ? 'No vendor matches these filters' : 'No vendors invited yet'}</h3>
            <p>
              {filtered ? (
                <>
                  Change the filters, or <Link to={base}>show every vendor</Link>.
                </>
              ) : (
                'Invite the vendors you are considering: each gets a personal link to the questionnaire.'
              )}
            </p>
          </div>
        ) : (
          <>
            <div className="dashboard-tools">
              <CompareForm base={base} selected={selection} onPage={vendors.map((v) => v.id)} />
              <a className="button-link" href={`${base}/dashboard.csv${csvSearch(params)}`} download>
                Download CSV{filtered ? ' (filtered)' : ''}
              </a>
            </div>
            <div className="table-scroll">
              <table className="data dashboard">
                <caption>{`Vendors of this engagement${filtered ? ' matching the filters' : ''}. ${showing}.`}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">Compare</span>
                    </th>
                    <SortHeader base={base} params={params} selected={selection} sortKey="vendor" />
                    <SortHeader base={base} params={params} selected={selection} sortKey="status" />
                    <SortHeader base={base} params={params} selected={selection} sortKey="score" />
                    <SortHeader base={base} params={params} selected={selection} sortKey="verdict" />
                    <SortHeader base={base} params={params} selected={selection} sortKey="location" />
                    <SortHeader base={base} params={params} selected={selection} sortKey="model" />
                    <SortHeader base={base} params={params} selected={selection} sortKey="blockers" />
                    <SortHeader base={base} params={params} selected={selection} sortKey="conditions" />
                    <th scope="col">{`Certificates ending within ${EXPIRING_WITHIN_DAYS} days`}</th>
                    <SortHeader base={base} params={params} selected={selection} sortKey="decision" />
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {vendors.map((v) => (
                    <tr key={v.id}>
                      <td>
                        {v.score !== null ? (
                          <input
                            type="checkbox"
                            name="v"
                            value={v.id}
                            form="compare-form"
                            checked={selection.includes(v.id)}
                            onChange={toggle(v.id)}
                            aria-label={`Choose ${v.vendorCompany} for comparison`}
                          />
                        ) : null}
                      </td>
                      <th scope="row" className="vendor-cell">
                        {/* discover="none": 50 links would each match the route table on render; the
                            report's route is discovered when one is followed. */}
                        <Link to={`${base}/vendors/${v.id}`} discover="none">
                          {v.vendorCompany}
                        </Link>{' '}
                        <span className="muted">({v.vendorCountry})</span>
                        <br />
                        <span className="muted">
                          {v.contactName} · {v.contactEmail}
                        </span>
                        {v.lastEmailStatus === 'failed' ? (
                          <p className="field-error">Last email failed to send.</p>
                        ) : null}
                      </th>
                      <td>
                        <span className={`badge status-${v.status}`}>
                          {STATUS_LABELS[v.status as InvitationStatus]}
                        </span>
                        <br />
                        <span className="muted">{v.statusNote}</span>
                        {v.status !== 'submitted' && v.percent > 0 ? (
                          <>
                            <br />
                            <span className="muted">{`${v.percent}% answered`}</span>
                          </>
                        ) : null}
                      </td>
                      <td className="number">
                        {v.score !== null ? (
                          <>
                            <strong>{v.score}</strong>/100
                          </>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td>
                        {v.verdict ? (
                          <span className={`badge verdict-${v.verdict}`}>{VERDICT_LABELS[v.verdict as Verdict]}</span>
                        ) : (
                          <span className="muted">not assessed</span>
                        )}
                      </td>
                      <td>{v.locationClass ?? <span className="muted">—</span>}</td>
                      <td>
                        {v.model ? (
                          <span className={`badge model-${v.model}`}>{v.model}</span>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td className="number">{v.blockerCount ?? <span className="muted">—</span>}</td>
                      <td className="number">{v.conditionCount ?? <span className="muted">—</span>}</td>
                      <td>
                        {v.expiring.length > 0 ? (
                          <ul className="plain-list">
                            {v.expiring.map((c) => (
                              <li key={`${c.type}-${c.validUntil}`}>{`${c.name}, ends ${c.validUntil}`}</li>
                            ))}
                          </ul>
                        ) : (
                          <span className="muted">none</span>
                        )}
                      </td>
                      <td>
                        {v.decision ? (
                          <span className={`badge decision-${v.decision}`}>
                            {DECISION_FILTER_LABELS[v.decision as DecisionFilter]}
                          </span>
                        ) : (
                          <span className="muted">none yet</span>
                        )}
                      </td>
                      <td>
                        {archived ? null : (
                          <RowActions
                            id={v.id}
                            status={v.status as InvitationStatus}
                            emailFailed={v.lastEmailStatus === 'failed'}
                            busy={busy}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              base={base}
              params={params}
              selected={selection}
              page={page}
              pageCount={pageCount}
              showing={showing}
            />
            <ScoreChart vendors={vendors.map((v) => ({ ...v, verdict: v.verdict as Verdict | null }))} />
          </>
        )}
      </section>

      {archived ? null : (
        <div className="invite-panels">
          <section className="panel" aria-labelledby="invite-heading">
            <h2 id="invite-heading" style={{ marginTop: 0 }}>
              Invite a vendor
            </h2>
            {actionData?.intent === 'invite' && actionData.message ? (
              <div className={actionData.ok ? 'notice' : 'form-error'} role="status">
                {actionData.message}
              </div>
            ) : null}
            <Form method="post" noValidate onSubmit={invite.onSubmit}>
              <input type="hidden" name="intent" value="invite" />
              <Field
                label="Company"
                error={invite.errorFor('vendorCompany')}
                defaultValue={actionData?.values?.vendorCompany}
                {...invite.form.register('vendorCompany')}
              />
              <Field
                label="Country"
                hint="Two-letter code, e.g. IN, PR, MX"
                maxLength={2}
                error={invite.errorFor('vendorCountry')}
                defaultValue={actionData?.values?.vendorCountry}
                {...invite.form.register('vendorCountry')}
              />
              <Field
                label="Contact name"
                error={invite.errorFor('contactName')}
                defaultValue={actionData?.values?.contactName}
                {...invite.form.register('contactName')}
              />
              <Field
                label="Contact email"
                type="email"
                error={invite.errorFor('contactEmail')}
                defaultValue={actionData?.values?.contactEmail}
                {...invite.form.register('contactEmail')}
              />
              <button className="primary" type="submit" disabled={busy}>
                Send invitation
              </button>
            </Form>
          </section>
          <section className="panel" aria-labelledby="paste-heading">
            <h2 id="paste-heading" style={{ marginTop: 0 }}>
              Invite several
            </h2>
            {actionData?.intent === 'paste' && actionData.message ? (
              <div className={actionData.ok ? 'notice' : 'form-error'} role="status">
                {actionData.message}
              </div>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="paste" />
              <div className="field">
                <label htmlFor="paste-rows">One vendor per line: company, country, contact name, email</label>
                <p className="field-hint" id="paste-hint">
                  Paste from a spreadsheet (tab-separated) or type comma-separated lines.
                </p>
                <textarea
                  id="paste-rows"
                  name="rows"
                  rows={5}
                  aria-describedby={
                    actionData?.intent === 'paste' && actionData.lineErrors ? 'paste-hint paste-errors' : 'paste-hint'
                  }
                  defaultValue={actionData?.intent === 'paste' ? actionData.values?.rows : undefined}
                  placeholder={
                    'Caribe Data Services, PR, Luis Ortiz, luis@caribe.example\nMumbai Coding Co, IN, Priya Shah, priya@mumbai.example'
                  }
                />
                {actionData?.intent === 'paste' && (actionData.lineErrors || actionData.errors?.rows) ? (
                  <ul className="field-error" id="paste-errors" role="alert">
                    {(actionData.lineErrors ?? [actionData.errors?.rows]).map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
              <button className="primary" type="submit" disabled={busy}>
                Invite all
              </button>
            </Form>
          </section>
        </div>
      )}
    </>
  )
}

/** The CSV keeps the filters and the sort; it has every page. */
function csvSearch(params: Parameters<typeof dashboardSearch>[0]) {
  return dashboardSearch(params, { page: 1 })
}

function RowActions({
  id,
  status,
  emailFailed,
  busy,
}: {
  id: string
  status: InvitationStatus
  emailFailed: boolean
  busy: boolean
}) {
  if (status === 'revoked') return null
  // A submitted response is the vendor's record: it is reopened with a message, not re-linked or revoked.
  if (status === 'submitted') {
    return (
      <div className="row-actions">
        <details>
          <summary className="neutral">Reopen…</summary>
          <Form method="post">
            <input type="hidden" name="intent" value="reopen" />
            <input type="hidden" name="invitationId" value={id} />
            <label htmlFor={`reopen-${id}`}>What should the vendor change?</label>
            <textarea id={`reopen-${id}`} name="message" rows={2} required minLength={3} />
            <button className="primary" type="submit" disabled={busy}>
              Reopen and email
            </button>
          </Form>
        </details>
      </div>
    )
  }
  return (
    <div className="row-actions">
      <Form method="post">
        <input type="hidden" name="intent" value="resend" />
        <input type="hidden" name="invitationId" value={id} />
        <button type="submit" disabled={busy} title="Email a new link; the old link stops working">
          {emailFailed ? 'Retry email' : 'New link'}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="extend" />
        <input type="hidden" name="invitationId" value={id} />
        <label className="visually-hidden" htmlFor={`extend-${id}`}>
          Days to extend
        </label>
        <input id={`extend-${id}`} type="number" name="days" min={1} max={90} defaultValue={7} />
        <button type="submit" disabled={busy}>
          Extend
        </button>
      </Form>
      <details>
        <summary>Revoke…</summary>
        <Form method="post">
          <input type="hidden" name="intent" value="revoke" />
          <input type="hidden" name="invitationId" value={id} />
          <span>The vendor’s link will stop working.</span>
          <button className="danger" type="submit" disabled={busy}>
            Revoke
          </button>
        </Form>
      </details>
    </div>
  )
}
