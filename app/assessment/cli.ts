import { isRiskAppetite, RISK_APPETITES, type RiskAppetite } from '../appetite/policy.ts'
import { isIsoDate, validateAnswers } from '../questionnaire/answers.ts'
import type { QuestionnaireDefinition } from '../questionnaire/definition.ts'
import { parseProfile } from '../regulations/profile.ts'
import { assess } from './engine.ts'
import { formatAssessmentText, formatUnlockText } from './format-text.ts'
import type { RegimePack } from './regime-pack.ts'
import { unlock } from './unlock.ts'

/**
 * The `npm run assess` command as a function: arguments and file reading come in, exit code and
 * output text come out, so tests run it without spawning a process. Exit 2 means bad input, with
 * `field: reason` lines on stderr; unknown answer keys are only warnings.
 */

export type CliIo = {
  readFile: (path: string) => string
  /** Today as YYYY-MM-DD, the default for --as-of. */
  today: () => string
  questionnaire: QuestionnaireDefinition
  regimes: readonly RegimePack[]
}

export type CliResult = { exitCode: number; stdout: string; stderr: string }

export type CliArgs = {
  profile: string
  answers: string
  asOf?: string
  format: 'json' | 'text'
  /** Adds `unlock`: what would change this (issue 14), judged against `appetite` (default medium). */
  unlock?: true
  appetite?: RiskAppetite
}

const USAGE =
  'usage: npm run --silent assess -- --profile PROFILE.json --answers ANSWERS.json [--as-of YYYY-MM-DD] [--format json|text] [--unlock [--appetite low|medium|high]]'
const FLAGS = ['--unlock']

export function parseCliArgs(argv: readonly string[]): { args: CliArgs; errors: [] } | { errors: string[] } {
  const values: Record<string, string> = {}
  const errors: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const eq = arg.indexOf('=')
    const name = eq > -1 ? arg.slice(0, eq) : arg
    if (FLAGS.includes(name) && eq === -1) {
      values[name.slice(2)] = 'true'
      continue
    }
    if (!['--profile', '--answers', '--as-of', '--format', '--appetite'].includes(name)) {
      errors.push(`${arg}: unknown argument`)
      continue
    }
    const value = eq > -1 ? arg.slice(eq + 1) : argv[++i]
    if (value === undefined || value === '') errors.push(`${name}: needs a value`)
    else values[name.slice(2)] = value
  }
  if (!values.profile && !errors.some((e) => e.startsWith('--profile'))) errors.push('--profile: is required')
  if (!values.answers && !errors.some((e) => e.startsWith('--answers'))) errors.push('--answers: is required')
  if (values['as-of'] !== undefined && !isIsoDate(values['as-of'])) {
    errors.push(`--as-of: ${JSON.stringify(values['as-of'])} is not a YYYY-MM-DD date`)
  }
  const format = values.format ?? 'json'
  if (format !== 'json' && format !== 'text')
    errors.push(`--format: ${JSON.stringify(format)} is not one of json, text`)
  const appetite = values.appetite
  if (appetite !== undefined && !isRiskAppetite(appetite))
    errors.push(`--appetite: ${JSON.stringify(appetite)} is not one of ${RISK_APPETITES.join(', ')}`)
  else if (appetite !== undefined && !values.unlock) errors.push('--appetite: only with --unlock')
  if (errors.length) return { errors }
  return {
    args: {
      profile: values.profile!,
      answers: values.answers!,
      ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
      format: format as 'json' | 'text',
      ...(values.unlock ? { unlock: true as const } : {}),
      ...(isRiskAppetite(appetite) ? { appetite } : {}),
    },
    errors: [],
  }
}

function readJson(io: CliIo, field: string, path: string): { value?: unknown; error?: string } {
  let text: string
  try {
    text = io.readFile(path)
  } catch (error) {
    return {
      error: `${field}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    }
  }
  try {
    return { value: JSON.parse(text) }
  } catch (error) {
    return { error: `${field}: ${path} is not valid JSON (${(error as Error).message})` }
  }
}

export function runAssessCli(argv: readonly string[], io: CliIo): CliResult {
  const parsed = parseCliArgs(argv)
  if (parsed.errors.length || !('args' in parsed)) {
    return { exitCode: 2, stdout: '', stderr: `${[...parsed.errors, USAGE].join('\n')}\n` }
  }
  const { args } = parsed
  const errors: string[] = []
  const profileJson = readJson(io, 'profile', args.profile)
  const answersJson = readJson(io, 'answers', args.answers)
  if (profileJson.error) errors.push(profileJson.error)
  if (answersJson.error) errors.push(answersJson.error)
  if (errors.length) return { exitCode: 2, stdout: '', stderr: `${errors.join('\n')}\n` }

  const profile = parseProfile(profileJson.value)
  const answers = validateAnswers(io.questionnaire, answersJson.value)
  for (const issue of [...profile.issues, ...answers.issues]) errors.push(`${issue.path}: ${issue.message}`)
  if (errors.length || !profile.profile) return { exitCode: 2, stdout: '', stderr: `${errors.join('\n')}\n` }

  const warnings = answers.unknownKeys.map((key) => `warning: answers.${key}: unknown question id, ignored`)
  const input = {
    profile: profile.profile,
    questionnaire: io.questionnaire,
    answers: answers.answers,
    regimes: io.regimes,
    asOf: args.asOf ?? io.today(),
  }
  const { assessment } = assess(input)
  // --unlock adds one field and changes none: the suggestions without their display labels.
  const suggestions = args.unlock
    ? unlock(input, { base: assessment, policy: { appetite: args.appetite ?? 'medium', blockingRules: [] } })
    : undefined
  const output = suggestions
    ? { ...assessment, unlock: suggestions.map(({ labels: _labels, ...suggestion }) => suggestion) }
    : assessment
  const stdout =
    args.format === 'text'
      ? formatAssessmentText(assessment) + (suggestions ? formatUnlockText(suggestions) : '')
      : `${JSON.stringify(output, null, 2)}\n`
  return { exitCode: 0, stdout, stderr: warnings.length ? `${warnings.join('\n')}\n` : '' }
}
