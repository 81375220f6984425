import { assess } from '#app/assessment/engine.ts'
import { generateVendorAnswers, mulberry32 } from '#app/assessment/generate-answers.ts'
import { unlock } from '#app/assessment/unlock.ts'
import { parseProfile } from '#app/regulations/profile.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

// Times assess() for 10,000 generated vendors (seeded, so every run sees the same vendors) against a
// profile under which all ten regimes apply, then unlock() ("what would change this", with the
// default appetite) for the first 1,000 of them. The last line is one JSON object for CI to read.
const VENDORS = 10_000
const UNLOCK_VENDORS = 1_000
const AS_OF = '2026-11-22'

const { profile } = parseProfile({
  homeCountry: 'US',
  industry: 'financial-services',
  dataCategories: [
    'phi',
    'npi',
    'cardholder-data',
    'cui',
    'itar-technical-data',
    'ear-technology',
    'eu-personal-data',
    'cn-personal-information',
    'us-sensitive-personal-data',
    'ca-consumer-personal-information',
  ],
  volumes: { usPersonalHealthData: 50_000, cnPersonalInformationIndividuals: 250_000 },
  flags: {
    dodContractor: true,
    cmmcLevel: 2,
    usGovernmentRelatedData: true,
    bankRegulated: true,
    dfarsCloudService: true,
  },
})
if (!profile) throw new Error('benchmark profile is invalid')

const random = mulberry32(20261122)
const vendors = Array.from({ length: VENDORS }, () => generateVendorAnswers(coreQuestionnaire, random))

// Warm up the JIT on a separate slice so the timed run measures steady state.
for (let i = 0; i < 500; i++) {
  assess({ profile, questionnaire: coreQuestionnaire, answers: vendors[i]!, regimes: regimePacks, asOf: AS_OF })
}

const micros: number[] = []
const started = performance.now()
for (const answers of vendors) {
  const t0 = performance.now()
  const { assessment } = assess({
    profile,
    questionnaire: coreQuestionnaire,
    answers,
    regimes: regimePacks,
    asOf: AS_OF,
  })
  micros.push((performance.now() - t0) * 1000)
  if (assessment.applicableRegimes.length !== 11) throw new Error('expected all eleven regimes to apply')
}
const totalSeconds = (performance.now() - started) / 1000

// "What would change this" is computed once per stored assessment, from the assessment just made.
const unlockMicros: number[] = []
let suggestions = 0
for (let i = 0; i < UNLOCK_VENDORS + 100; i++) {
  const input = { profile, questionnaire: coreQuestionnaire, answers: vendors[i]!, regimes: regimePacks, asOf: AS_OF }
  const base = assess(input).assessment
  const t0 = performance.now()
  const found = unlock(input, { base })
  // The first 100 warm the JIT up.
  if (i >= 100) {
    unlockMicros.push((performance.now() - t0) * 1000)
    suggestions += found.length
  }
}

const round = (n: number, digits: number) => Number(n.toFixed(digits))
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}
console.log(
  JSON.stringify({
    vendors: VENDORS,
    medianMicros: round(quantile(micros, 0.5), 1),
    p99Micros: round(quantile(micros, 0.99), 1),
    totalSeconds: round(totalSeconds, 3),
    unlockVendors: UNLOCK_VENDORS,
    unlockMedianMicros: round(quantile(unlockMicros, 0.5), 1),
    unlockP99Micros: round(quantile(unlockMicros, 0.99), 1),
    unlockSuggestionsPerVendor: round(suggestions / UNLOCK_VENDORS, 2),
  }),
)
