import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getDb } from '#app/db.server.ts'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { useMessages } from '#app/i18n/use-messages.tsx'
import { countWaitingItems } from '#app/remediation/vendor-requests.server.ts'
import { sectionProgress } from '#app/vendor-portal/progress.ts'
import { loadVendorContext } from '#app/vendor-portal/vendor-context.server.ts'
import { VendorLinkProblem } from '#app/vendor-portal/vendor-link-problem.tsx'
import { VendorPage } from '#app/vendor-portal/vendor-page.tsx'

export const meta: MetaFunction = () => [
  { title: 'Vendor questionnaire · Shoreline' },
  { name: 'robots', content: 'noindex' },
]

// Referrer-Policy: no-referrer is set for every /v page by the server (app/server/http.server.ts).
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await loadVendorContext(request)
  if (context.problem) return data({ problem: context.problem, page: null }, { status: 401 })
  const { invitation, questionnaire, answers, visible } = context
  const sections = sectionProgress(questionnaire, { answers, visible, locale: await requestLocale(request) })
  const requestedItems = await countWaitingItems(getDb(), context)
  return { problem: null, page: { invitation, sections, submitted: invitation.status === 'submitted', requestedItems } }
}

export default function VendorHome() {
  const { problem, page } = useLoaderData<typeof loader>()
  const t = useMessages()
  if (problem || !page) return <VendorLinkProblem problem={problem ?? 'no-session'} />
  const { invitation, sections, submitted, requestedItems } = page
  const total = sections.reduce((n, s) => n + s.total, 0)
  const done = sections.reduce((n, s) => n + s.answered, 0)
  const next = sections.find((s) => s.answered < s.total) ?? sections[0]
  const percent = total ? Math.round((done / total) * 100) : 0
  return (
    <VendorPage>
      <div className="panel">
        <p className="muted">{t.home.invites(invitation.buyerName, invitation.vendorCompany)}</p>
        <h1>{invitation.engagementName}</h1>
        {invitation.engagementDescription ? <p>{invitation.engagementDescription}</p> : null}
        <p>
          {t.home.intro(invitation.buyerName)}
          {invitation.dueDate ? ` ${t.home.answerBy(invitation.dueDate)}` : ''}
        </p>
        {submitted ? (
          <div className="notice" role="status">
            {t.home.submittedNotice(invitation.buyerName)}
          </div>
        ) : null}
        {requestedItems > 0 ? (
          <div className="notice" role="status">
            {t.requests.homeBanner(requestedItems)} <Link to="/v/requests">{t.requests.homeLink}</Link>
          </div>
        ) : null}
        <p>
          <progress className="progress" max={100} value={percent} aria-label={t.home.progress(done, total)} />{' '}
          {t.home.progress(done, total)}
        </p>
        <h2 className="visually-hidden">{t.home.sectionsHeading}</h2>
        <ol className="section-list">
          {sections.map((s) => (
            <li key={s.id}>
              <Link to={`/v/section/${s.id}`}>{s.title}</Link>{' '}
              <span className={s.answered === s.total ? 'muted complete' : 'muted'}>
                {t.home.sectionCount(s.answered, s.total)}
              </span>
            </li>
          ))}
        </ol>
        {submitted ? null : (
          <p className="actions-row">
            {next ? (
              <Link className="button" to={`/v/section/${next.id}`}>
                {done === 0 ? t.home.start : t.home.continue}
              </Link>
            ) : null}{' '}
            <Link className="button secondary" to="/v/review">
              {t.home.reviewAndSubmit}
            </Link>
          </p>
        )}
        <p className="muted">{t.home.validUntil(invitation.expiresAt.slice(0, 10))}</p>
      </div>
    </VendorPage>
  )
}
