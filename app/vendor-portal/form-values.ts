import { z } from 'zod'
import { type AnswerMessages, answerSchema } from '../questionnaire/answer-schema.ts'
import type { Question } from '../questionnaire/definition.ts'
import { setPath } from '../utils/safe-path.ts'

/**
 * The vendor form's values and the stored answers, converted one way by one set of functions for
 * the browser (react-hook-form) and the server (a plain form POST without JavaScript). Field names
 * are the question ids; react-hook-form reads their dots as paths, so its values nest
 * (`company.legalName` → `{ company: { legalName } }`) and certificate rows are
 * `certifications.held.0.type`. A field left empty is "not answered" (absent), never "": no box
 * ticked and only blank certificate rows are "not answered" too, so emptying a field clears its
 * stored answer. The one empty value the form stores is a certificate list with no row at all,
 * which the vendor makes by ticking "We hold none" (`[]`, an answer: app/conditions/answered.ts).
 */

export const NONE = '__none__'

export type CertificateRow = {
  type?: string
  edition?: string
  issued?: string
  expires?: string
  evidenceId?: string
  /** CMMC rows only (questionnaire v2's `cmmcDetails`): self | c3pao | dibcac, final | conditional. */
  assessor?: string
  status?: string
}

/** Whether a certificate row's type takes the CMMC assessor and status. */
export const isCmmcType = (type: unknown) => typeof type === 'string' && /^cmmc-l[123]$/.test(type)

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
const strings = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v !== '')
    : typeof value === 'string' && value !== ''
      ? [value]
      : []

/** A question's form value → its answer; `undefined` when the field says "not answered". */
export function formToAnswer(question: Question, formValue: unknown): unknown {
  switch (question.type) {
    case 'multiple-choice':
    case 'country-list': {
      const list = strings(formValue)
      return list.length > 0 ? list : undefined
    }
    case 'yes-no': {
      const value = text(formValue)
      return value === 'true' ? true : value === 'false' ? false : undefined
    }
    case 'integer': {
      const value = typeof formValue === 'number' ? String(formValue) : text(formValue)
      if (value === '') return undefined
      return /^-?\d+$/.test(value) ? Number(value) : value
    }
    case 'country': {
      const value = text(formValue)
      if (value === NONE) return null
      return value === '' ? undefined : value
    }
    case 'certification-list': {
      if (!Array.isArray(formValue)) return undefined
      // No row at all: "we hold none" (ticked). Rows left blank: not answered yet.
      if (formValue.length === 0) return []
      const rows = formValue as CertificateRow[]
      const certificates = rows
        .filter((row) => row && [row.type, row.issued, row.expires, row.edition].some((v) => text(v) !== ''))
        .map((row) => {
          const cert: Record<string, string> = { type: text(row.type), issued: text(row.issued) }
          if (text(row.expires)) cert.expires = text(row.expires)
          if (text(row.edition)) cert.edition = text(row.edition)
          if (text(row.evidenceId)) cert.evidenceId = text(row.evidenceId)
          // Kept for CMMC rows only: a row switched to another type drops what it no longer shows.
          if (question.cmmcDetails && isCmmcType(cert.type)) {
            if (text(row.assessor)) cert.assessor = text(row.assessor)
            if (text(row.status)) cert.status = text(row.status)
          }
          return cert
        })
      return certificates.length > 0 ? certificates : undefined
    }
    case 'file':
      return undefined
    default: {
      const value = text(formValue)
      return value === '' ? undefined : value
    }
  }
}

