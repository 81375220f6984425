import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type CliIo, parseCliArgs, runAssessCli } from '#app/assessment/cli.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

const example = JSON.parse(readFileSync('test/fixtures/contract/v1.1/us-hospital-india-vendor.json', 'utf8'))

function io(files: Record<string, string>): CliIo {
  return {
    readFile: (path) => {
      const text = files[path]
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
      return text
    },
    today: () => '2026-11-22',
    questionnaire: coreQuestionnaire,
    regimes: regimePacks,
  }
}

const good = {
  'p.json': JSON.stringify(example.profile),
  'a.json': JSON.stringify(example.answers),
}
const run = (argv: string[], files: Record<string, string> = good) => runAssessCli(argv, io(files))

describe('parseCliArgs', () => {
  it('reads both flag styles and defaults the format to json', () => {
    expect(parseCliArgs(['--profile', 'p.json', '--answers=a.json', '--as-of', '2026-01-31'])).toEqual({
      args: { profile: 'p.json', answers: 'a.json', asOf: '2026-01-31', format: 'json' },
      errors: [],
    })
  })

  it('reports missing and malformed arguments', () => {
    expect(parseCliArgs([]).errors).toEqual(['--profile: is required', '--answers: is required'])
    expect(parseCliArgs(['--profile', 'p', '--answers', 'a', '--as-of', '2026-02-30']).errors).toEqual([
      '--as-of: "2026-02-30" is not a YYYY-MM-DD date',
    ])
    expect(parseCliArgs(['--profile', 'p', '--answers', 'a', '--format', 'xml']).errors).toEqual([
      '--format: "xml" is not one of json, text',
    ])
    expect(parseCliArgs(['--profile', 'p', '--answers', 'a', '--verbose']).errors).toEqual([
      '--verbose: unknown argument',
    ])
  })
})

describe('runAssessCli', () => {
  it('prints the assessment as JSON and exits 0', () => {
    const result = run(['--profile', 'p.json', '--answers', 'a.json'])
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toBe('')
    const assessment = JSON.parse(result.stdout)
    expect(assessment).toMatchObject({
      engine: { version: '1.1.0', rules: '2026.12' },
      asOf: '2026-11-22',
      applicableRegimes: ['hipaa', 'sanctions'],
      verdict: 'approve',
      recommendation: { model: 'offshore' },
    })
  })

  it('uses --as-of for certificate ages', () => {
    const result = run(['--profile', 'p.json', '--answers', 'a.json', '--as-of', '2028-01-01'])
    const assessment = JSON.parse(result.stdout)
    expect(assessment.asOf).toBe('2028-01-01')
    expect(assessment.certifications.map((c: { status: string }) => c.status)).toEqual(['expiring', 'stale'])
  })

  it('prints text for a person: verdict, recommendation, findings by regime with citations', () => {
    const result = run(['--profile', 'p.json', '--answers', 'a.json', '--format', 'text'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('Verdict: approve')
    // The model is a ceiling the law sets, not advice: "Furthest allowed", as on every page.
    expect(result.stdout).toContain('Furthest allowed: offshore')
    expect(result.stdout).not.toMatch(/recommended/i)
    expect(result.stdout).toContain('[hipaa] ')
    expect(result.stdout).toContain('Residual risk: ')
    expect(result.stdout).toContain('hipaa.offshore-risk-analysis (45 CFR 164.308(a)(1)(ii)(A))')
  })

  it('exits 2 naming the field for a malformed country code', () => {
    const answers = { ...example.answers, 'storage.primaryCountries': ['US', 'XX'] }
    const result = run(['--profile', 'p.json', '--answers', 'a.json'], { ...good, 'a.json': JSON.stringify(answers) })
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'answers.storage.primaryCountries[1]: "XX" is not an ISO 3166-1 alpha-2 country code\n',
    })
  })

  it('exits 2 for an unknown enum value in the profile or the answers', () => {
    const profile = run(['--profile', 'p.json', '--answers', 'a.json'], {
      ...good,
      'p.json': JSON.stringify({ ...example.profile, industry: 'shipping' }),
    })
    expect(profile.exitCode).toBe(2)
    expect(profile.stderr).toMatch(/^profile\.industry: /)
    const answers = run(['--profile', 'p.json', '--answers', 'a.json'], {
      ...good,
      'a.json': JSON.stringify({ ...example.answers, 'handling.encryptionInTransit': 'ssl3' }),
    })
    expect(answers.exitCode).toBe(2)
    expect(answers.stderr).toBe('answers.handling.encryptionInTransit: "ssl3" is not one of none, tls12, tls13\n')
  })

  it('exits 2 for an unreadable file, bad JSON or a bad --as-of', () => {
    const missing = run(['--profile', 'nope.json', '--answers', 'a.json'])
    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toMatch(/^profile: cannot read nope\.json \(ENOENT\)/)
    const badJson = run(['--profile', 'p.json', '--answers', 'a.json'], { ...good, 'a.json': '{ nope' })
    expect(badJson.exitCode).toBe(2)
    expect(badJson.stderr).toMatch(/^answers: a\.json is not valid JSON/)
    const badDate = run(['--profile', 'p.json', '--answers', 'a.json', '--as-of', '22/11/2026'])
    expect(badDate.exitCode).toBe(2)
    expect(badDate.stderr).toMatch(/^--as-of: "22\/11\/2026" is not a YYYY-MM-DD date/)
  })

  it('warns about unknown answer keys on stderr and still exits 0', () => {
    const result = run(['--profile', 'p.json', '--answers', 'a.json'], {
      ...good,
      'a.json': JSON.stringify({ ...example.answers, 'vendor.favouriteColour': 'blue' }),
    })
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toBe('warning: answers.vendor.favouriteColour: unknown question id, ignored\n')
    expect(JSON.parse(result.stdout).verdict).toBe('approve')
  })
})

