import { describe, expect, test } from 'vitest'
import { assess } from '#app/assessment/engine.ts'
import type { DecisionRecord } from '#app/decisions/decision.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { answerText } from '#app/reports/answer-text.ts'
import { type AnswerRecord, buildVendorReport, type ReportInput } from '#app/reports/report-model.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

const profile = ProfileSchema.parse({
  homeCountry: 'US',
  industry: 'healthcare',
  dataCategories: ['phi'],
  volumes: {},
  flags: {},
  purposes: [],
})

// A weak offshore vendor: no BAA, plain deletion, no breach notice time: findings of every severity.
const weakAnswers: Record<string, unknown> = {
  'company.legalName': '=HYPERLINK("http://evil.example")',
  'company.hqCountry': 'MX',
  'company.incorporationCountry': 'MX',
  'company.majorityOwnerCountry': null,
  'storage.primaryCountries': ['US'],
  'access.personnelCountries': ['MX', 'IN'],
  'handling.encryptionAtRest': 'provider-managed',
  'handling.encryptionInTransit': 'none',
  'handling.mfaForAllAccess': false,
  'destruction.method': 'delete',
  'destruction.certificateProvided': false,
  'contract.baa': false,
  'certifications.held': [
    { type: 'iso27001', edition: '2022', issued: '2024-01-10', expires: '2026-12-15', evidenceId: 'ev-iso' },
    { type: 'soc2-type2', issued: '2024-06-30' },
  ],
}

function records(answers: Record<string, unknown>): AnswerRecord[] {
  return Object.entries(answers).map(([questionId, value]) => ({
    questionId,
    value,
    version: 2,
    updatedAt: '2026-11-20T10:00:00.000Z',
  }))
}

function input(overrides: Partial<ReportInput> = {}, answers = weakAnswers, asOf = '2026-11-01'): ReportInput {
  const { assessment } = assess({ profile, questionnaire: coreQuestionnaire, answers, regimes: regimePacks, asOf })
  return {
    engagement: { id: 'eng-1', name: 'Outpatient coding' },
    profile,
    vendor: {
      invitationId: 'inv-1',
      company: 'Monterrey Revenue Cycle',
      country: 'MX',
      contactName: 'Jorge',
      contactEmail: 'jorge@example.com',
      status: 'submitted',
      submittedAt: '2026-11-01T09:00:00.000Z',
    },
    questionnaire: coreQuestionnaire,
    answers: records(answers),
    evidence: [
      { id: 'ev-iso', questionId: 'certifications.evidence', fileName: 'iso-27001.pdf', size: 1000 },
      { id: 'ev-2', questionId: 'destruction.certificateSample', fileName: 'sample-certificate.pdf', size: 500 },
    ],
    assessment,
    decisions: [],
    today: '2026-11-29',
    ...overrides,
  }
}

