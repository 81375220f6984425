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
 *
 * Translations (README decision 88): every rule of the packs has a Spanish and a Chinese message and
 * remediation in `regimes/i18n/<locale>.json`, and no translation names a rule that does not exist.
 *
 * Coverage (when the folder holds regime packs): every question of every version is read by at
 * least one rule (directly, or through a derived fact built from it), or is marked
 * `"informational": "<why no rule reads it>"` in that version or a later version of the same
 * questionnaire (a question id keeps its meaning across versions, and published versions are
 * frozen, so a newer version may mark an older question). A question read by nothing fails.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ruleInputs } from '../app/assessment/engine.ts'
import { parseRegimePack, type RegimePack } from '../app/assessment/regime-pack.ts'
import { factsOf } from '../app/conditions/condition.ts'
import { checkFindingTranslations, TRANSLATED_LOCALES, type TranslatedLocale } from '../app/i18n/finding-text.ts'
import type { QuestionnaireDefinition } from '../app/questionnaire/definition.ts'
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
  const loaded: { shown: string; definition: QuestionnaireDefinition }[] = []
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
      loaded.push({ shown, definition })
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
  const packs: RegimePack[] = []
  let packsOk = true
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
        packsOk = false
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
        packsOk = false
        bad(`FAIL ${shown}: ${problems.length} error(s)`)
        for (const problem of problems) lines.push(`  ${problem}`)
        continue
      }
      packs.push(pack)
      lines.push(`ok   ${shown}: regime pack ${pack.id}, ${pack.rules.length} rules`)
    }
  }

  // ---- Translations of the rules' texts (regimes/i18n/<locale>.json) ---------------------------
  if (packs.length > 0 && packsOk) {
    const i18nDir = path.join(regimesDir, 'i18n')
    const translations: Partial<Record<TranslatedLocale, unknown>> = {}
    const unreadable: string[] = []
    for (const locale of TRANSLATED_LOCALES) {
      const file = path.join(i18nDir, `${locale}.json`)
      if (!existsSync(file)) continue
      const json = readJson(file)
      if (json.ok) translations[locale] = json.value
      else unreadable.push(`${display(file)}: not valid JSON: ${json.error}`)
    }
    const problems = [
      ...unreadable,
      ...checkFindingTranslations(packs, translations, (locale) => display(path.join(i18nDir, `${locale}.json`))),
    ]
    const rules = packs.reduce((sum, pack) => sum + pack.rules.length, 0)
    if (problems.length > 0) {
      bad(`FAIL translations: ${problems.length} error(s)`)
      for (const problem of problems) lines.push(`  ${problem}`)
    } else lines.push(`ok   translations: ${TRANSLATED_LOCALES.join(', ')} for all ${rules} rules`)
  }

  // ---- Coverage: every question is read by a rule or says why not ------------------------------
  if (packs.length === 0) lines.push(`skip coverage: no regime packs under ${display(regimesDir)}/`)
  else if (!packsOk) lines.push('skip coverage: fix the regime packs first')
  else for (const line of coverage(loaded, packs)) (line.startsWith('FAIL') ? bad : lines.push.bind(lines))(line)

  return { ok, lines }
}

/** One `ok`/`FAIL` line per questionnaire version, with a line per uncovered question. */
function coverage(loaded: { shown: string; definition: QuestionnaireDefinition }[], packs: RegimePack[]): string[] {
  const read = new Set(packs.flatMap((pack) => pack.rules.flatMap((rule) => ruleInputs(rule))))
  const out: string[] = []
  for (const { shown, definition } of loaded) {
    const marks = new Set(
      loaded
        .filter((other) => other.definition.id === definition.id && other.definition.version >= definition.version)
        .flatMap((other) => other.definition.sections.flatMap((s) => s.questions))
        .filter((question) => question.informational)
        .map((question) => question.id),
    )
    const uncovered: string[] = []
    let readCount = 0
    let markedCount = 0
    definition.sections.forEach((section, s) => {
      section.questions.forEach((question, q) => {
        if (read.has(question.id)) readCount++
        else if (marks.has(question.id)) markedCount++
        else
          uncovered.push(
            `  ${shown}: sections[${s}].questions[${q}]: "${question.id}" is read by no rule and not marked informational (add a rule that reads it, or "informational": "<why>" in the newest version)`,
          )
      })
    })
    const name = `${definition.id} v${definition.version}`
    if (uncovered.length > 0)
      out.push(`FAIL coverage ${name}: ${uncovered.length} question(s) read by nothing`, ...uncovered)
    else out.push(`ok   coverage ${name}: ${readCount} questions read by rules, ${markedCount} informational`)
  }
  return out
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
