import { assess } from '#app/assessment/engine.ts'
import { generateVendorAnswers, mulberry32 } from '#app/assessment/generate-answers.ts'
import { parseProfile } from '#app/regulations/profile.ts'
import { coreQuestionnaire, regimePacks } from '#questionnaires/index.ts'

// Times assess() for 10,000 generated vendors (seeded, so every run sees the same vendors) against a
// profile under which all ten regimes apply. The last line is one JSON object for CI to read.
const VENDORS = 10_000
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
micros.sort((a, b) => a - b)
const at = (q: number) => micros[Math.min(micros.length - 1, Math.floor(q * micros.length))]!
const round = (n: number, digits: number) => Number(n.toFixed(digits))
console.log(
  JSON.stringify({
    vendors: VENDORS,
    medianMicros: round(at(0.5), 1),
    p99Micros: round(at(0.99), 1),
    totalSeconds: round(totalSeconds, 3),
  }),
)