describe('the vendor report model', () => {
  test('headline: verdict, score, location and recommendation with reasons, engine and rules version', () => {
    const report = buildVendorReport(input())
    expect(report.assessment).toMatchObject({
      verdict: 'reject',
      verdictLabel: 'Reject',
      locationClass: 'offshore',
      locationLabel: 'Offshore',
      asOf: '2026-11-01',
    })
    expect(report.assessment?.reasons.length).toBeGreaterThan(0)
    expect(report.assessment?.engineVersion).toMatch(/^\d+\.\d+\.\d+$/)
    expect(report.assessment?.rulesVersion).toMatch(/^\d{4}\.\d{2}$/)
    expect(report.assessment?.sections.map((s) => s.id)).toContain('storage')
    expect(report.notAssessed).toBeUndefined()
  })

  test('findings are grouped by regime, blocker first down to info, each with its citation and remediation', () => {
    const report = buildVendorReport(input())
    const hipaa = report.assessment?.regimes.find((r) => r.id === 'hipaa')
    expect(hipaa).toMatchObject({ name: 'HIPAA', status: 'non-compliant', statusLabel: 'Non-compliant' })
    const severities = hipaa?.findings.map((f) => f.severity) ?? []
    expect(severities[0]).toBe('blocker')
    expect(severities.at(-1)).toBe('info')
    const rank = ['blocker', 'high', 'medium', 'low', 'info']
    expect(severities.map((s) => rank.indexOf(s))).toEqual(
      [...severities.map((s) => rank.indexOf(s))].sort((a, b) => a - b),
    )
    expect(new Set(severities)).toEqual(new Set(rank))
    const baa = hipaa?.findings.find((f) => f.ruleId === 'hipaa.baa-required')
    expect(baa?.citation).toContain('45 CFR 164.308(b)(1)')
    expect(baa?.remediation).toMatch(/Sign a BAA/)
    expect(report.assessment?.severityCounts.blocker).toBe(1)
  })

  test('each finding shows the question and the answer, in words, that triggered it', () => {
    const report = buildVendorReport(input())
    const findings = report.assessment?.findings ?? []
    expect(findings.find((f) => f.ruleId === 'hipaa.baa-required')?.triggeredBy).toEqual([
      {
        questionId: 'contract.baa',
        // The buyer's report asks about the vendor, not to it.
        prompt: 'Will the vendor sign a HIPAA business associate agreement (BAA) with us?',
        answer: 'No',
      },
    ])
    const transit = findings.find((f) => f.ruleId === 'hipaa.encryption-in-transit')
    expect(transit?.triggeredBy[0]?.answer).toBe('Not encrypted (or not on every connection)')
    const offshore = findings.find((f) => f.ruleId === 'hipaa.offshore-risk-analysis')
    expect(offshore?.triggeredBy.find((t) => t.questionId === 'access.personnelCountries')?.answer).toBe(
      'Mexico (MX), India (IN)',
    )
    // A question the vendor left out reads as such, not as "undefined".
    expect(offshore?.triggeredBy.find((t) => t.questionId === 'storage.backupCountries')?.answer).toBe('Not answered')
  })

  test('every answer is listed by section, readable, with its evidence files', () => {
    const report = buildVendorReport(input())
    const all = report.answerSections.flatMap((s) => s.answers)
    const byId = new Map(all.map((a) => [a.questionId, a]))
    expect(report.answerSections[0]?.title).toBe('Company and ownership')
    expect(byId.get('company.hqCountry')?.answer).toBe('Mexico (MX)')
    expect(byId.get('handling.mfaForAllAccess')?.answer).toBe('No')
    expect(byId.get('incident.notificationHours')?.answer).toBe('Not answered')
    expect(byId.get('destruction.method')?.answer).toBe('Delete files or records (no sanitisation)')
    expect(byId.get('certifications.held')?.answer).toContain(
      'ISO/IEC 27001 certificate (2022 edition), issued 2024-01-10',
    )
    expect(byId.get('destruction.certificateSample')?.evidence).toEqual([
      { id: 'ev-2', fileName: 'sample-certificate.pdf' },
    ])
    expect(byId.get('company.hqCountry')).toMatchObject({ version: 2, updatedAt: '2026-11-20T10:00:00.000Z' })
    // Every stored answer appears once.
    for (const questionId of Object.keys(weakAnswers)) expect(byId.get(questionId)?.answered).toBe(true)
  })

  test('the certificate register judges each certificate at the assessment date and today', () => {
    const report = buildVendorReport(input())
    const iso = report.assessment?.certificates.find((c) => c.type === 'iso27001')
    expect(iso).toMatchObject({
      label: 'ISO/IEC 27001 certificate',
      edition: '2022',
      atAssessment: { status: 'expiring' },
      today: { status: 'expiring' },
      evidence: { id: 'ev-iso', fileName: 'iso-27001.pdf' },
    })
    const soc2 = report.assessment?.certificates.find((c) => c.type === 'soc2-type2')
    expect(soc2?.atAssessment.status).toBe('stale')
    const later = buildVendorReport(input({ today: '2027-01-01' }))
    expect(later.assessment?.certificates.find((c) => c.type === 'iso27001')?.today).toMatchObject({
      status: 'expired',
      label: 'Expired',
    })
  })

  test('conditions are listed with their kind and citation', () => {
    const euProfile = ProfileSchema.parse({ ...profile, dataCategories: ['eu-personal-data'], homeCountry: 'DE' })
    const answers = { ...weakAnswers, 'contract.gdprDpa': true, 'contract.gdprScc': true }
    const { assessment } = assess({
      profile: euProfile,
      questionnaire: coreQuestionnaire,
      answers,
      regimes: regimePacks,
      asOf: '2026-11-01',
    })
    const report = buildVendorReport({ ...input({}, answers), profile: euProfile, assessment })
    const scc = report.assessment?.conditions.find((c) => c.regime === 'gdpr')
    expect(scc).toMatchObject({ kind: 'mechanism', kindLabel: 'Transfer mechanism', regimeName: 'GDPR' })
    expect(scc?.citation).toMatch(/Art\. 46/)
    expect(report.profile.homeCountry).toBe('Germany (DE)')
  })

  test('a vendor that has not submitted gets a report that says so, with the answers so far', () => {
    const draft = { 'company.hqCountry': 'CR', 'storage.primaryCountries': ['CR'] }
    const report = buildVendorReport(
      input({ assessment: undefined, vendor: { ...input().vendor, status: 'in-progress', submittedAt: null } }, draft),
    )
    expect(report.assessment).toBeUndefined()
    expect(report.notAssessed).toMatch(/has not submitted/)
    expect(report.answeredCount).toBe(2)
    const all = report.answerSections.flatMap((s) => s.answers)
    expect(all.find((a) => a.questionId === 'storage.primaryCountries')?.answer).toBe('Costa Rica (CR)')
    expect(all.find((a) => a.questionId === 'contract.baa')?.answer).toBe('Not answered')
  })

  test('no questionnaire definition installed: raw answers still show, nothing crashes', () => {
    const report = buildVendorReport(input({ questionnaire: undefined }))
    expect(report.answerSections).toHaveLength(1)
    expect(report.answerSections[0]?.answers.find((a) => a.questionId === 'contract.baa')?.answer).toBe('false')
    expect(report.assessment?.findings.find((f) => f.ruleId === 'hipaa.baa-required')?.triggeredBy[0]?.prompt).toBe(
      'contract.baa',
    )
  })

  test('the current decision and its history, newest first, with labels', () => {
    const decisions: DecisionRecord[] = [
      { id: 'd2', decision: 'rejected', comment: 'No BAA', decidedBy: 'Maria', decidedAt: '2026-11-28T10:00:00Z' },
      { id: 'd1', decision: 'shortlisted', comment: '', decidedBy: 'Maria', decidedAt: '2026-11-20T10:00:00Z' },
    ]
    const report = buildVendorReport(input({ decisions }))
    expect(report.decision).toMatchObject({ decision: 'rejected', label: 'Rejected', comment: 'No BAA' })
    expect(report.decisionHistory.map((d) => d.label)).toEqual(['Rejected', 'Shortlisted'])
  })

  test('the profile summary reads in plain words', () => {
    const report = buildVendorReport(input())
    expect(report.profile.industry).toMatch(/^Healthcare/)
    expect(report.profile.dataCategories).toEqual(['Patient health information (PHI)'])
    expect(report.profile.line).toContain('United States of America (US)')
  })
})