describe('contract v1.1 input rules', () => {
  const withAnswers = (answers: Record<string, unknown>) =>
    run(['--profile', 'p.json', '--answers', 'a.json'], { ...good, 'a.json': JSON.stringify(answers) })

  it('exits 2 naming the canonical id for a key that differs from it only by letter case', () => {
    const answers = { ...example.answers } as Record<string, unknown>
    answers['Storage.PrimaryCountries'] = answers['storage.primaryCountries']
    delete answers['storage.primaryCountries']
    expect(withAnswers(answers)).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'answers.Storage.PrimaryCountries: differs from the question id "storage.primaryCountries" only by letter case\n',
    })
  })

  it('exits 2 for a certificate whose expiry is before its issue date', () => {
    const answers = {
      ...example.answers,
      'certifications.held': [{ type: 'iso27001', issued: '2025-03-01', expires: '2025-02-28', edition: '2022' }],
    }
    expect(withAnswers(answers)).toMatchObject({
      exitCode: 2,
      stderr: 'answers.certifications.held[0].expires: expires 2025-02-28 is before issued 2025-03-01\n',
    })
  })

  it('takes a CMMC assessor and status, and refuses them on other certificates or with other values', () => {
    const cmmc = { type: 'cmmc-l2', issued: '2026-01-15', assessor: 'c3pao', status: 'conditional' }
    const ok = withAnswers({ ...example.answers, 'certifications.held': [cmmc] })
    expect(ok.exitCode).toBe(0)
    expect(JSON.parse(ok.stdout).certifications).toEqual([
      expect.objectContaining({ type: 'cmmc-l2', assessor: 'c3pao', cmmcStatus: 'conditional' }),
    ])
    const bad = withAnswers({
      ...example.answers,
      'certifications.held': [
        { ...cmmc, assessor: 'auditor' },
        { type: 'soc2-type2', issued: '2026-06-30', status: 'final' },
      ],
    })
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr.trim().split('\n')).toEqual([
      'answers.certifications.held[0].assessor: "auditor" is not one of self, c3pao, dibcac',
      'answers.certifications.held[1].status: only a CMMC certificate (cmmc-l1, cmmc-l2, cmmc-l3) has "status"',
    ])
  })

  it('prints the residual risk and the v1.1 profile flags are read', () => {
    const assessment = JSON.parse(run(['--profile', 'p.json', '--answers', 'a.json']).stdout)
    expect(['low', 'medium', 'high', 'critical']).toContain(assessment.residualRisk)
    const bank = run(['--profile', 'p.json', '--answers', 'a.json'], {
      ...good,
      'p.json': JSON.stringify({ ...example.profile, dataCategories: ['npi'], flags: { bankRegulated: true } }),
    })
    expect(JSON.parse(bank.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'glba.bank-disruption-notice',
    )
  })
})

describe('the real CLI', () => {
  it('runs through npm and exits 2 on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-cli-'))
    writeFileSync(join(dir, 'p.json'), JSON.stringify(example.profile))
    writeFileSync(join(dir, 'a.json'), JSON.stringify(example.answers))
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...example.answers, 'company.hqCountry': 'ZZ' }))
    const ok = spawnSync(
      'npx',
      [
        'tsx',
        'scripts/assess.ts',
        '--profile',
        join(dir, 'p.json'),
        '--answers',
        join(dir, 'a.json'),
        '--as-of',
        '2026-11-22',
      ],
      {
        encoding: 'utf8',
      },
    )
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout).verdict).toBe('approve')
    const bad = spawnSync(
      'npx',
      ['tsx', 'scripts/assess.ts', '--profile', join(dir, 'p.json'), '--answers', join(dir, 'bad.json')],
      {
        encoding: 'utf8',
      },
    )
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('answers.company.hqCountry: "ZZ" is not an ISO 3166-1 alpha-2 country code')
  }, 30_000)
})
