import { describe, expect, test } from 'vitest'
import { MESSAGES } from '#app/i18n/messages.ts'
import { validateAnswers } from '#app/questionnaire/answers.ts'
import {
  answerToForm,
  formToAnswer,
  readSectionValues,
  sectionDefaults,
  sectionFormSchema,
} from '#app/vendor-portal/form-values.ts'
import { coreQuestionnaire } from '#questionnaires/index.ts'

const all = coreQuestionnaire.sections.flatMap((s) => s.questions)
const byId = new Map(all.map((q) => [q.id, q]))
const question = (id: string) => byId.get(id)!

describe('form values and stored answers', () => {
  const answers: Record<string, unknown> = {
    'company.legalName': 'Acme Data Services Pvt Ltd',
    'company.majorityOwnerCountry': null,
    'company.hqCountry': 'IN',
    'storage.primaryCountries': ['IN', 'SG'],
    'storage.usesSubprocessors': false,
    'incident.notificationHours': 24,
    'certifications.held': [
      { type: 'iso27001', issued: '2025-03-01', expires: '2028-02-28', edition: '2022' },
      { type: 'cmmc-l2', issued: '2026-01-15', expires: '2029-01-14', assessor: 'c3pao', status: 'conditional' },
    ],
    'handling.encryptionAtRest': 'customer-managed-keys',
  }

  test('every answer survives the trip to the form and back', () => {
    for (const [id, value] of Object.entries(answers)) {
      expect(formToAnswer(question(id), answerToForm(question(id), value)), id).toEqual(value)
    }
  })

  test('an empty field is "not answered": blank text, no box ticked, only a blank certificate row', () => {
    expect(formToAnswer(question('company.legalName'), '   ')).toBeUndefined()
    expect(formToAnswer(question('incident.notificationHours'), '')).toBeUndefined()
    expect(formToAnswer(question('storage.usesSubprocessors'), null)).toBeUndefined()
    expect(formToAnswer(question('storage.backupCountries'), [])).toBeUndefined()
    expect(
      formToAnswer(question('storage.backupCountries'), answerToForm(question('storage.backupCountries'), undefined)),
    ).toBeUndefined()
    expect(
      formToAnswer(question('certifications.held'), answerToForm(question('certifications.held'), undefined)),
    ).toBeUndefined()
  })

  test('"We hold none" is no certificate row at all, and the answer []', () => {
    expect(answerToForm(question('certifications.held'), [])).toEqual([])
    expect(formToAnswer(question('certifications.held'), [])).toEqual([])
  })

  test('a plain form post with no box ticked and a blank certificate row answers nothing (the stored answer is cleared)', () => {
    const form = new FormData()
    form.set('storage.backupCountries.__present', '1')
    form.set('certifications.held.__present', '1')
    form.set('certifications.held.0.type', '')
    form.set('certifications.held.0.issued', '')
    expect(readSectionValues([question('storage.backupCountries'), question('certifications.held')], form)).toEqual({})
  })

  test('a plain form post with "We hold none" ticked answers [], unless a certificate was filled in too', () => {
    const none = new FormData()
    none.set('certifications.held.__present', '1')
    none.set('certifications.held.__none', '1')
    none.set('certifications.held.0.type', '')
    expect(readSectionValues([question('certifications.held')], none)).toEqual({ 'certifications.held': [] })
    none.set('certifications.held.0.type', 'soc2-type2')
    none.set('certifications.held.0.issued', '2026-06-30')
    expect(readSectionValues([question('certifications.held')], none)).toEqual({
      'certifications.held': [{ type: 'soc2-type2', issued: '2026-06-30' }],
    })
  })

  test('the browser schema (generated) accepts what the engine accepts and refuses what it refuses, in the vendor language', () => {
    const questions = coreQuestionnaire.sections.find((s) => s.id === 'incident')!.questions
    const schema = sectionFormSchema(questions, MESSAGES.es.answer)
    const good = schema.safeParse(sectionDefaults(questions, { 'incident.notificationHours': 24 }))
    expect(good.success).toBe(true)
    const bad = schema.safeParse({ incident: { notificationHours: '0' } })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]).toMatchObject({ path: ['incident', 'notificationHours'], message: 'Escriba 1 o más.' })
    expect(validateAnswers(coreQuestionnaire, { 'incident.notificationHours': 0 }).issues).toHaveLength(1)
  })

  test('a CMMC row keeps who assessed and its status; a row of another type drops them (v2)', () => {
    const held = question('certifications.held')
    expect(
      formToAnswer(held, [
        { type: 'cmmc-l3', issued: '2026-02-01', assessor: 'dibcac', status: 'final' },
        { type: 'soc2-type2', issued: '2026-06-30', assessor: 'self', status: 'conditional' },
        { type: 'cmmc-l1', issued: '2026-03-01', assessor: '', status: '' },
      ]),
    ).toEqual([
      { type: 'cmmc-l3', issued: '2026-02-01', assessor: 'dibcac', status: 'final' },
      { type: 'soc2-type2', issued: '2026-06-30' },
      { type: 'cmmc-l1', issued: '2026-03-01' },
    ])
    const form = new FormData()
    form.set('certifications.held.__present', '1')
    form.set('certifications.held.0.type', 'cmmc-l2')
    form.set('certifications.held.0.issued', '2025-11-20')
    form.set('certifications.held.0.assessor', 'self')
    form.set('certifications.held.0.status', 'final')
    expect(readSectionValues([held], form)).toEqual({
      'certifications.held': [{ type: 'cmmc-l2', issued: '2025-11-20', assessor: 'self', status: 'final' }],
    })
  })

  test('a plain form post (no JavaScript) reads into the same answers', () => {
    const questions = coreQuestionnaire.sections.find((s) => s.id === 'company')!.questions
    const form = new FormData()
    form.set('company.legalName', ' Acme Ltd ')
    form.set('company.hqCountry', 'IN')
    form.set('company.majorityOwnerCountry', '__none__')
    form.set('company.incorporationCountry', '')
    expect(readSectionValues(questions, form)).toEqual({
      'company.legalName': 'Acme Ltd',
      'company.hqCountry': 'IN',
      'company.majorityOwnerCountry': null,
    })
    const certs = new FormData()
    certs.set('certifications.held.__present', '1')
    certs.set('certifications.held.0.type', 'soc2-type2')
    certs.set('certifications.held.0.issued', '2026-06-30')
    certs.set('certifications.held.1.type', '')
    expect(readSectionValues([question('certifications.held')], certs)).toEqual({
      'certifications.held': [{ type: 'soc2-type2', issued: '2026-06-30' }],
    })
  })
})
