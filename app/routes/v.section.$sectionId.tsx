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
  attachEvidenceToCertificateRow,
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
  const newIds = new URL(request.url).searchParams.get('new')?.split(',') ?? []
  const locale = await requestLocale(request)
  return { problem: null, page: await sectionPage(getDb(), section, { locale, newIds }) }
}

/**
 * The section's posts: an evidence upload (multipart; for a file question, or a certificate row's
 * own file), an evidence removal, or the answers (no JavaScript). A refused upload answers with
 * its reason for the upload box it came from.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const locale = await requestLocale(request)
  const t = messagesFor(locale)
  const reply = (posted: Posted, status: number) => data(posted, { status })
  const section = await loadVendorSection(request, params.sectionId)
  if ('problem' in section) return reply({ errors: {}, values: null, message: t.section.sessionEnded }, 401)
  const sectionUrl = `/v/section/${section.section.id}`

  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    // `?respond=json`: a row's upload from the browser, which then sets the row's file itself.
    const json = new URL(request.url).searchParams.get('respond') === 'json'
    const upload = await uploadSectionEvidence(getDb(), request, { section, t })
    if (!upload.stored)
      return reply(
        {
          errors: {},
          values: null,
          message: null,
          upload: { questionId: upload.questionId, row: upload.row, message: upload.message },
        },
        upload.status,
      )
    if (upload.row !== null) {
      const uploaded = { row: upload.row, evidenceId: upload.evidenceId, fileName: upload.fileName }
      if (json) return { errors: {}, values: null, message: null, uploaded }
      await attachEvidenceToCertificateRow(getDb(), { section, row: upload.row, evidenceId: upload.evidenceId })
      return redirect(`${sectionUrl}#cert-row-${upload.row}`)
    }
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
