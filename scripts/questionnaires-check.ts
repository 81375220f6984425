/**
 * `npm run questionnaires:check [-- DIR]`: validates every questionnaire definition under
 * `questionnaires/` (default) or DIR, one line per file, exit 1 on any error.
 *
 * A questionnaire lives at `<DIR>/<questionnaire-id>/v<version>.json`; every folder is globbed
 * (no hard-coded list). A folder with at least one `v<n>.json` is a questionnaire folder and every
 * `.json` in it must be a valid version whose `id` and `version` match folder and file name.
 * Folders without one (the engine's `geography/` tables) are reported as skipped. Every regime
 * pack in `regimes/*.json` goes through the engine's `parseRegimePack` and a cross-check that its
 * rules only name question ids that exist.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseRegimePack, type RegimePack } from '../app/assessment/regime-pack.ts'
import { factsOf } from '../app/conditions/condition.ts'
import { loadQuestionnaire } from '../app/questionnaire/load.ts'

export type CheckResult = { ok: boolean; lines: string[] }

const VERSION_FILE = /^v([1-9][0-9]*)\.json$/

function listDirs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(path.join(dir, name)).isDirectory())
    .sort()
}

function readJson(file: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(readFileSync(file, 'utf8')) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/** Validates every questionnaire file under `root`; `display` is how file names are printed. */
export function checkQuestionnaires(
  root: string,
  display = (file: string) => path.relative(process.cwd(), file),
): CheckResult {
  const lines: string[] = []
  let ok = true
  const bad = (line: string) => {
    ok = false
    lines.push(line)
  }

  let folders: string[]
  try {
    folders = listDirs(root)
  } catch (error) {
    return { ok: false, lines: [`FAIL ${root}: ${error instanceof Error ? error.message : String(error)}`] }
  }

  let files = 0
  const questionIds = new Set<string>()
  for (const folder of folders) {
    if (folder === 'regimes') continue
    const dir = path.join(root, folder)
    const jsonFiles = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
    // A questionnaire folder holds v<version>.json files; other data folders (e.g. the engine's
    // geography/ tables) are listed as skipped, never silently.
    if (!jsonFiles.some((name) => VERSION_FILE.test(name))) {
      lines.push(`skip ${display(dir)}/: no v<version>.json files, not a questionnaire folder`)
      continue
    }
    for (const name of jsonFiles) {
      files++
      const file = path.join(dir, name)
      const shown = display(file)
      const versionMatch = VERSION_FILE.exec(name)
      if (!versionMatch) {
        bad(`FAIL ${shown}: file name must be v<version>.json, e.g. v1.json`)
        continue
      }
      const json = readJson(file)
      if (!json.ok) {
        bad(`FAIL ${shown}: not valid JSON: ${json.error}`)
        continue
      }
      const result = loadQuestionnaire(json.value, shown)
      if (!result.ok) {
        bad(`FAIL ${shown}: ${result.errors.length} error(s)`)
        for (const error of result.errors) lines.push(`  ${error}`)
        continue
      }
      const { definition } = result
      const problems: string[] = []
      if (definition.id !== folder) problems.push(`id: "${definition.id}" does not match its folder "${folder}"`)
      if (String(definition.version) !== versionMatch[1]) {
        problems.push(`version: ${definition.version} does not match the file name "${name}"`)
      }
      if (problems.length > 0) {
        bad(`FAIL ${shown}: ${problems.length} error(s)`)
        for (const problem of problems) lines.push(`  ${shown}: ${problem}`)
        continue
      }
      const count = definition.sections.reduce((sum, section) => sum + section.questions.length, 0)
      for (const section of definition.sections) for (const question of section.questions) questionIds.add(question.id)
      lines.push(
        `ok   ${shown}: ${definition.id} v${definition.version}, ${definition.sections.length} sections, ${count} questions`,
      )
    }
  }
  if (files === 0) bad(`FAIL ${display(root)}: no questionnaire files (<id>/v<version>.json) found`)

  // ---- Regime packs (questionnaires/regimes/*.json) ------------------------------------------
  // Validated by the engine's own validator (app/assessment/regime-pack.ts), then cross-checked
  // against the questionnaires: every `questionIds` entry and every answer fact a rule's `when`
  // reads must be a question id, or the rule would silently read "not answered".
  const regimesDir = path.join(root, 'regimes')
  if (existsSync(regimesDir)) {
    for (const name of readdirSync(regimesDir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const file = path.join(regimesDir, name)
      const shown = display(file)
      const json = readJson(file)
      if (!json.ok) {
        bad(`FAIL ${shown}: not valid JSON: ${json.error}`)
        continue
      }
      let pack: RegimePack
      try {
        pack = parseRegimePack(shown, json.value)
      } catch (error) {
        bad(`FAIL ${shown}: 1 error(s)`)
        lines.push(`  ${error instanceof Error ? error.message : String(error)}`)
        continue
      }
      const problems: string[] = []
      pack.rules.forEach((rule, r) => {
        rule.questionIds.forEach((id, i) => {
          if (!questionIds.has(id))
            problems.push(`${shown}: rules[${r}].questionIds[${i}]: "${id}" is not a question id`)
        })
        for (const fact of factsOf(rule.when)) {
          if (fact === 'regimes' || fact.startsWith('profile.') || fact.startsWith('derived.')) continue
          if (!questionIds.has(fact)) problems.push(`${shown}: rules[${r}].when: fact "${fact}" is not a question id`)
        }
      })
      if (problems.length > 0) {
        bad(`FAIL ${shown}: ${problems.length} error(s)`)
        for (const problem of problems) lines.push(`  ${problem}`)
        continue
      }
      lines.push(`ok   ${shown}: regime pack ${pack.id}, ${pack.rules.length} rules`)
    }
  }

  return { ok, lines }
}

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? 'questionnaires')
  const result = checkQuestionnaires(root)
  for (const line of result.lines) console.log(line)
  if (!result.ok) {
    console.error('questionnaires:check failed')
    process.exitCode = 1
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (invokedDirectly) await main()
