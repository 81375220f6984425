import { Form } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import type { Messages } from '../i18n/messages.ts'
import { rowUploadFormId } from './row-upload.tsx'

export type EvidenceFile = { id: string; questionId: string; fileName: string; size: number; sha256: string }
export type UploadRefusal = { questionId: string; row: number | null; message: string }

const ACCEPT = 'application/pdf,image/png,image/jpeg'

/** The id of the (empty) form a file question's upload button submits. */
export const uploadFormId = (questionId: string) => `upload-${questionId}`
const removeFormId = (evidenceId: string) => `remove-${evidenceId}`

/**
 * A file question's upload box, in its place among the questions (above "Save and continue"):
 * its files, a file input and the upload button, and the reason an upload was refused right
 * there. A form cannot sit inside the section's form, so the controls belong to forms rendered
 * after it (`EvidenceForms`) through their `form` attribute; that works without JavaScript too.
 */
export function EvidenceBox({
  questionId,
  files,
  readOnly,
  refusal,
  t,
}: {
  questionId: string
  files: EvidenceFile[]
  readOnly: boolean
  refusal: string | undefined
  t: Messages
}) {
  const input = useRef<HTMLInputElement>(null)
  const errorId = `file-${questionId}-error`
  // A refused upload (answered without leaving the page) moves the focus to the file input, next to its reason.
  useEffect(() => {
    if (refusal) input.current?.focus()
  }, [refusal])
  return (
    <div className="evidence-box" id={`files-${questionId}`}>
      {files.length > 0 ? (
        <ul>
          {files.map((e) => (
            <li key={e.id}>
              <a href={`/v/evidence/${e.id}`}>{e.fileName}</a>{' '}
              <span className="muted">{t.section.fileSize(Math.ceil(e.size / 1024), e.sha256.slice(0, 12))}</span>
              {readOnly ? null : (
                <>
                  {' '}
                  <button type="submit" form={removeFormId(e.id)} className="link-button">
                    {t.section.remove}
                    <span className="visually-hidden">{` ${e.fileName}`}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t.section.noFilesYet}</p>
      )}
      {readOnly ? null : (
        <p className="upload-row">
          <label htmlFor={`file-${questionId}`}>{t.section.addFile}</label>{' '}
          <input
            // A new input after each upload: the one just sent is not offered again.
            key={files.length}
            ref={input}
            id={`file-${questionId}`}
            type="file"
            name="file"
            form={uploadFormId(questionId)}
            accept={ACCEPT}
            aria-describedby={refusal ? errorId : undefined}
            aria-invalid={refusal ? true : undefined}
          />{' '}
          <button type="submit" form={uploadFormId(questionId)} className="secondary">
            {t.section.upload}
          </button>
        </p>
      )}
      {refusal ? (
        <p className="field-error" id={errorId} role="alert">
          {t.section.uploadFailed}: {refusal}
        </p>
      ) : null}
    </div>
  )
}

/**
 * The forms the upload boxes' buttons submit, after the section's form: one upload form per file
 * question (multipart; its address ends in the box's anchor, so a plain post comes back at the
 * box), one per certificate row a plain form shows, and one removal form per file (confirmed
 * first).
 */
export function EvidenceForms({
  sectionUrl,
  fileQuestionIds,
  files,
  certificateRows,
  readOnly,
  t,
}: {
  sectionUrl: string
  fileQuestionIds: string[]
  files: EvidenceFile[]
  /** Certificate lists whose rows upload their own file, and how many rows a plain form shows. */
  certificateRows: Array<{ listId: string; questionId: string; rows: number }>
  readOnly: boolean
  t: Messages
}) {
  if (readOnly) return null
  return (
    <>
      {fileQuestionIds.map((id) => (
        <Form
          key={id}
          id={uploadFormId(id)}
          method="post"
          encType="multipart/form-data"
          action={`${sectionUrl}#files-${id}`}
          preventScrollReset
        >
          <input type="hidden" name="questionId" value={id} />
        </Form>
      ))}
      {certificateRows.flatMap(({ listId, questionId, rows }) =>
        Array.from({ length: rows }, (_, row) => (
          <form
            key={rowUploadFormId(listId, row)}
            id={rowUploadFormId(listId, row)}
            method="post"
            encType="multipart/form-data"
            action={`${sectionUrl}#cert-row-${row}`}
          >
            <input type="hidden" name="questionId" value={questionId} />
            <input type="hidden" name="row" value={row} />
          </form>
        )),
      )}
      {files.map((e) => (
        <Form
          key={e.id}
          id={removeFormId(e.id)}
          method="post"
          action={sectionUrl}
          preventScrollReset
          onSubmit={(event) => {
            if (!window.confirm(t.section.removeConfirm(e.fileName))) event.preventDefault()
          }}
        >
          <input type="hidden" name="intent" value="delete-evidence" />
          <input type="hidden" name="evidenceId" value={e.id} />
        </Form>
      ))}
    </>
  )
}
