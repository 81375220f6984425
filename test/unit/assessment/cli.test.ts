import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type CliIo, parseCliArgs, runAssessCli } from '#app/assessment/cli.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

const example = JSON.parse(readFileSync('test/fixtures/contract/v1/us-hospital-india-vendor.json', 'utf8'))

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
      engine: { version: '1.0.0', rules: '2026.11' },
      asOf: '2026-11-22',
      applicableRegimes: ['hipaa'],
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
    expect(result.stdout).toContain('Recommended model: offshore')
    expect(result.stdout).toContain('[hipaa] compliant')
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
