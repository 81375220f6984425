import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import type { Messages } from '../i18n/messages.ts'
import type { UploadRefusal } from './evidence-box.tsx'

/** A certificate row's upload, answered to the browser: the new file, for the row to point at. */
export type RowUploaded = { row: number; evidenceId: string; fileName: string }

export type RowUploadTarget = {
  sectionUrl: string
  /** The file question the row's file is stored under. */
  questionId: string
  /** A plain form's refused upload (the page came back with it). */
  refusal: UploadRefusal | undefined
  /** With JavaScript: the row's file was stored; the form points the row at it (and saves). */
  onUploaded: (uploaded: RowUploaded) => void
}

/** The (empty) form a row's upload button submits without JavaScript. */
export const rowUploadFormId = (listId: string, row: number) => `upload-${listId}-row-${row}`

/**
 * A certificate row's own upload: a file input and a button in the row. With JavaScript the file
 * is sent in the background and becomes the row's evidence file (saved like any change); without
 * it the button submits a plain multipart form (rendered after the section's form, see
 * EvidenceForms) and the server attaches the file to the row when the row is saved already.
 */
export function RowUpload({
  listId,
  row,
  target,
  hydrated,
  t,
}: {
  listId: string
  row: number
  target: RowUploadTarget
  hydrated: boolean
  t: Messages
}) {
  const fetcher = useFetcher<{ uploaded?: RowUploaded; upload?: UploadRefusal }>()
  const input = useRef<HTMLInputElement>(null)
  const formId = rowUploadFormId(listId, row)
  const inputId = `${formId}-file`
  const errorId = `${formId}-error`
  const reply = fetcher.state === 'idle' ? fetcher.data : undefined
  const refusal = reply?.upload?.message ?? (target.refusal?.row === row ? target.refusal.message : undefined)
  // Once per reply (the callback changes with every render of the form).
  const onUploaded = useRef(target.onUploaded)
  onUploaded.current = target.onUploaded
  useEffect(() => {
    if (reply?.uploaded) onUploaded.current(reply.uploaded)
  }, [reply])
  return (
    <div className="row-upload">
      <label htmlFor={inputId}>{t.section.rowFile}</label>
      <span>
        <input
          ref={input}
          id={inputId}
          type="file"
          name="file"
          form={formId}
          accept="application/pdf,image/png,image/jpeg"
          aria-describedby={refusal ? errorId : undefined}
          aria-invalid={refusal ? true : undefined}
        />{' '}
        <button
          type="submit"
          form={formId}
          className="secondary"
          disabled={fetcher.state !== 'idle'}
          onClick={(event) => {
            if (!hydrated) return // the plain form posts
            event.preventDefault()
            const data = new FormData()
            data.set('questionId', target.questionId)
            data.set('row', String(row))
            const file = input.current?.files?.[0]
            if (file) data.set('file', file)
            fetcher.submit(data, {
              method: 'post',
              encType: 'multipart/form-data',
              action: `${target.sectionUrl}?respond=json`,
            })
          }}
        >
          {fetcher.state === 'idle' ? t.section.upload : t.section.uploading}
        </button>
      </span>
      <span role="status" className="muted">
        {reply?.uploaded ? t.section.fileAttached(reply.uploaded.fileName) : ''}
      </span>
      {refusal ? (
        <p className="field-error" id={errorId} role="alert">
          {t.section.uploadFailed}: {refusal}
        </p>
      ) : null}
    </div>
  )
}