/** A stored answer → the form's value (defaults, and "use their answer" after a conflict). */
export function answerToForm(question: Question, answer: unknown): unknown {
  switch (question.type) {
    case 'multiple-choice':
    case 'country-list':
      return Array.isArray(answer) ? answer : []
    case 'yes-no':
      return answer === true ? 'true' : answer === false ? 'false' : null
    case 'country':
      return answer === null ? NONE : typeof answer === 'string' ? answer : ''
    case 'integer':
      return typeof answer === 'number' ? String(answer) : ''
    case 'certification-list':
      // "None held" is no row; otherwise the stored certificates and one blank row to add the next
      // (blank rows are not answers).
      if (Array.isArray(answer) && answer.length === 0) return []
      return [...(Array.isArray(answer) ? (answer as CertificateRow[]) : []), {}].map((row) => ({
        type: row.type ?? '',
        edition: row.edition ?? '',
        issued: row.issued ?? '',
        expires: row.expires ?? '',
        evidenceId: row.evidenceId ?? '',
        ...(question.cmmcDetails ? { assessor: row.assessor ?? '', status: row.status ?? '' } : {}),
      }))
    case 'file':
      return undefined
    default:
      return typeof answer === 'string' ? answer : ''
  }
}

/** react-hook-form's default values for a section, from the stored answers. */
export function sectionDefaults(
  questions: readonly Question[],
  answers: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const question of questions) {
    if (question.type === 'file') continue
    setPath(values, question.id, answerToForm(question, answers[question.id]))
  }
  return values
}

/**
 * The section's form schema, generated from the definition by the same generator as the server's
 * and the engine's validation (answerSchema), with messages in the vendor's language. Every field is
 * optional here: required questions are enforced at submission (the review page), so a vendor can
 * save a half-finished section.
 */
export function sectionFormSchema(questions: readonly Question[], messages: AnswerMessages): z.ZodType {
  type Tree = { [key: string]: Tree | z.ZodType }
  const tree: Tree = {}
  for (const question of questions) {
    if (question.type === 'file') continue
    const keys = question.id.split('.')
    let node = tree
    for (const key of keys.slice(0, -1)) {
      node[key] ??= {}
      node = node[key] as Tree
    }
    node[keys[keys.length - 1]!] = z.preprocess(
      (value) => formToAnswer(question, value),
      answerSchema(question, messages).optional(),
    )
  }
  const build = (node: Tree): z.ZodType =>
    z.object(
      Object.fromEntries(
        Object.entries(node).map(([key, child]) => [key, child instanceof z.ZodType ? child : build(child)]),
      ),
    )
  return build(tree)
}

/** The form value of one question, read from a plain form POST (no JavaScript). */
function formDataValue(question: Question, formData: FormData): unknown {
  const id = question.id
  switch (question.type) {
    case 'multiple-choice':
    case 'country-list':
      // A group of unticked boxes posts nothing: the hidden marker says the group was on the page.
      return formData.get(`${id}.__present`) === null ? undefined : formData.getAll(id)
    case 'certification-list': {
      if (formData.get(`${id}.__present`) === null) return undefined
      const rows: CertificateRow[] = []
      for (let i = 0; formData.has(`${id}.${i}.type`); i++) {
        const get = (field: string) => String(formData.get(`${id}.${i}.${field}`) ?? '')
        rows.push({
          type: get('type'),
          edition: get('edition'),
          issued: get('issued'),
          expires: get('expires'),
          evidenceId: get('evidenceId'),
          assessor: get('assessor'),
          status: get('status'),
        })
      }
      // "We hold none" counts unless a certificate was filled in as well (then the rows win).
      const filled = rows.some((row) =>
        [row.type, row.issued, row.expires, row.edition].some((v) => (v ?? '').trim() !== ''),
      )
      return formData.get(`${id}.__none`) !== null && !filled ? [] : rows
    }
    default:
      return formData.get(id) ?? ''
  }
}

/** Reads one section's posted fields into raw answers, for the questionnaire's validator. */
export function readSectionValues(questions: readonly Question[], formData: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {}
  for (const question of questions) {
    const value = formToAnswer(question, formDataValue(question, formData))
    if (value !== undefined) raw[question.id] = value
  }
  return raw
}
