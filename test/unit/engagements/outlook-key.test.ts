import { expect, test } from 'vitest'
import { outlookKey } from '#app/engagements/outlook-panel.tsx'

// The stored profile the page starts from, as the form holds it before react-hook-form registers
// its inputs, and the same profile once it has (what the live outlook compared on every load).
const stored = {
  homeCountry: 'US',
  industry: 'healthcare',
  dataCategories: ['phi'],
  volumes: { usPersonalHealthData: 60000 },
  flags: { cmmcLevel: '0', cmmcAssessment: '', bankRegulated: 'true' },
  purposes: [],
}
const registered = {
  homeCountry: 'US',
  industry: 'healthcare',
  dataCategories: ['phi'],
  volumes: { usPersonalHealthData: '60000', cnPersonalInformationIndividuals: '', usPersonalFinancialData: '' },
  flags: {
    cmmcLevel: '0',
    cmmcAssessment: '',
    bankRegulated: 'true',
    criticalInformationInfrastructureOperator: false,
    dodContractor: false,
  },
  purposes: [],
}

test('the form’s values read as the stored profile they start from: empty fields, unticked boxes, digits for a number', () => {
  expect(outlookKey(registered)).toBe(outlookKey(stored))
})

test('every change the outlook can follow is a different key', () => {
  const changes = [
    { ...registered, dataCategories: ['phi', 'npi'] },
    { ...registered, homeCountry: 'MX' },
    { ...registered, volumes: { ...registered.volumes, usPersonalFinancialData: '25000' } },
    { ...registered, volumes: { ...registered.volumes, usPersonalHealthData: '0' } },
    { ...registered, flags: { ...registered.flags, dodContractor: true } },
    { ...registered, flags: { ...registered.flags, bankRegulated: 'false' } },
    { ...registered, flags: { ...registered.flags, cmmcLevel: '2' } },
    { ...registered, purposes: ['hr'] },
  ]
  for (const changed of changes) expect(outlookKey(changed)).not.toBe(outlookKey(registered))
})
