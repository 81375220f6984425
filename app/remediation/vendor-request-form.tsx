import { Form, Link } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { LOCALE_TAGS } from '../i18n/locale.ts'
import { messagesFor } from '../i18n/messages.ts'
import { answerToForm } from '../vendor-portal/form-values.ts'
import { QuestionField } from '../vendor-portal/question-field.tsx'
import { VendorPage } from '../vendor-portal/vendor-page.tsx'
import { ItemStateBadge } from './components/item-state-badge.tsx'
import type { VendorRequestPage } from './vendor-requests.server.ts'

export type RequestPosted = { errors: Record<string, string>; message: string | null; sent: boolean }

function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

/**
 * The vendor's "Requested changes" page: each item with the finding (as the buyer's report states
 * it), what would resolve it, the questionnaire's own fields for the questions behind it (the same
 * QuestionField as the sections, unstyled here), a reply (change answers, will fix by a date,
 * dispute with a reason) and, where the item asks for a file, an upload. One plain form sends
 * everything; it works without JavaScript.
 */
export function VendorRequestForm({ page, posted }: { page: VendorRequestPage; posted: RequestPosted | null }) {
  const t = messagesFor(page.locale)
  const r = t.requests
  const hydrated = useHydrated()
  const form = useForm<Record<string, unknown>>({ defaultValues: page.defaults })
  const closed = page.status === 'closed'
  return (
    <VendorPage wide>
      <p>
        <Link to="/v/requests">{r.backToRequests}</Link>
      </p>
      <div className="panel">
        <h1>{r.title}</h1>
        <p>{r.listIntro(page.buyerName)}</p>
        <p>
          <strong>{r.dueOn(page.dueOn)}</strong>
        </p>
        {page.message ? (
          <>
            <h2>{r.messageFrom(page.buyerName)}</h2>
            <blockquote>{page.message}</blockquote>
          </>
        ) : null}
        {posted?.sent ? (
          <div className="notice" role="status">
            {r.sent}
          </div>
        ) : null}
        {posted?.message ? (
          <div className="form-error" role="alert">
            {posted.message}
          </div>
        ) : null}
        {closed ? (
          <div className="notice" role="status">
            {r.closedNotice}
          </div>
        ) : null}
      </div>
      <Form method="post" noValidate>
        {page.items.map((item, index) => {
          const replyError = posted?.errors[`reply.${item.id}`]
          const prefix = `reply-${item.id}`
          return (
            <section key={item.id} className="panel item-card" aria-labelledby={`${prefix}-title`}>
              <h2 id={`${prefix}-title`}>
                {r.item(index + 1)} <ItemStateBadge state={item.state} label={r.states[item.state]} />
              </h2>
              <h3>{r.finding}</h3>
              <p lang={LOCALE_TAGS[item.findingLocale]}>{item.finding.message}</p>
              <p className="muted small">
                {item.findingLocale === 'en' && page.locale !== 'en' ? r.findingLanguageNote : r.findingCitation}{' '}
                <span lang="en">{item.finding.citation}</span>
              </p>
              <h3>{r.remediation}</h3>
              <p lang={LOCALE_TAGS[item.findingLocale]}>{item.finding.remediation}</p>
              {item.questions.length > 0 ? <h3>{r.yourAnswers}</h3> : null}
              {item.questions.map((question) => (
                <QuestionField
                  key={question.id}
                  question={question}
                  value={answerToForm(question, page.defaults[question.id])}
                  error={posted?.errors[question.id]}
                  evidence={page.evidence}
                  locale={page.locale}
                  t={t}
                  register={form.register}
                  control={form.control}
                  hydrated={hydrated}
                />
              ))}
              {item.replyKind && item.replyKind !== 'changed' ? (
                <p className="muted">
                  {`${r.previousReply}: ${item.replyKind === 'dispute' ? `${r.replyDispute} — ${item.replyText ?? ''}` : `${r.replyWillFix}: ${item.fixBy ?? ''}`}`}
                </p>
              ) : null}
              {closed || item.state === 'resolved' ? null : (
                <fieldset
                  className="question"
                  aria-describedby={replyError ? `${prefix}-error` : undefined}
                  aria-invalid={replyError ? true : undefined}
                >
                  <legend>{r.replyLegend}</legend>
                  <div className="choices">
                    <label className="check">
                      <input type="radio" name={`reply.${item.id}.kind`} value="" defaultChecked /> {r.replyNone}
                    </label>
                    <label className="check">
                      <input type="radio" name={`reply.${item.id}.kind`} value="will-fix" /> {r.replyWillFix}
                    </label>
                    <div className="field">
                      <label htmlFor={`${prefix}-fix-by`}>{r.fixBy}</label>
                      <input id={`${prefix}-fix-by`} type="date" name={`reply.${item.id}.fixBy`} />
                    </div>
                    <label className="check">
                      <input type="radio" name={`reply.${item.id}.kind`} value="dispute" /> {r.replyDispute}
                    </label>
                    <div className="field">
                      <label htmlFor={`${prefix}-reason`}>{r.reason}</label>
                      <textarea id={`${prefix}-reason`} name={`reply.${item.id}.reason`} rows={3} />
                    </div>
                  </div>
                  {replyError ? (
                    <p className="field-error" id={`${prefix}-error`} role="alert">
                      {replyError}
                    </p>
                  ) : null}
                </fieldset>
              )}
            </section>
          )
        })}
        {closed ? null : (
          <p className="actions-row">
            <button className="primary" type="submit">
              {r.send}
            </button>
          </p>
        )}
      </Form>
      {closed
        ? null
        : page.items
            .filter((item) => item.uploadQuestionId && item.state !== 'resolved')
            .map((item, index) => (
              <section key={item.id} className="panel evidence" aria-label={`${r.upload} (${r.item(index + 1)})`}>
                <Form method="post" encType="multipart/form-data" key={page.evidence.length}>
                  <input type="hidden" name="itemId" value={item.id} />
                  <label htmlFor={`file-${item.id}`}>{`${r.item(page.items.indexOf(item) + 1)}: ${r.upload}`}</label>{' '}
                  <input id={`file-${item.id}`} type="file" name="file" accept="application/pdf,image/png,image/jpeg" />{' '}
                  <button type="submit" className="secondary">
                    {r.uploadButton}
                  </button>
                </Form>
                <ul>
                  {page.evidence
                    .filter((e) => e.questionId === item.uploadQuestionId)
                    .map((e) => (
                      <li key={e.id}>
                        <a href={`/v/evidence/${e.id}`}>{e.fileName}</a>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
      <p>
        <Link to="/v">{r.backToHome}</Link>
      </p>
    </VendorPage>
  )
}
