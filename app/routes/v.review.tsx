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
import { useMessages } from '#app/i18n/use-locale.tsx'
import { sendEmail } from '#app/mail/mailer.server.ts'
import { assessResponse } from '#app/responses/assessments.server.ts'
import { submitResponse } from '#app/responses/submission.server.ts'
import { sectionProgress } from '#app/vendor-portal/progress.ts'
import { loadVendorContext } from '#app/vendor-portal/vendor-context.server.ts'
import { VendorLinkProblem } from '#app/vendor-portal/vendor-link-problem.tsx'
import { VendorPage } from '#app/vendor-portal/vendor-page.tsx'

export const meta: MetaFunction = () => [
  { title: 'Review and submit · Shoreline' },
  { name: 'robots', content: 'noindex' },
]
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

async function review(request: Request) {
  const context = await loadVendorContext(request)
  if (context.problem) return { context: null, problem: context.problem, missing: [] } as const
  const locale = await requestLocale(request)
  const missing = sectionProgress(context.questionnaire, { ...context, locale }).flatMap((s) =>
    s.missingRequired.map((q) => ({ ...q, sectionId: s.id, sectionTitle: s.title })),
  )
  return { context, problem: null, missing } as const
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { context, problem, missing } = await review(request)
  if (problem || !context) return data({ problem, missing: [], submitted: false, buyerName: '' }, { status: 401 })
  return {
    problem: null,
    missing,
    submitted: context.invitation.status === 'submitted',
    buyerName: context.invitation.buyerName,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const t = messagesFor(await requestLocale(request))
  const { context, problem, missing } = await review(request)
  if (problem || !context) return data({ submitted: false, message: t.review.sessionEnded }, { status: 401 })
  if (context.invitation.status !== 'submitted' && missing.length > 0) {
    return data(
      {
        submitted: false,
        message: t.review.missingCount(missing.length),
      },
      { status: 400 },
    )
  }
  // Idempotent: a double click, a retry or a second tab gives one submission, one email.
  const { firstSubmission, responseId } = await submitResponse(getDb(), { invitationId: context.invitation.id })
  if (firstSubmission) {
    await assessResponse(getDb(), { responseId })
    const buyer = await getDb()
      .selectFrom('invitation')
      .innerJoin('user', 'user.id', 'invitation.invited_by_user_id')
      .select(['user.email'])
      .where('invitation.id', '=', context.invitation.id)
      .executeTakeFirst()
    if (buyer) {
      await sendEmail(getDb(), {
        organisationId: context.invitation.organisationId,
        kind: 'response-submitted',
        to: buyer.email,
        subject: `${context.invitation.vendorCompany} submitted its answers for ${context.invitation.engagementName}`,
        text: `${context.invitation.vendorCompany} submitted its questionnaire for "${context.invitation.engagementName}". Its assessment is ready on the engagement's vendor list in Shoreline.`,
      })
    }
  }
  return { submitted: true, message: null }
}

export default function VendorReview() {
  const { problem, missing, submitted, buyerName } = useLoaderData<typeof loader>()
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
      <Form method="post">
        <button className="primary" type="submit" disabled={missing.length > 0 || navigation.state === 'submitting'}>
          {t.review.submit}
        </button>
      </Form>
    </VendorPage>
  )
}
