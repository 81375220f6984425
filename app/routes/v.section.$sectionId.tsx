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
import { localized } from '#app/i18n/locale.ts'
import { messagesFor } from '#app/i18n/messages.ts'
import {
  loadVendorSection,
  removeSectionEvidence,
  saveSectionForm,
  sectionPage,
  uploadSectionEvidence,
} from '#app/vendor-portal/section.server.ts'
import { type Posted, SectionForm } from '#app/vendor-portal/section-form.tsx'
import { VendorLinkProblem } from '#app/vendor-portal/vendor-link-problem.tsx'

export const meta: MetaFunction = () => [
  { title: 'Vendor questionnaire · Shoreline' },
  { name: 'robots', content: 'noindex' },
]
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const section = await loadVendorSection(request, params.sectionId)
  if ('problem' in section) return data({ problem: section.problem, page: null }, { status: 401 })
  return { problem: null, page: await sectionPage(getDb(), section, await requestLocale(request)) }
}

/** The section's posts: an evidence upload (multipart), an evidence removal, or the answers (no JavaScript). */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requestLocale(request)
  const t = messagesFor(locale)
  const reply = (posted: Posted, status: number) => data(posted, { status })
  const section = await loadVendorSection(request, params.sectionId)
  if ('problem' in section) return reply({ errors: {}, values: null, message: t.section.sessionEnded }, 401)
  const sectionUrl = `/v/section/${section.section.id}`

  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    const upload = await uploadSectionEvidence(getDb(), request, { section, t })
    if (!upload.stored) return reply({ errors: {}, values: null, message: upload.message }, upload.status)
    return redirect(`${sectionUrl}#q-${upload.questionId}`)
  }

  const formData = await request.formData()
  if (formData.get('intent') === 'delete-evidence') {
    const removal = await removeSectionEvidence(getDb(), {
      section,
      evidenceId: String(formData.get('evidenceId') ?? ''),
    })
    if (!removal.removed) return reply({ errors: {}, values: null, message: removal.message }, removal.status)
    return redirect(sectionUrl)
  }

  const saved = await saveSectionForm(getDb(), { section, formData, t })
  switch (saved.kind) {
    case 'invalid':
      return reply({ errors: saved.errors, values: saved.values, message: t.section.fixErrors }, 400)
    case 'read-only':
      return reply({ errors: {}, values: saved.values, message: saved.message }, 409)
    case 'conflict': {
      const prompts = saved.conflicts.map((q) => `“${localized(q.prompt, locale)}”`).join(', ')
      const errors = Object.fromEntries(saved.conflicts.map((q) => [q.id, t.section.conflictAtField]))
      return reply({ errors, values: saved.values, message: t.section.conflictsNotSaved(prompts) }, 409)
    }
    case 'saved':
      return redirect(saved.next)
  }
}

export default function VendorSection() {
  const { problem, page } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (problem || !page) return <VendorLinkProblem problem={problem ?? 'no-session'} />
  return (
    <SectionForm
      // A new section is a new form: its own defaults, its own field registrations.
      key={page.sectionId}
      page={page}
      posted={(actionData as Posted | undefined) ?? null}
    />
  )
}
