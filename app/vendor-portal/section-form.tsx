import { zodResolver } from '@hookform/resolvers/zod'
import { Form, Link, useNavigate } from '@remix-run/react'
import { type FormEvent, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { type Resolver, useForm, useWatch } from 'react-hook-form'
import { isAnswered } from '../conditions/answered.ts'
import type { Condition } from '../conditions/condition.ts'
import { type Locale, localized } from '../i18n/locale.ts'
import { messagesFor } from '../i18n/messages.ts'
import type { Question } from '../questionnaire/definition.ts'
import { progressOfQuestions } from '../questionnaire/progress.ts'
import { visibleQuestionIdsInSection } from '../questionnaire/visibility.ts'
import { getPath } from '../utils/safe-path.ts'
import { answerInWords } from './answer-words.ts'
import { AutosaveQueue, type QuestionSaveState, type QueueState, sendSaveOverHttp } from './autosave-queue.ts'
import { EvidenceBox, type EvidenceFile, EvidenceForms, type UploadRefusal } from './evidence-box.tsx'
import { answerToForm, formToAnswer, sectionDefaults, sectionFormSchema } from './form-values.ts'
import { QuestionField } from './question-field.tsx'
import type { RowUploaded } from './row-upload.tsx'
import { useLeaveGuard } from './use-leave-guard.ts'
import { VendorPage } from './vendor-page.tsx'

export type SectionPage = {
  sectionId: string
  title: string
  description: string | null
  questions: Question[]
  visibleWhen: Condition | null
  visibleIds: string[]
  answers: Record<string, unknown>
  versions: Record<string, number>
  visibility: { answers: Record<string, unknown>; profile: Record<string, unknown>; regimes: string[] }
  readOnly: boolean
  position: number
  count: number
  next: string | null
  locale: Locale
  /** Follow-up questions a plain-form save just revealed (the page points at them). */
  newIds: string[]
  /** The file question a certificate row's own upload goes to, if this section has rows. */
  rowEvidenceQuestionId: string | null
  evidence: EvidenceFile[]
}

export type Posted = {
  errors: Record<string, string>
  values: Record<string, unknown> | null
  message: string | null
  /** A refused upload, shown at its upload box. */
  upload?: UploadRefusal
  /** A certificate row's upload from the browser, which sets the row's file itself. */
  uploaded?: RowUploaded
}

/** How long after the last keystroke an answer is saved. */
const DEBOUNCE_MS = 600

// One queue per browser tab, outliving page changes: a save started on one section finishes even
// when the vendor has moved on.
let tabQueue: AutosaveQueue | null = null
function autosaveQueue(): AutosaveQueue | null {
  if (typeof window === 'undefined') return null
  if (!tabQueue) {
    const queue = new AutosaveQueue(sendSaveOverHttp)
    window.addEventListener('online', () => queue.online())
    tabQueue = queue
  }
  return tabQueue
}
const SERVER_STATE: QueueState = { questions: {}, unsaved: 0, offline: false, retryInSeconds: null, blocked: null }
const noSubscription = () => () => {}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

function firstErrorMessage(errors: unknown): string | undefined {
  if (!errors || typeof errors !== 'object') return undefined
  const record = errors as Record<string, unknown>
  if (typeof record.message === 'string' && record.message) return record.message
  for (const [key, child] of Object.entries(record)) {
    if (key === 'ref' || key === 'type') continue
    const found = firstErrorMessage(child)
    if (found) return found
  }
  return undefined
}

/**
 * Which of the section's questions are visible with the answers as typed so far: the server's
 * visibility rule over this section, with the facts the server sent for its conditions.
 */
export function liveVisibility(
  page: Pick<SectionPage, 'questions' | 'visibleWhen' | 'visibility'>,
  formAnswers: Readonly<Record<string, unknown>>,
): Set<string> {
  return visibleQuestionIdsInSection(
    { questions: page.questions, ...(page.visibleWhen ? { visibleWhen: page.visibleWhen } : {}) },
    {
      answers: { ...page.visibility.answers, ...formAnswers },
      regimes: page.visibility.regimes,
      profile: page.visibility.profile,
    },
  )
}

/**
 * A questionnaire section: a plain form that posts and moves on without JavaScript; with it,
 * react-hook-form validates with the generated schema, each changed answer is saved in the
 * background, follow-up questions appear as their trigger is answered (the server's visibility
 * code, run here), and a conflicting save from another tab asks the person to choose.
 */
export function SectionForm({ page, posted }: { page: SectionPage; posted: Posted | null }) {
  const t = messagesFor(page.locale)
  const hydrated = useHydrated()
  const navigate = useNavigate()
  const queue = autosaveQueue()
  const saveState = useSyncExternalStore(
    queue ? (listener) => queue.subscribe(listener) : noSubscription,
    () => queue?.state() ?? SERVER_STATE,
    () => SERVER_STATE,
  )
  const startValues = useMemo(() => ({ ...page.answers, ...(posted?.values ?? {}) }), [page.answers, posted])
  // The section's schema is built on the first validation (the first change), not while the page
  // hydrates: zod builds it question by question (README decision 87).
  const resolver = useMemo<Resolver<Record<string, unknown>>>(() => {
    let built: Resolver<Record<string, unknown>> | undefined
    return (values, context, options) => {
      built ??= zodResolver(sectionFormSchema(page.questions, t.answer) as never) as Resolver<Record<string, unknown>>
      return built(values, context, options)
    }
  }, [page.questions, t])
  const form = useForm<Record<string, unknown>>({
    defaultValues: sectionDefaults(page.questions, startValues),
    resolver,
    mode: 'onChange',
  })
  const [message, setMessage] = useState<string | null>(null)
  const debounced = useRef(new Map<string, ReturnType<typeof setTimeout>>())

  // What the server holds (again after every reload of the page data).
  useEffect(() => {
    if (!queue) return
    for (const q of page.questions) queue.know(q.id, page.answers[q.id], page.versions[q.id] ?? 0)
  }, [queue, page.questions, page.answers, page.versions])

  const questionFor = (name: string) => page.questions.find((q) => name === q.id || name.startsWith(`${q.id}.`))

  const saveNow = async (question: Question) => {
    debounced.current.delete(question.id)
    if (!queue || page.readOnly) return
    const valid = await form.trigger(question.id)
    if (!valid) return queue.discard(question.id)
    queue.save(question.id, formToAnswer(question, form.getValues(question.id)))
  }

  // Every change is saved in the background once typing pauses. Subscribed once per form: the
  // helpers it calls read the current page through the closure of this render, which is stable per
  // section (the form is keyed by section).
  // biome-ignore lint/correctness/useExhaustiveDependencies: subscribe once per form (see above)
  useEffect(() => {
    const timers = debounced.current
    const subscription = form.watch((_values, { name }) => {
      if (!name) return
      const question = questionFor(name)
      if (!question || question.type === 'file') return
      clearTimeout(timers.get(question.id))
      if (!page.readOnly) queue?.edit(question.id)
      timers.set(
        question.id,
        setTimeout(() => void saveNow(question), DEBOUNCE_MS),
      )
    })
    return () => {
      subscription.unsubscribe()
      // Leaving the section: save what is still waiting for the pause.
      for (const [id, timer] of timers) {
        clearTimeout(timer)
        const question = page.questions.find((q) => q.id === id)
        if (question && queue && !page.readOnly) queue.save(id, formToAnswer(question, form.getValues(id)))
      }
      timers.clear()
    }
  }, [form])

  // Leaving the page (closing the tab, reloading, typing another address): answers still waiting
  // for the typing pause are sent at once (keepalive), and the browser asks while any is unsaved.
  useLeaveGuard({
    queue: page.readOnly ? null : queue,
    warning: t.autosave.leaveWarning,
    pending: () => {
      const timers = debounced.current
      const had = timers.size > 0
      for (const [id, timer] of timers) {
        clearTimeout(timer)
        const question = page.questions.find((q) => q.id === id)
        if (question) queue?.save(id, formToAnswer(question, form.getValues(id)))
      }
      timers.clear()
      return had
    },
  })

  // Follow-up questions appear and disappear as their triggers are answered, and the section's
  // counter moves, by the same functions the server uses for the list and the review page.
  const watched = useWatch({ control: form.control })
  const formAnswers = Object.fromEntries(
    page.questions.map((q) => [q.id, hydrated ? formToAnswer(q, getPath(watched, q.id)) : startValues[q.id]]),
  )
  const visible = hydrated ? liveVisibility(page, formAnswers) : new Set(page.visibleIds)
  const shown = page.questions.filter((q) => visible.has(q.id))
  const { answered, total } = progressOfQuestions(page.questions, { answers: formAnswers, visible })

  // Follow-up questions that appeared since the page opened are marked "New"; "Save and continue"
  // stops once at those still unanswered and points at them (a plain-form save does the same
  // through `page.newIds`).
  const openedWith = useRef(new Set(page.visibleIds))
  const [pointedAt, setPointedAt] = useState<string[] | null>(null)
  const isNew = (id: string) => page.newIds.includes(id) || (hydrated && !openedWith.current.has(id))
  const followUps = (pointedAt ?? page.newIds)
    .map((id) => shown.find((q) => q.id === id))
    .filter((q): q is Question => q !== undefined)
  const followUpNotice = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (pointedAt) followUpNotice.current?.focus()
  }, [pointedAt])

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    if (!hydrated || !queue) return // the plain form POST does the work
    event.preventDefault()
    setMessage(null)
    for (const [id, timer] of debounced.current) {
      clearTimeout(timer)
      const question = page.questions.find((q) => q.id === id)
      if (question) await saveNow(question)
    }
    const valid = await form.trigger(shown.map((q) => q.id))
    if (!valid) {
      setMessage(t.section.fixErrors)
      form.setFocus(shown.find((q) => firstErrorMessage(getPath(form.formState.errors, q.id)))?.id ?? '')
      return
    }
    await queue.idle()
    const state = queue.state()
    const stuck = shown.some((q) => {
      const s = state.questions[q.id]?.status
      return s === 'conflict' || s === 'invalid'
    })
    if (state.blocked === 'session-ended') return setMessage(t.autosave.sessionEnded)
    if (stuck || state.unsaved > 0)
      return setMessage(state.offline ? t.autosave.offline(state.unsaved) : t.autosave.unsaved(state.unsaved))
    const appeared = shown.filter(
      (q) => !openedWith.current.has(q.id) && (q.type === 'file' || !isAnswered(formAnswers[q.id])),
    )
    if (appeared.length > 0 && !pointedAt) return setPointedAt(appeared.map((q) => q.id))
    navigate(page.next ? `/v/section/${page.next}` : '/v/review')
  }

  const words = { locale: page.locale, t, fileNames: new Map(page.evidence.map((e) => [e.id, e.fileName])) }
  const statusFor = (question: Question, state: QuestionSaveState | undefined) => {
    if (!state || state.status === 'idle') return null
    if (state.status === 'conflict') {
      return (
        <div className="conflict" role="alert">
          <p>
            <strong>{t.autosave.conflictTitle}.</strong> {t.autosave.conflictBody}
          </p>
          <dl>
            <dt>{t.autosave.yours}</dt>
            <dd>{answerInWords(question, state.mine, words) ?? t.autosave.notAnswered}</dd>
            <dt>{t.autosave.theirs}</dt>
            <dd>{answerInWords(question, state.theirs, words) ?? t.autosave.notAnswered}</dd>
          </dl>
          <button type="button" className="secondary" onClick={() => queue?.resolve(question.id, 'mine')}>
            {t.autosave.keepMine}
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              queue?.resolve(question.id, 'theirs')
              form.setValue(question.id, answerToForm(question, state.theirs), { shouldDirty: true })
            }}
          >
            {t.autosave.useTheirs}
          </button>
        </div>
      )
    }
    const text =
      state.status === 'saving' || state.status === 'pending'
        ? t.autosave.saving
        : state.status === 'saved'
          ? t.autosave.saved
          : state.status === 'invalid'
            ? `${t.autosave.failed}: ${state.message}`
            : t.autosave.failed
    return <p className={`save-state ${state.status}`}>{text}</p>
  }

  const conflictCount = Object.values(saveState.questions).filter((q) => q.status === 'conflict').length
  const overall = saveState.blocked
    ? saveState.blocked === 'session-ended'
      ? t.autosave.sessionEnded
      : t.autosave.submitted
    : saveState.offline
      ? `${t.autosave.offline(saveState.unsaved)}${saveState.retryInSeconds ? ` ${t.autosave.retrying(saveState.retryInSeconds)}` : ''}`
      : conflictCount > 0
        ? t.autosave.conflictsWaiting(conflictCount)
        : saveState.unsaved > 0
          ? t.autosave.saving
          : Object.keys(saveState.questions).length > 0
            ? t.autosave.allSaved
            : ''
  const errorFor = (id: string) =>
    firstErrorMessage(getPath(form.formState.errors, id)) ??
    (form.formState.dirtyFields && getPath(form.formState.dirtyFields, id) ? undefined : posted?.errors?.[id])
  const sectionUrl = `/v/section/${page.sectionId}`
  // A row's file uploaded in the background becomes the row's evidence file, saved like any change.
  const attachRowFile = (question: Question) => (uploaded: RowUploaded) =>
    form.setValue(`${question.id}.${uploaded.row}.evidenceId` as never, uploaded.evidenceId as never, {
      shouldDirty: true,
    })

  return (
    <VendorPage wide>
      <p>
        <Link to="/v">{t.section.allSections}</Link> · {t.section.position(page.position + 1, page.count)}
      </p>
      <h1>{page.title}</h1>
      {page.description ? <p className="muted">{page.description}</p> : null}
      <p className="section-progress">
        <progress max={total || 1} value={answered} aria-label={t.home.sectionCount(answered, total)} />{' '}
        {t.home.sectionCount(answered, total)}
      </p>
      <p className={`autosave-status${saveState.offline ? ' offline' : ''}`} role="status" aria-live="polite">
        {overall}
      </p>
      {page.readOnly ? (
        <div className="notice" role="status">
          {t.section.readOnly}
        </div>
      ) : null}
      {(message ?? posted?.message) ? (
        <div className="form-error" role="alert">
          {message ?? posted?.message}
        </div>
      ) : null}
      <Form method="post" className="questionnaire" onSubmit={onSubmit} noValidate>
        <fieldset disabled={page.readOnly} className="plain">
          {shown.map((question) => (
            <div key={question.id}>
              <input type="hidden" name={`__v.${question.id}`} value={page.versions[question.id] ?? 0} />
              <QuestionField
                question={question}
                value={answerToForm(question, startValues[question.id])}
                error={errorFor(question.id)}
                evidence={page.evidence}
                locale={page.locale}
                t={t}
                register={form.register}
                control={form.control}
                hydrated={hydrated}
                isNew={isNew(question.id)}
                status={statusFor(question, saveState.questions[question.id])}
                rowUpload={
                  page.rowEvidenceQuestionId && !page.readOnly
                    ? {
                        sectionUrl,
                        questionId: page.rowEvidenceQuestionId,
                        refusal: posted?.upload,
                        onUploaded: attachRowFile(question),
                      }
                    : undefined
                }
                fileBox={
                  question.type === 'file' ? (
                    <EvidenceBox
                      questionId={question.id}
                      files={page.evidence.filter((e) => e.questionId === question.id)}
                      readOnly={page.readOnly}
                      refusal={
                        posted?.upload?.questionId === question.id && posted.upload.row === null
                          ? posted.upload.message
                          : undefined
                      }
                      t={t}
                    />
                  ) : undefined
                }
              />
            </div>
          ))}
          {followUps.length > 0 ? (
            <div className="notice follow-ups" role="alert" tabIndex={-1} ref={followUpNotice}>
              <p>{t.section.followUpsAppeared(followUps.length)}</p>
              <ul>
                {followUps.map((q) => (
                  <li key={q.id}>
                    <a href={`#q-${q.id}`}>{localized(q.prompt, page.locale)}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <button className="primary" type="submit">
            {t.section.saveAndContinue}
          </button>
        </fieldset>
      </Form>
      <EvidenceForms
        sectionUrl={sectionUrl}
        fileQuestionIds={shown.filter((q) => q.type === 'file').map((q) => q.id)}
        files={page.evidence}
        certificateRows={
          page.rowEvidenceQuestionId
            ? shown
                .filter((q) => q.type === 'certification-list')
                .map((q) => ({
                  listId: q.id,
                  questionId: page.rowEvidenceQuestionId as string,
                  rows: Math.max(1, (answerToForm(q, startValues[q.id]) as unknown[]).length),
                }))
            : []
        }
        readOnly={page.readOnly}
        t={t}
      />
    </VendorPage>
  )
}
