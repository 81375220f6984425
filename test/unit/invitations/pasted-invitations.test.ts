import { describe, expect, test } from 'vitest'
import { InviteVendorSchema, PasteInvitationsSchema, parsePastedInvitations } from '#app/invitations/invitation.ts'

describe('pasted vendors', () => {
  test('a company with commas in quotes, and a spreadsheet row (tabs) in the same paste, are both read', () => {
    const rows = parsePastedInvitations(
      [
        '"Norte, S.A. de C.V.", MX, Ana López, ana@norte.example',
        'Manila Voice, Inc.\tPH\tJose Cruz\tjose@manila.example',
        '"Caribe ""Data"" Services"\tPR\tLuis Ortiz\tluis@caribe.example',
        'Plain Co,IN,Priya Shah,priya@plain.example',
      ].join('\n'),
    )
    expect(rows.map((row) => row.errors)).toEqual([undefined, undefined, undefined, undefined])
    expect(rows.map((row) => row.input?.vendorCompany)).toEqual([
      'Norte, S.A. de C.V.',
      'Manila Voice, Inc.',
      'Caribe "Data" Services',
      'Plain Co',
    ])
    expect(rows.map((row) => row.input?.vendorCountry)).toEqual(['MX', 'PH', 'PR', 'IN'])
  })

  test('an unquoted comma in a name, and an unknown country, say what to do in the buyer’s words', () => {
    const rows = parsePastedInvitations(
      'Norte, S.A. de C.V., MX, Ana López, ana@norte.example\n\nAcme, XX, Bob Stone, bob@acme.example',
    )
    expect(rows).toEqual([
      {
        line: 1,
        errors: [
          'expected 4 fields (company, country, contact name, email), found 5: put a name with a comma in quotes',
        ],
      },
      { line: 3, errors: ['country: “XX” is not a country code: use two letters such as MX, PH or PR'] },
    ])
  })

  test('the buyer’s choice of email language is kept; blank leaves it to the vendor’s country', () => {
    const one = { vendorCompany: 'Norte', vendorCountry: 'MX', contactName: 'Ana', contactEmail: 'ana@norte.example' }
    expect(InviteVendorSchema.parse({ ...one, language: 'zh' }).language).toBe('zh')
    expect(InviteVendorSchema.parse({ ...one, language: '' }).language).toBeUndefined()
    expect(InviteVendorSchema.safeParse({ ...one, language: 'fr' }).success).toBe(false)
    const pasted = PasteInvitationsSchema.parse({ rows: 'Norte, MX, Ana, ana@norte.example', language: 'es' })
    expect(pasted.language).toBe('es')
  })
})
