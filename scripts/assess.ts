import { readFileSync } from 'node:fs'
import { runAssessCli } from '#app/assessment/cli.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

// Thin shell around runAssessCli: real files, real clock, real streams. See shared/contract/assessment.md.
const result = runAssessCli(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  today: () => new Date().toISOString().slice(0, 10),
  questionnaire: coreQuestionnaire,
  regimes: regimePacks,
})
process.stdout.write(result.stdout)
process.stderr.write(result.stderr)
process.exitCode = result.exitCode
