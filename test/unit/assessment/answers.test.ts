import { describe, expect, it } from 'vitest'
import { validateAnswers } from '#app/questionnaire/answers.ts'
import { coreQuestionnaire, getQuestionnaire } from '#questionnaires/index.ts'

const validate = (raw: unknown) => validateAnswers(coreQuestionnaire, raw)

describe('validateAnswers', () => {
  it('accepts valid answers of every canonical type', () => {
    const raw = {
      'company.hqCountry': 'IN',
      'company.majorityOwnerCountry': null,
      'storage.primaryCountries': ['US', 'PR'],
      'access.nonUsPersonsAccess': 'unknown',
      'handling.endToEndEncryption': false,
      'destruction.daysAfterTermination': 0,
      'incident.notificationHours': 24,
      'dod.sprsScore': -203,
      'certifications.held': [{ type: 'iso27001', issued: '2024-05-01', expires: '2027-04-30', edition: '2022' }],
    }
    expect(validate(raw)).toEqual({ answers: raw, issues: [], unknownKeys: [] })
  })

  it('names the exact element of a list in the contract format', () => {
    expect(validate({ 'storage.primaryCountries': ['DE', 'XX', 'de'] }).issues).toEqual([
      { path: 'answers.storage.primaryCountries[1]', message: '"XX" is not an ISO 3166-1 alpha-2 country code' },
      { path: 'answers.storage.primaryCountries[2]', message: '"de" is not an ISO 3166-1 alpha-2 country code' },
    ])
  })

  it('rejects wrong types, enum values and bounds, and drops the bad answers', () => {
    const result = validate({
      'handling.encryptionAtRest': 'rot13',
      'handling.mfaForAllAccess': 'yes',
      'incident.notificationHours': 0,
      'dod.sprsScore': 111,
      'destruction.backupPurgeDays': 1.5,
      'company.hqCountry': null,
    })
    expect(result.answers).toEqual({})
    expect(result.issues.map((i) => i.path)).toEqual([
      'answers.handling.encryptionAtRest',
      'answers.handling.mfaForAllAccess',
      'answers.incident.notificationHours',
      'answers.dod.sprsScore',
      'answers.destruction.backupPurgeDays',
      'answers.company.hqCountry',
    ])
    expect(result.issues[0]!.message).toBe(
      '"rot13" is not one of none, provider-managed, vendor-managed-keys, customer-managed-keys',
    )
  })

  it('checks each certificate field', () => {
    const result = validate({
      'certifications.held': [{ type: 'iso9001', issued: '2024-02-30', edition: '2019', colour: 'red' }],
    })
    expect(result.issues.map((i) => i.path)).toEqual([
      'answers.certifications.held[0].type',
      'answers.certifications.held[0].issued',
      'answers.certifications.held[0].edition',
      'answers.certifications.held[0].colour',
    ])
  })

  it('takes CMMC assessor and status where the questionnaire asks them (v2), and refuses them where it does not (v1)', () => {
    const row = { type: 'cmmc-l2', issued: '2026-01-15', assessor: 'c3pao', status: 'final' }
    expect(validate({ 'certifications.held': [row] }).answers['certifications.held']).toEqual([row])
    const v1 = validateAnswers(getQuestionnaire('cross-border-core', 1)!, { 'certifications.held': [row] })
    expect(v1.issues.map((i) => i.path)).toEqual([
      'answers.certifications.held[0].assessor',
      'answers.certifications.held[0].status',
    ])
  })

  it('refuses a certificate that expires before it is issued, at its expiry', () => {
    expect(
      validate({ 'certifications.held': [{ type: 'iso27001', issued: '2025-03-01', expires: '2025-02-28' }] }).issues,
    ).toEqual([
      { path: 'answers.certifications.held[0].expires', message: 'expires 2025-02-28 is before issued 2025-03-01' },
    ])
    expect(
      validate({ 'certifications.held': [{ type: 'iso27001', issued: '2025-03-01', expires: '2025-03-01' }] }).issues,
    ).toEqual([])
  })

  it('a key that differs from a question id only by case is an error naming the id', () => {
    expect(validate({ 'Contract.BAA': true })).toEqual({
      answers: {},
      issues: [
        { path: 'answers.Contract.BAA', message: 'differs from the question id "contract.baa" only by letter case' },
      ],
      unknownKeys: [],
    })
  })

  it('unknown keys are warnings, not errors', () => {
    expect(validate({ 'vendor.mood': 'happy', 'contract.baa': true })).toEqual({
      answers: { 'contract.baa': true },
      issues: [],
      unknownKeys: ['vendor.mood'],
    })
  })

  it('a non-object is an error at the root', () => {
    expect(validate([]).issues).toEqual([{ path: 'answers', message: 'must be a JSON object' }])
  })
})
