import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { getDb } from '#app/db.server.ts'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import { type RequestPosted, VendorRequestForm } from '#app/remediation/vendor-request-form.tsx'
import { sendVendorChanges, uploadItemEvidence, vendorRequestPage } from '#app/remediation/vendor-requests.server.ts'
import { loadVendorContext } from '#app/vendor-portal/vendor-context.server.ts'
import { VendorLinkProblem } from '#app/vendor-portal/vendor-link-problem.tsx'

export const meta: MetaFunction = () => [
  { title: 'Requested changes · Shoreline' },
  { name: 'robots', content: 'noindex' },
]
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await loadVendorContext(request)
  if (context.problem) return data({ problem: context.problem, page: null, sent: false }, { status: 401 })
  const page = await vendorRequestPage(getDb(), {
    context,
    requestId: params.requestId ?? '',
    locale: await requestLocale(request),
  })
  // Another invitation's request is not found, like one that does not exist.
  if (!page) throw new Response('Not found', { status: 404 })
  return { problem: null, page, sent: new URL(request.url).searchParams.get('sent') === '1' }
}

/** The changes and replies (a form), or an evidence file for one item (multipart). */
export async function action({ request, params }: ActionFunctionArgs) {
  const t = messagesFor(await requestLocale(request))
  const reply = (posted: RequestPosted, status: number) => data(posted, { status })
  const context = await loadVendorContext(request)
  if (context.problem) return reply({ errors: {}, message: t.section.sessionEnded, sent: false }, 401)
  const requestId = params.requestId ?? ''
  const pageUrl = `/v/requests/${requestId}`

  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    const upload = await uploadItemEvidence(getDb(), request, { context, requestId, t })
    if (!upload.stored) return reply({ errors: {}, message: upload.message, sent: false }, upload.status)
    return redirect(pageUrl)
  }

  const outcome = await sendVendorChanges(getDb(), { context, requestId, formData: await request.formData(), t })
  switch (outcome.kind) {
    case 'not-found':
      throw new Response('Not found', { status: 404 })
    case 'closed':
      return reply({ errors: {}, message: t.requests.closedNotice, sent: false }, 409)
    case 'not-asked':
      return reply({ errors: {}, message: t.requests.notAsked, sent: false }, 400)
    case 'invalid':
      return reply({ errors: outcome.errors, message: t.requests.fixErrors, sent: false }, 400)
    case 'sent':
      return redirect(`${pageUrl}?sent=1`)
  }
}

export default function VendorRequest() {
  const { problem, page, sent } = useLoaderData<typeof loader>()
  const posted = useActionData<typeof action>() as RequestPosted | undefined
  if (problem || !page) return <VendorLinkProblem problem={problem ?? 'no-session'} />
  return (
    <VendorRequestForm
      // A new request is a new form with its own defaults.
      key={page.id}
      page={page}
      posted={posted ?? (sent ? { errors: {}, message: null, sent: true } : null)}
    />
  )
}
