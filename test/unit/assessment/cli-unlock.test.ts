import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type CliIo, parseCliArgs, runAssessCli } from '#app/assessment/cli.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

// `npm run assess -- … --unlock` (issue 14): one more field, `unlock`, and nothing else changes.

const scenario = JSON.parse(readFileSync('test/fixtures/engine/scenarios/hipaa-no-baa.json', 'utf8'))
const files: Record<string, string> = {
  'p.json': JSON.stringify(scenario.profile),
  'a.json': JSON.stringify(scenario.answers),
}
const io: CliIo = {
  readFile: (path) => {
    const text = files[path]
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
    return text
  },
  today: () => '2026-11-22',
  questionnaire: coreQuestionnaire,
  regimes: regimePacks,
}
const run = (...extra: string[]) => runAssessCli(['--profile', 'p.json', '--answers', 'a.json', ...extra], io)

describe('assess --unlock', () => {
  it('adds the one field `unlock` and changes no other', () => {
    const plain = run()
    const unlocked = run('--unlock')
    expect(unlocked.exitCode).toBe(0)
    expect(unlocked.stderr).toBe('')
    const { unlock, ...rest } = JSON.parse(unlocked.stdout)
    expect(rest).toEqual(JSON.parse(plain.stdout))
    expect(Object.keys(JSON.parse(unlocked.stdout))).toEqual([...Object.keys(JSON.parse(plain.stdout)), 'unlock'])
    expect(Array.isArray(unlock)).toBe(true)
  })

  it("lists the suggestions as the issue shows them, smallest first, the buyer's own choices marked", () => {
    const { unlock } = JSON.parse(run('--unlock').stdout)
    expect(unlock[0]).toEqual({
      target: 'verdict',
      to: 'approve',
      by: 'vendor',
      changes: [{ questionId: 'contract.baa', value: true }],
      clears: ['hipaa.baa-required'],
      citations: ['45 CFR 164.308(b)(1); 164.502(e); 164.504(e)'],
      effort: 'contract-term',
    })
    for (const entry of unlock)
      expect(Object.keys(entry)).toEqual(['target', 'to', 'by', 'changes', 'clears', 'citations', 'effort'])
    expect(unlock.map((s: { changes: unknown[] }) => s.changes.length)).toEqual(
      [...unlock.map((s: { changes: unknown[] }) => s.changes.length)].sort(),
    )
    expect(unlock).toContainEqual(
      expect.objectContaining({ by: 'buyer', changes: [{ profileFact: 'profile.dataCategories', value: [] }] }),
    )
  })

  it('judges "within appetite" against --appetite (medium by default)', () => {
    const risk = (...extra: string[]) =>
      JSON.parse(run('--unlock', ...extra).stdout).unlock.filter((s: { target: string }) => s.target === 'risk')
    expect(risk()).toEqual(risk('--appetite', 'medium'))
    // The sanctions replication answer is missing, a high finding: a medium appetite asks for it,
    // a high appetite only for the blocker.
    const questions = (suggestions: { changes: { questionId?: string }[] }[]) =>
      suggestions.flatMap((s) => s.changes.map((c) => c.questionId))
    expect(questions(risk('--appetite', 'medium'))).toContain('storage.restrictedCountryReplication')
    expect(questions(risk('--appetite', 'high'))).not.toContain('storage.restrictedCountryReplication')
    expect(questions(risk('--appetite', 'high'))).toContain('contract.baa')
  })

  it('refuses a bad appetite, or one without --unlock, with exit 2', () => {
    const bad = run('--unlock', '--appetite', 'critical')
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr).toContain('--appetite: "critical" is not one of low, medium, high')
    expect(run('--appetite', 'low').stderr).toContain('--appetite: only with --unlock')
    expect(parseCliArgs(['--profile', 'p', '--answers', 'a', '--unlock=yes']).errors).toEqual([
      '--unlock=yes: unknown argument',
    ])
  })

  it('prints the suggestions in words with --format text', () => {
    const text = run('--unlock', '--format', 'text').stdout
    expect(text).toContain('What would change this:')
    expect(text).toContain('verdict -> approve, if the vendor would (contract-term):')
    expect(text).toContain('- sign a business associate agreement (BAA)')
    expect(run('--format', 'text').stdout).not.toContain('What would change this')
  })

  it('works through the real command', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-unlock-'))
    writeFileSync(join(dir, 'p.json'), files['p.json']!)
    writeFileSync(join(dir, 'a.json'), files['a.json']!)
    const args = ['--profile', join(dir, 'p.json'), '--answers', join(dir, 'a.json'), '--as-of', '2026-11-22']
    const result = spawnSync('npx', ['tsx', 'scripts/assess.ts', ...args, '--unlock'], { encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout).unlock[0].changes).toEqual([{ questionId: 'contract.baa', value: true }])
  })
})
