import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PublicPage } from '#app/components/public-page.tsx'
import { sectionProgress } from '#app/vendor/progress.ts'
import { loadVendorContext } from '#app/vendor/vendor-context.server.ts'
import { VendorLinkProblem } from '#app/vendor/vendor-link-problem.tsx'

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
  const sections = sectionProgress(questionnaire, { answers, visible })
  return { problem: null, page: { invitation, sections, submitted: invitation.status === 'submitted' } }
}

export default function VendorHome() {
  const { problem, page } = useLoaderData<typeof loader>()
  if (problem || !page) return <VendorLinkProblem problem={problem ?? 'no-session'} />
  const { invitation, sections, submitted } = page
  const total = sections.reduce((n, s) => n + s.total, 0)
  const done = sections.reduce((n, s) => n + s.answered, 0)
  const next = sections.find((s) => s.answered < s.total) ?? sections[0]
  return (
    <PublicPage>
      <div className="panel">
        <p className="muted">
          {invitation.buyerName} invites {invitation.vendorCompany}
        </p>
        <h1>{invitation.engagementName}</h1>
        {invitation.engagementDescription ? <p>{invitation.engagementDescription}</p> : null}
        <p>
          {invitation.buyerName} asks where its data would be stored, how it would be handled and destroyed, and which
          certifications you hold. Your answers are saved section by section; you can stop and come back with the same
          link.{invitation.dueDate ? ` Please answer by ${invitation.dueDate}.` : ''}
        </p>
        {submitted ? (
          <div className="notice" role="status">
            You submitted your answers. {invitation.buyerName} can reopen them if anything needs to change.
          </div>
        ) : null}
        <p>
          <span className="progress" aria-hidden="true">
            <span style={{ width: `${total ? Math.round((done / total) * 100) : 0}%` }} />
          </span>
          {`${done} of ${total} questions answered`}
        </p>
        <ol className="section-list">
          {sections.map((s) => (
            <li key={s.id}>
              <Link to={`/v/section/${s.id}`}>{s.title}</Link>{' '}
              <span className="muted">
                {s.answered}/{s.total}
              </span>
            </li>
          ))}
        </ol>
        {submitted ? null : (
          <p className="actions-row">
            {next ? (
              <Link className="button" to={`/v/section/${next.id}`}>
                {done === 0 ? 'Start' : 'Continue'}
              </Link>
            ) : null}{' '}
            <Link className="button secondary" to="/v/review">
              Review and submit
            </Link>
          </p>
        )}
        <p className="muted">Your link is valid until {invitation.expiresAt.slice(0, 10)}.</p>
      </div>
    </PublicPage>
  )
}
