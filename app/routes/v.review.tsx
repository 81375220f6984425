import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { getDb } from '#app/db.server.ts'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { useMessages } from '#app/i18n/use-messages.tsx'
import { ReviewAnswers } from '#app/vendor-portal/review-answers.tsx'
import { missingBeforeSubmit, reviewAnswers, submitVendorResponse } from '#app/vendor-portal/submit.server.ts'
import { loadVendorContext } from '#app/vendor-portal/vendor-context.server.ts'
import { VendorLinkProblem } from '#app/vendor-portal/vendor-link-problem.tsx'
import { VendorPage } from '#app/vendor-portal/vendor-page.tsx'

export const meta: MetaFunction = () => [
  { title: 'Review and submit · Shoreline' },
  { name: 'robots', content: 'noindex' },
]
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await loadVendorContext(request)
  if (context.problem)
    return data(
      { problem: context.problem, missing: [], submitted: false, buyerName: '', contactEmail: '', sections: [] },
      { status: 401 },
    )
  const locale = await requestLocale(request)
  return {
    problem: null,
    missing: missingBeforeSubmit(context, locale),
    submitted: context.invitation.status === 'submitted',
    buyerName: context.invitation.buyerName,
    contactEmail: context.invitation.contactEmail,
    sections: await reviewAnswers(getDb(), context, locale),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const t = messagesFor(await requestLocale(request))
  const context = await loadVendorContext(request)
  if (context.problem) return data({ submitted: false, message: t.review.sessionEnded }, { status: 401 })
  const outcome = await submitVendorResponse(getDb(), context)
  if (outcome.status === 'incomplete') {
    return data({ submitted: false, message: t.review.missingCount(outcome.missing) }, { status: 400 })
  }
  return { submitted: true, message: null }
}

export default function VendorReview() {
  const { problem, missing, submitted, buyerName, contactEmail, sections } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const t = useMessages()
  if (problem) return <VendorLinkProblem problem={problem} />
  if (submitted || actionData?.submitted) {
    return (
      <VendorPage>
        <div className="panel">
          <h1>{t.review.thanksTitle}</h1>
          <p>{t.review.thanksBody(buyerName)}</p>
          {actionData?.submitted ? <p>{t.review.confirmationEmailed(contactEmail)}</p> : null}
          <p>
            <Link to="/v">{t.review.backToQuestionnaire}</Link>
          </p>
        </div>
      </VendorPage>
    )
  }
  return (
    <VendorPage wide>
      <p>
        <Link to="/v">{t.review.allSections}</Link>
      </p>
      <h1>{t.reviewAndSubmitTitle}</h1>
      <p>{t.review.intro}</p>
      {actionData?.message ? (
        <div className="form-error" role="alert">
          {actionData.message}
        </div>
      ) : null}
      {missing.length > 0 ? (
        <>
          <p>{t.review.missingIntro}</p>
          <ul>
            {missing.map((q) => (
              <li key={q.id}>
                <Link to={`/v/section/${q.sectionId}#q-${q.id}`}>{q.prompt}</Link>{' '}
                <span className="muted">({q.sectionTitle})</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t.review.allAnswered(buyerName)}</p>
      )}
      <ReviewAnswers sections={sections} t={t} />
      <Form method="post">
        <button className="primary" type="submit" disabled={missing.length > 0 || navigation.state === 'submitting'}>
          {t.review.submit}
        </button>
      </Form>
    </VendorPage>
  )
}
