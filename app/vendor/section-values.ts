import type { Question } from '../questionnaire/definition.ts'

export const NONE = '__none__'

/**
 * Reads one section's submitted fields into raw answers, per question type, for the questionnaire's
 * own validator. A field left empty is "not answered" (absent), never an empty string.
 * Certification rows arrive as `<id>[i].type`, `<id>[i].issued`, …; a row without a type is skipped.
 */
export function readSectionValues(questions: readonly Question[], formData: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {}
  for (const question of questions) {
    const id = question.id
    const single = formData.get(id)
    const text = typeof single === 'string' ? single.trim() : ''
    switch (question.type) {
      case 'multiple-choice':
      case 'country-list': {
        if (formData.get(`${id}.__present`) === null) break
        raw[id] = formData.getAll(id).filter((v): v is string => typeof v === 'string' && v !== '')
        break
      }
      case 'yes-no':
        if (text === 'true' || text === 'false') raw[id] = text === 'true'
        break
      case 'integer':
        if (text !== '') raw[id] = /^-?\d+$/.test(text) ? Number(text) : text
        break
      case 'country':
        if (text === NONE) raw[id] = null
        else if (text !== '') raw[id] = text
        break
      case 'certification-list': {
        if (formData.get(`${id}.__present`) === null) break
        const rows: Array<Record<string, string>> = []
        for (let i = 0; formData.has(`${id}[${i}].type`); i++) {
          const get = (field: string) => String(formData.get(`${id}[${i}].${field}`) ?? '').trim()
          if (!get('type')) continue
          const row: Record<string, string> = { type: get('type'), issued: get('issued') }
          if (get('expires')) row.expires = get('expires')
          if (get('edition')) row.edition = get('edition')
          rows.push(row)
        }
        raw[id] = rows
        break
      }
      case 'file':
        break
      default:
        if (text !== '') raw[id] = text
    }
  }
  return raw
}
