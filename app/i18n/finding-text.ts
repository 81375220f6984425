import type { RegimePack } from '#app/assessment/regime-pack.ts'
import { regimePacks } from '#questionnaires/index.ts'
import es from '#questionnaires/regimes/i18n/es.json'
import zh from '#questionnaires/regimes/i18n/zh.json'
import { LOCALES, type Locale } from './locales.ts'

/**
 * A finding's words in the vendor's language. The regime packs (and so the engine, the CLI and every
 * stored assessment) stay English: that is the contract. Their Spanish and Chinese texts live beside
 * them, in `questionnaires/regimes/i18n/<locale>.json`, keyed by rule id → { message, remediation }
 * (README decision 88); `npm run questionnaires:check` fails when a rule lacks one.
 */

export type FindingTexts = { message: string; remediation: string }
export type FindingTranslations = Record<string, FindingTexts>
export type TranslatedLocale = Exclude<Locale, 'en'>

export const TRANSLATED_LOCALES = LOCALES.filter((l): l is TranslatedLocale => l !== 'en')

const TRANSLATIONS: Record<TranslatedLocale, FindingTranslations> = { es, zh }

const rulesById = new Map(regimePacks.flatMap((pack) => pack.rules.map((rule) => [rule.id, rule] as const)))

const PLACEHOLDER = /\{derived\.([A-Za-z0-9_]+)\}/g

/** The `{derived.<name>}` placeholders of a text, in order. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The values the engine wrote into a rule's message (`{derived.sanctionedCountries}` → "CU, IR"),
 * or undefined when the English text is not that message (a finding stored under an older wording).
 */
function filledValues(template: string, english: string): Map<string, string> | undefined {
  const names: string[] = []
  let pattern = ''
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    pattern += `${escapeRegExp(template.slice(last, match.index))}(.*?)`
    names.push(match[1]!)
    last = match.index + match[0].length
  }
  pattern += escapeRegExp(template.slice(last))
  const found = new RegExp(`^${pattern}$`, 's').exec(english)
  if (!found) return undefined
  return new Map(names.map((name, i) => [name, found[i + 1]!]))
}

const fill = (text: string, values: Map<string, string>) =>
  text.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole)

/**
 * What the engine says when a rule fired on a missing answer (app/assessment/engine.ts,
 * missingTexts), addressed to the vendor: the questions of the item are the ones to answer.
 */
const MISSING: Record<TranslatedLocale, { message: (citation: string) => string; remediation: string }> = {
  es: {
    message: (citation) =>
      `Este requisito (${citation}) no se puede confirmar sin su respuesta, por lo que se considera no cumplido. Shoreline supone la respuesta desfavorable hasta recibirla: responda las preguntas de este punto.`,
    remediation: 'Lo que deben mostrar sus respuestas:',
  },
  zh: {
    message: (citation) =>
      `没有贵公司的回答，就无法确认此项要求（${citation}），因此视为未满足。在收到回答之前，Shoreline 按不符合的情况处理：请回答本项下的问题。`,
    remediation: '您的回答需要表明：',
  },
}

/**
 * The finding of rule `ruleId` in `locale`, from its English texts as the engine wrote them (and an
 * item stored them). The rule's own message (with the values the engine filled in) and remediation
 * are translated, and so is the engine's "cannot be confirmed without the vendor's answer" wording;
 * English comes back whenever there is no translation, the locale is English, or the English text
 * is not one the rule produces today (it was stored under an older wording), so a translation never
 * says something the English did not.
 */
export function findingText(ruleId: string, locale: Locale, english: FindingTexts): FindingTexts {
  if (locale === 'en') return english
  const rule = rulesById.get(ruleId)
  const translated = TRANSLATIONS[locale][ruleId]
  if (!rule || !translated) return english
  if (english.remediation === rule.remediation) {
    const values = filledValues(rule.message, english.message)
    if (values) return { message: fill(translated.message, values), remediation: translated.remediation }
  }
  const missingPrefix = `This requirement (${rule.citation}) cannot be confirmed without the vendor's answer`
  const missingSuffix = ` What the answers must show: ${rule.remediation}`
  if (english.message.startsWith(missingPrefix) && english.remediation.endsWith(missingSuffix)) {
    const missing = MISSING[locale]
    return { message: missing.message(rule.citation), remediation: `${missing.remediation} ${translated.remediation}` }
  }
  return english
}

/**
 * Problems of the translation files against the packs (empty when every rule has a Spanish and a
 * Chinese message and remediation, no translation names a rule that does not exist, and each
 * translated message keeps the `{derived.*}` placeholders of its English one).
 */
export function checkFindingTranslations(
  packs: readonly RegimePack[],
  translations: Partial<Record<TranslatedLocale, unknown>>,
  display: (locale: TranslatedLocale) => string = (locale) => `questionnaires/regimes/i18n/${locale}.json`,
): string[] {
  const rules = new Map(packs.flatMap((pack) => pack.rules.map((rule) => [rule.id, rule] as const)))
  const problems: string[] = []
  for (const locale of TRANSLATED_LOCALES) {
    const file = display(locale)
    const raw = translations[locale]
    if (raw === undefined) {
      problems.push(`${file}: missing: every rule needs its ${locale} message and remediation`)
      continue
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`${file}: must be an object keyed by rule id`)
      continue
    }
    const table = raw as Record<string, unknown>
    for (const id of Object.keys(table)) {
      if (!rules.has(id)) problems.push(`${file}: "${id}" is not a rule of any regime pack`)
    }
    for (const [id, rule] of rules) {
      const entry = table[id] as Record<string, unknown> | undefined
      if (entry === undefined) {
        problems.push(`${file}: rule "${id}" has no ${locale} translation (message and remediation)`)
        continue
      }
      for (const key of ['message', 'remediation'] as const) {
        const text = typeof entry === 'object' && entry !== null ? entry[key] : undefined
        if (typeof text !== 'string' || text.trim() === '') {
          problems.push(`${file}: "${id}".${key}: missing or empty`)
          continue
        }
        const english = key === 'message' ? rule.message : rule.remediation
        const want = placeholdersOf(english).sort().join(', ')
        const have = placeholdersOf(text).sort().join(', ')
        if (want !== have)
          problems.push(`${file}: "${id}".${key}: placeholders {${have}} differ from English {${want}}`)
      }
    }
  }
  return problems
}