describe('answers in words', () => {
  const q = (id: string) => coreQuestionnaire.sections.flatMap((s) => s.questions).find((x) => x.id === id)
  test.each([
    [
      'handling.encryptionAtRest',
      'customer-managed-keys',
      'Encrypted with keys that we (the customer) hold and control',
    ],
    ['company.majorityOwnerCountry', null, 'No single owner holds 50 % or more'],
    ['storage.backupCountries', [], 'None'],
    ['storage.backupCountries', ['PR', 'US'], 'Puerto Rico (PR), United States of America (US)'],
    ['dod.sprsScore', -12, '-12'],
    ['handling.logRetentionDays', 90, '90 days'],
    ['contract.baa', true, 'Yes'],
    ['certifications.held', [], 'None'],
    ['contract.baa', undefined, 'Not answered'],
  ])('%s = %j reads "%s"', (id, value, expected) => {
    expect(answerText(q(id), value)).toBe(expected)
  })

  test('uploaded files show by name', () => {
    expect(answerText(q('destruction.certificateSample'), ['a', 'b'], new Map([['a', 'one.pdf']]))).toBe(
      'one.pdf, a file since removed',
    )
  })
})

describe('the answers CSV', () => {
  test('one row per answer, in words, with formula cells escaped', async () => {
    const { answersCsv } = await import('#app/reports/answers-csv.ts')
    const csv = answersCsv(buildVendorReport(input()))
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('Question id,Section,Question,Answer,Evidence files,Version,Updated at')
    const legalName = lines.find((l) => l.startsWith('company.legalName,'))
    expect(legalName).toContain(`"'=HYPERLINK(""http://evil.example"")"`)
    expect(lines.find((l) => l.startsWith('contract.baa,'))).toContain(',No,')
    expect(lines.find((l) => l.startsWith('destruction.certificateSample,'))).toContain('sample-certificate.pdf')
  })

  test('download names are plain ASCII', async () => {
    const { downloadName } = await import('#app/reports/answers-csv.ts')
    expect(downloadName('Medellín Clinical Data', 'answers.csv')).toBe('medellin-clinical-data-answers.csv')
    expect(downloadName('上海数据', 'report.pdf')).toBe('vendor-report.pdf')
  })
})
