import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { checkQuestionnaires } from '../../../scripts/questionnaires-check.ts'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const shipped = path.join(repo, 'questionnaires/cross-border-core/v1.json')
const dirs: string[] = []

function tempRoot(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'questionnaires-check-'))
  dirs.push(dir)
  return dir
}

function copyCore(root: string, folder = 'cross-border-core', name = 'v1.json'): string {
  mkdirSync(path.join(root, folder), { recursive: true })
  const target = path.join(root, folder, name)
  cpSync(shipped, target)
  return target
}

const show = (root: string) => (file: string) => path.relative(root, file)

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('questionnaires:check', () => {
  test('passes on the shipped questionnaires folder', () => {
    const result = checkQuestionnaires(path.join(repo, 'questionnaires'), show(repo))
    expect(result.lines.filter((l) => l.startsWith('FAIL'))).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.lines).toContain(
      'ok   questionnaires/cross-border-core/v1.json: cross-border-core v1, 8 sections, ' +
        `${JSON.parse(readFileSync(shipped, 'utf8')).sections.reduce((n: number, s: { questions: unknown[] }) => n + s.questions.length, 0)} questions`,
    )
  })

  test('finds every questionnaire folder by globbing, not from a list', () => {
    const root = tempRoot()
    copyCore(root)
    const other = copyCore(root, 'another-one')
    const def = JSON.parse(readFileSync(other, 'utf8'))
    writeFileSync(other, JSON.stringify({ ...def, id: 'another-one' }))
    const result = checkQuestionnaires(root, show(root))
    expect(result.ok).toBe(true)
    expect(result.lines.filter((l) => l.startsWith('ok'))).toHaveLength(2)
  })

  test('fails on a broken file and names file, path and reason', () => {
    const root = tempRoot()
    const file = copyCore(root)
    const def = JSON.parse(readFileSync(file, 'utf8'))
    def.sections[0].questions[1].visibleWhen = { fact: 'storage.primaryCountry', operator: 'answered' }
    writeFileSync(file, JSON.stringify(def))
    const result = checkQuestionnaires(root, show(root))
    expect(result.ok).toBe(false)
    expect(result.lines).toContain('FAIL cross-border-core/v1.json: 1 error(s)')
    expect(result.lines).toContain(
      '  cross-border-core/v1.json: sections[0].questions[1].visibleWhen.fact: "storage.primaryCountry" is not a question id, "regimes" or a profile.* fact',
    )
  })

  test('fails on invalid JSON and on a version that does not match the file name', () => {
    const root = tempRoot()
    const file = copyCore(root)
    copyCore(root, 'cross-border-core', 'v2.json')
    writeFileSync(file, '{ "id": ')
    const result = checkQuestionnaires(root, show(root))
    expect(result.ok).toBe(false)
    expect(result.lines.some((l) => l.startsWith('FAIL cross-border-core/v1.json: not valid JSON'))).toBe(true)
    expect(result.lines).toContain('  cross-border-core/v2.json: version: 1 does not match the file name "v2.json"')
  })

  test('validates regime packs with the engine validator and against the question ids', () => {
    const root = tempRoot()
    copyCore(root)
    cpSync(path.join(repo, 'questionnaires/cross-border-core/v2.json'), path.join(root, 'cross-border-core/v2.json'))
    cpSync(path.join(repo, 'questionnaires/regimes'), path.join(root, 'regimes'), { recursive: true })
    const pack = JSON.parse(readFileSync(path.join(repo, 'questionnaires/regimes/hipaa.json'), 'utf8'))
    const packFile = path.join(root, 'regimes', 'hipaa.json')
    const good = checkQuestionnaires(root, show(root))
    expect(good.lines.some((l) => l.startsWith('ok   regimes/hipaa.json: regime pack hipaa'))).toBe(true)
    expect(good.ok).toBe(true)

    writeFileSync(packFile, JSON.stringify({ ...pack, rules: [{ ...pack.rules[0], severity: 'catastrophic' }] }))
    const badSchema = checkQuestionnaires(root, show(root))
    expect(badSchema.ok).toBe(false)
    expect(badSchema.lines.some((l) => /^ {2}regimes\/hipaa\.json: rules\[0\]/.test(l))).toBe(true)
    expect(badSchema.lines).toContain('skip coverage: fix the regime packs first')

    writeFileSync(packFile, JSON.stringify({ ...pack, rules: [{ ...pack.rules[0], questionIds: ['contract.baaa'] }] }))
    const badId = checkQuestionnaires(root, show(root))
    expect(badId.ok).toBe(false)
    expect(badId.lines).toContain('  regimes/hipaa.json: rules[0].questionIds[0]: "contract.baaa" is not a question id')
  })

  describe('coverage', () => {
    /** The shipped questionnaires and packs in a temporary folder, to break one thing at a time. */
    function shippedRoot(): string {
      const root = tempRoot()
      cpSync(path.join(repo, 'questionnaires'), root, { recursive: true })
      return root
    }
    const v2 = (root: string) => path.join(root, 'cross-border-core/v2.json')

    test('passes on the shipped folder and says how each version is covered', () => {
      const result = checkQuestionnaires(path.join(repo, 'questionnaires'), show(repo))
      expect(result.ok).toBe(true)
      expect(result.lines.filter((l) => l.startsWith('ok   coverage'))).toEqual([
        expect.stringMatching(/^ok {3}coverage cross-border-core v1: \d+ questions read by rules, \d+ informational$/),
        expect.stringMatching(/^ok {3}coverage cross-border-core v2: \d+ questions read by rules, \d+ informational$/),
      ])
    })

    test('a question read by no rule and not marked informational fails, in every version that has it', () => {
      const root = shippedRoot()
      const def = JSON.parse(readFileSync(v2(root), 'utf8'))
      const legalName = def.sections[0].questions.find((q: { id: string }) => q.id === 'company.legalName')
      delete legalName.informational
      writeFileSync(v2(root), JSON.stringify(def))
      const result = checkQuestionnaires(root, show(root))
      expect(result.ok).toBe(false)
      expect(result.lines).toContain('FAIL coverage cross-border-core v2: 1 question(s) read by nothing')
      expect(result.lines).toContain(
        '  cross-border-core/v2.json: sections[0].questions[0]: "company.legalName" is read by no rule and not marked informational (add a rule that reads it, or "informational": "<why>" in the newest version)',
      )
      // v1 is frozen: its question is covered by the newer version's mark, so it fails with it.
      expect(result.lines).toContain('FAIL coverage cross-border-core v1: 1 question(s) read by nothing')
    })

    test('a question no longer read once its rule is gone fails until it is marked', () => {
      const root = shippedRoot()
      const packFile = path.join(root, 'regimes', 'sanctions.json')
      const pack = JSON.parse(readFileSync(packFile, 'utf8'))
      pack.rules = pack.rules.filter((r: { id: string }) => r.id !== 'sanctions.screening')
      writeFileSync(packFile, JSON.stringify(pack))
      const result = checkQuestionnaires(root, show(root))
      expect(result.ok).toBe(false)
      expect(result.lines.some((l) => l.includes('"company.sanctionsScreening" is read by no rule'))).toBe(true)
    })

    test('a mark is a reason of some length, not an empty flag', () => {
      const root = shippedRoot()
      const def = JSON.parse(readFileSync(v2(root), 'utf8'))
      def.sections[0].questions[0].informational = 'n/a'
      writeFileSync(v2(root), JSON.stringify(def))
      const result = checkQuestionnaires(root, show(root))
      expect(result.ok).toBe(false)
      expect(result.lines.some((l) => l.includes('informational: say why no rule reads this question'))).toBe(true)
    })
  })

  describe('translations of the rules (README decision 88)', () => {
    function shippedRoot(): string {
      const root = tempRoot()
      cpSync(path.join(repo, 'questionnaires'), root, { recursive: true })
      return root
    }
    const i18n = (root: string, locale: string) => path.join(root, 'regimes', 'i18n', `${locale}.json`)
    const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'))

    test('every rule of the shipped packs has a Spanish and a Chinese message and remediation', () => {
      const result = checkQuestionnaires(path.join(repo, 'questionnaires'), show(repo))
      const rules = ['ccpa', 'dfars', 'doj-dsp', 'ear', 'gdpr', 'glba', 'hipaa', 'itar', 'pci-dss', 'pipl', 'sanctions']
        .map((id) => read(path.join(repo, 'questionnaires/regimes', `${id}.json`)).rules.length)
        .reduce((a, b) => a + b, 0)
      expect(result.lines).toContain(`ok   translations: es, zh for all ${rules} rules`)
      expect(result.ok).toBe(true)
    })

    test('a rule without its Spanish or Chinese text fails, naming the file and the rule', () => {
      const root = shippedRoot()
      const es = read(i18n(root, 'es'))
      delete es['hipaa.baa-required']
      writeFileSync(i18n(root, 'es'), JSON.stringify(es))
      const zh = read(i18n(root, 'zh'))
      zh['gdpr.scc'].remediation = ' '
      writeFileSync(i18n(root, 'zh'), JSON.stringify(zh))
      const result = checkQuestionnaires(root, show(root))
      expect(result.ok).toBe(false)
      expect(result.lines).toContain('FAIL translations: 2 error(s)')
      expect(result.lines).toContain(
        '  regimes/i18n/es.json: rule "hipaa.baa-required" has no es translation (message and remediation)',
      )
      expect(result.lines).toContain('  regimes/i18n/zh.json: "gdpr.scc".remediation: missing or empty')
    })

    test('a missing translation file fails like a missing rule', () => {
      const root = shippedRoot()
      rmSync(i18n(root, 'zh'))
      const result = checkQuestionnaires(root, show(root))
      expect(result.ok).toBe(false)
      expect(result.lines).toContain('  regimes/i18n/zh.json: missing: every rule needs its zh message and remediation')
    })

    test('a translation of a rule that does not exist fails', () => {
      const root = shippedRoot()
      const zh = read(i18n(root, 'zh'))
      zh['hipaa.baa-requried'] = { message: '拼错的规则', remediation: '拼错的规则' }
      writeFileSync(i18n(root, 'zh'), JSON.stringify(zh))
      const result = checkQuestionnaires(root, show(root))
      expect(result.ok).toBe(false)
      expect(result.lines).toContain('  regimes/i18n/zh.json: "hipaa.baa-requried" is not a rule of any regime pack')
    })

    test('a translated message must keep the values the engine writes in ({derived.*})', () => {
      const root = shippedRoot()
      const es = read(i18n(root, 'es'))
      const rule = 'sanctions.comprehensively-sanctioned-country'
      es[rule].message = es[rule].message.replace('{derived.sanctionedCountries}', 'los países')
      writeFileSync(i18n(root, 'es'), JSON.stringify(es))
      const result = checkQuestionnaires(root, show(root))
      expect(result.ok).toBe(false)
      expect(result.lines).toContain(
        `  regimes/i18n/es.json: "${rule}".message: placeholders {} differ from English {sanctionedCountries}`,
      )
    })
  })

  test('fails when no questionnaire is found', () => {
    const result = checkQuestionnaires(tempRoot())
    expect(result.ok).toBe(false)
  })

  test('the script exits 1 on a broken file and 0 on a good one', () => {
    const root = tempRoot()
    const file = copyCore(root)
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'scripts/questionnaires-check.ts'), root], {
        cwd: repo,
        encoding: 'utf8',
      })
    const good = run()
    expect(good.stdout).toMatch(/^ok {3}/m)
    expect(good.status).toBe(0)
    const def = JSON.parse(readFileSync(file, 'utf8'))
    def.sections[0].questions[0].type = 'checkbox'
    writeFileSync(file, JSON.stringify(def))
    const bad = run()
    expect(bad.status).toBe(1)
    expect(bad.stdout).toMatch(/FAIL .*cross-border-core\/v1\.json/)
    expect(bad.stderr).toMatch(/questionnaires:check failed/)
  }, 30_000)
})
