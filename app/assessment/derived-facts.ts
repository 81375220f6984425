import { isUnknownFact } from '../conditions/condition.ts'
import {
  adequacyDecision,
  DOJ_COUNTRIES_OF_CONCERN,
  EAR_D5_OR_RUSSIA,
  EAR_EMBARGOED,
  ITAR_126_1_OR_RUSSIA,
  isEuEea,
  sanctionsProgramme,
  US_AND_TERRITORIES,
} from '../geography/geography.ts'
import { type LocationClass, locationClassOf } from '../geography/location-class.ts'
import type { Answers, CertificationAnswer } from '../questionnaire/answers.ts'
import type { Profile } from '../regulations/profile.ts'
import { type CertificateRecord, certificateStatus, isHeld } from './certificates.ts'
import { addDays, addMonths } from './dates.ts'

/**
 * Facts the engine computes once per assessment from profile, answers, geography and the
 * assessment date; rules read them as `derived.<name>`.
 *
 * The facts rules decide on are three-valued: `true`, `false`, or `undefined` when the answers
 * cannot tell (a needed answer is missing or "unknown"); `missing` then names the questions behind
 * it. Each is built with Kleene's `and` / `or` / `not` from its inputs, so a missing answer can only
 * turn a fact into `undefined`, never into its opposite, and a rule reading it still fires (the
 * engine fires on `undefined`). That is the contract's fail-safe rule for derived facts: nothing is
 * cleared because a question went unanswered.
 *
 * Two deliberate exceptions, both from contract v1.1: sanctioned countries are judged on the
 * countries answered (an unanswered list is its own finding, not a blocker), and an ISO/IEC 27001
 * certificate without an edition counts as held (with a finding asking for it).
 */

/** A three-valued fact and the questions that made it unknown. */
type K = { v: boolean | undefined; m: readonly string[] }
const T: K = { v: true, m: [] }
const F: K = { v: false, m: [] }
const unknown = (...ids: string[]): K => ({ v: undefined, m: ids })
const known = (value: boolean): K => (value ? T : F)

function or(...parts: K[]): K {
  let missing: string[] | undefined
  for (const part of parts) {
    if (part.v === true) return T
    if (part.v === undefined) missing = merge(missing, part.m)
  }
  return missing ? { v: undefined, m: missing } : F
}

function and(...parts: K[]): K {
  let missing: string[] | undefined
  for (const part of parts) {
    if (part.v === false) return F
    if (part.v === undefined) missing = merge(missing, part.m)
  }
  return missing ? { v: undefined, m: missing } : T
}

const not = (part: K): K => (part.v === undefined ? part : part.v ? F : T)

function merge(into: string[] | undefined, ids: readonly string[]): string[] {
  const out = into ?? []
  for (const id of ids) if (!out.includes(id)) out.push(id)
  return out
}

const NONE: readonly string[] = []
const STORAGE_IDS = ['storage.primaryCountries', 'storage.backupCountries']
const LOCATION_IDS = [...STORAGE_IDS, 'access.personnelCountries', 'access.subprocessorCountries']

/** A country list as answered: the countries, or undefined with the questions to ask. */
type CountryList = { countries: readonly string[] | undefined; missing: readonly string[] }

function anyIn(lists: readonly CountryList[], match: (country: string) => boolean): K {
  let missing: string[] | undefined
  for (const list of lists) {
    if (list.countries === undefined) missing = merge(missing, list.missing)
    else for (const country of list.countries) if (match(country)) return T
  }
  return missing ? { v: undefined, m: missing } : F
}

/** Every country of the lists matches; lists that name no country at all cannot show that (`ids` are asked). */
function allIn(lists: readonly CountryList[], match: (country: string) => boolean, ids: readonly string[]): K {
  let missing: string[] | undefined
  let anyCountry = false
  for (const list of lists) {
    if (list.countries === undefined) missing = merge(missing, list.missing)
    else {
      for (const country of list.countries) if (!match(country)) return F
      if (list.countries.length > 0) anyCountry = true
    }
  }
  if (missing) return { v: undefined, m: missing }
  // Lists answered but empty name no place at all: ask for them again.
  return anyCountry ? T : { v: undefined, m: ids }
}

/** The questions to ask for the lists not answered (plain loops: `flatMap` is slow here). */
function missingLists(lists: readonly CountryList[]): string[] {
  const out: string[] = []
  for (const list of lists) if (list.countries === undefined) for (const id of list.missing) out.push(id)
  return out
}

/** Sorted distinct union of small lists (plain loops: this runs several times per assessment). */
function union(...lists: (readonly string[] | undefined)[]): string[] {
  const out: string[] = []
  for (const list of lists) if (list) for (const item of list) if (!out.includes(item)) out.push(item)
  return out.length > 1 ? out.sort() : out
}

const PURGE_OR_BETTER = new Set(['crypto-erase', 'nist-800-88-purge', 'nist-800-88-destroy'])
const ENCRYPTED_AT_REST = new Set(['provider-managed', 'vendor-managed-keys', 'customer-managed-keys'])
// Provisions (2024) Art. 5(1)-(3): exempt only when every purpose listed is one of these (one volume
// figure per profile cannot be split by flow). The Art. 3 purposes exempt only data holding no PI.
const CN_PI_EXEMPT_PURPOSES = new Set(['cross-border-contract', 'cross-border-hr', 'emergency'])
const HK_MO_TW = new Set(['HK', 'MO', 'TW'])
const CMMC_LEVEL: Record<string, number> = { 'cmmc-l1': 1, 'cmmc-l2': 2, 'cmmc-l3': 3 }
// Country predicates, built once (this module runs for every vendor of a comparison view).
const inSet = (set: ReadonlySet<string>) => (country: string) => set.has(country)
const IN_US = inSet(US_AND_TERRITORIES)
const IN_126_1 = inSet(ITAR_126_1_OR_RUSSIA)
const IN_D5 = inSet(EAR_D5_OR_RUSSIA)
const IN_EMBARGOED = inSet(EAR_EMBARGOED)
const IN_CONCERN = inSet(DOJ_COUNTRIES_OF_CONCERN)
const IN_HK_MO_TW = inSet(HK_MO_TW)
const OUTSIDE_CN = (country: string) => country !== 'CN'
const ASSESSOR_RANK: Record<string, number> = { self: 0, c3pao: 1, dibcac: 2 }

/**
 * Every derived fact a rule may read, with the questions it is computed from (the coverage check
 * of `questionnaires:check` counts a question as read when a rule reads a fact built from it).
 */
export const DERIVED_FACT_INPUTS = {
  anyLocationAnswered: [
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
  ],
  allDataInUsOrTerritories: [
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
  ],
  allStorageInUsOrTerritories: ['storage.primaryCountries', 'storage.backupCountries'],
  anyStorageIn126_1OrRussia: ['storage.primaryCountries', 'storage.backupCountries'],
  anyAccessIn126_1OrRussia: ['access.personnelCountries', 'access.subprocessorCountries', 'storage.usesSubprocessors'],
  anyStorageInD5OrRussia: ['storage.primaryCountries', 'storage.backupCountries'],
  anyCountryEmbargoed: [
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
  ],
  nonUsPersonAccessPossible: ['access.nonUsPersonsAccess'],
  itarCarveOutMet: [
    'handling.endToEndEncryption',
    'handling.fips140Validated',
    'handling.plaintextAccessRequired',
    'storage.primaryCountries',
    'storage.backupCountries',
  ],
  earCarveOutMet: [
    'handling.endToEndEncryption',
    'handling.fips140Validated',
    'handling.plaintextAccessRequired',
    'storage.primaryCountries',
    'storage.backupCountries',
  ],
  destructionAtLeastPurge: ['destruction.method'],
  encryptionAtRestPresent: ['handling.encryptionAtRest'],
  vendorIsUsPerson: ['company.incorporationCountry'],
  vendorIsDojCoveredPerson: [
    'company.incorporationCountry',
    'company.hqCountry',
    'company.majorityOwnerCountry',
    'company.countryOfConcernOwnership',
  ],
  personnelInCountryOfConcern: [
    'access.countryOfConcernPersonnel',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
  ],
  coveredPersonAccess: [
    'company.incorporationCountry',
    'company.hqCountry',
    'company.majorityOwnerCountry',
    'company.countryOfConcernOwnership',
    'access.countryOfConcernPersonnel',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
  ],
  dojRestrictedTransaction: [
    'company.incorporationCountry',
    'company.hqCountry',
    'company.majorityOwnerCountry',
    'company.countryOfConcernOwnership',
    'access.countryOfConcernPersonnel',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
  ],
  dojUsPersonVendorCoveredAccess: [
    'company.incorporationCountry',
    'access.countryOfConcernPersonnel',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
  ],
  plaintextMayBeSeen: ['handling.plaintextAccessRequired', 'handling.endToEndEncryption'],
  gdprTransferToNonAdequate: [
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
    'contract.dpfCertified',
  ],
  gdprReliesOnDpf: ['contract.dpfCertified', 'storage.primaryCountries', 'access.personnelCountries'],
  gdprAdequacyToConfirm: [
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
  ],
  cnDataLeavesMainland: [
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
  ],
  cnReachesHkMoTw: [
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
  ],
  cnExportNeedsSecurityAssessment: [],
  cnSecurityAssessmentRequired: [
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
  ],
  cnContractOrCertificationRequired: [
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
  ],
  validCertificationTypes: ['certifications.held'],
  fedrampAuthorized: ['certifications.held'],
  cmmcLevelMetSelf: ['certifications.held'],
  cmmcLevelMetC3pao: ['certifications.held'],
  cmmcLevelMetDibcac: ['certifications.held'],
  cmmcCertificatesWithoutStatus: ['certifications.held'],
  cmmcConditionalWindowOver: ['certifications.held'],
  cmmcAffirmationOverdue: ['certifications.held', 'dod.cmmcAffirmationDate'],
  panStored: ['handling.panProtection'],
  hasSubprocessors: ['storage.usesSubprocessors', 'access.subprocessorCountries'],
  daysUntilAllCopiesDestroyed: ['destruction.daysAfterTermination', 'destruction.backupPurgeDays'],
  sanctionedCountries: [
    'company.hqCountry',
    'company.incorporationCountry',
    'company.majorityOwnerCountry',
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'handling.keyLocationCountries',
  ],
  anySanctionedCountry: [
    'company.hqCountry',
    'company.incorporationCountry',
    'company.majorityOwnerCountry',
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'handling.keyLocationCountries',
  ],
  sanctionsRegionCountries: [
    'company.hqCountry',
    'company.incorporationCountry',
    'company.majorityOwnerCountry',
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'handling.keyLocationCountries',
  ],
  anySanctionsRegion: [
    'company.hqCountry',
    'company.incorporationCountry',
    'company.majorityOwnerCountry',
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'handling.keyLocationCountries',
  ],
  sanctionsCountriesAnswered: [
    'company.hqCountry',
    'company.incorporationCountry',
    'company.majorityOwnerCountry',
    'storage.primaryCountries',
    'storage.backupCountries',
    'access.personnelCountries',
    'access.subprocessorCountries',
    'storage.usesSubprocessors',
    'handling.keyLocationCountries',
    'handling.encryptionAtRest',
  ],
} as const satisfies Record<string, readonly string[]>

export type DerivedFactName = keyof typeof DERIVED_FACT_INPUTS
export const DERIVED_FACT_NAMES = Object.keys(DERIVED_FACT_INPUTS) as DerivedFactName[]

/** The values rules read (`undefined`: the answers cannot tell). */
export type DerivedFactValues = {
  [name in DerivedFactName]: name extends
    | 'validCertificationTypes'
    | 'gdprAdequacyToConfirm'
    | 'sanctionedCountries'
    | 'sanctionsRegionCountries'
    ? string[] | undefined
    : name extends 'daysUntilAllCopiesDestroyed'
      ? number | undefined
      : boolean | undefined
}

export type DerivedFacts = DerivedFactValues & {
  /** Per unknown fact, the questions whose answers are missing or "unknown". */
  missing: Partial<Record<DerivedFactName, readonly string[]>>
  // Descriptive facts for the output (always definite).
  locationClass: LocationClass
  countriesReached: string[]
  /** Location lists (storage, backup, personnel, subprocessors) not answered. */
  locationListsMissing: string[]
  certificates: CertificateRecord[]
  lapsedCertificationTypes: string[]
  gdprThirdCountries: string[]
  gdprNonAdequateCountries: string[]
}

export function deriveFacts(profile: Profile, answers: Answers, asOf: string): DerivedFacts {
  const answer = (id: string): unknown => (isUnknownFact(answers[id]) ? undefined : answers[id])
  const yesNo = (id: string): K => {
    const value = answers[id]
    return value === true ? T : value === false ? F : unknown(id)
  }
  const list = (id: string): CountryList => {
    const value = answers[id]
    return Array.isArray(value)
      ? { countries: value as string[], missing: NONE }
      : { countries: undefined, missing: [id] }
  }
  const single = (id: string): CountryList => {
    const value = answers[id]
    if (value === null) return { countries: NONE, missing: NONE }
    return typeof value === 'string' ? { countries: [value], missing: NONE } : { countries: undefined, missing: [id] }
  }

  const primary = list('storage.primaryCountries')
  const backup = list('storage.backupCountries')
  const personnel = list('access.personnelCountries')
  // The subprocessor countries are asked only of a vendor that uses subprocessors: a list given
  // decides; without one, "no subprocessors" means none, and otherwise both questions are asked.
  const subprocessorAnswer = answers['access.subprocessorCountries']
  const usesSubprocessors = answers['storage.usesSubprocessors']
  const subprocessors: CountryList = Array.isArray(subprocessorAnswer)
    ? { countries: subprocessorAnswer as string[], missing: [] }
    : usesSubprocessors === false
      ? { countries: [], missing: [] }
      : {
          countries: undefined,
          missing:
            usesSubprocessors === true
              ? ['access.subprocessorCountries']
              : ['storage.usesSubprocessors', 'access.subprocessorCountries'],
        }
  const keyAnswer = answers['handling.keyLocationCountries']
  const keyLocation: CountryList = Array.isArray(keyAnswer)
    ? { countries: keyAnswer as string[], missing: [] }
    : answers['handling.encryptionAtRest'] === 'none'
      ? { countries: [], missing: [] }
      : {
          countries: undefined,
          missing:
            answers['handling.encryptionAtRest'] === undefined
              ? ['handling.encryptionAtRest', 'handling.keyLocationCountries']
              : ['handling.keyLocationCountries'],
        }
  const storage = [primary, backup]
  const access = [personnel, subprocessors]
  const all = [primary, backup, personnel, subprocessors]
  const countriesReached = union(primary.countries, backup.countries, personnel.countries, subprocessors.countries)
  const locationListsMissing = missingLists(all)

  // A dictionary from the start: facts are added to it one by one, only when unknown.
  const missing: DerivedFacts['missing'] = Object.create(null)
  const tri = (name: DerivedFactName, fact: K): boolean | undefined => {
    if (fact.v === undefined) missing[name] = fact.m
    return fact.v
  }

  // ---- Export controls ------------------------------------------------------------------------
  const anyStorageIn126_1OrRussia = anyIn(storage, IN_126_1)
  const anyStorageInD5OrRussia = anyIn(storage, IN_D5)
  // 120.54(a)(5) / 734.18(a)(5): end-to-end encrypted with FIPS modules, nobody at the vendor needs
  // plaintext (a vendor that must read the data cannot be end to end, 120.54(b)), no storage in a
  // proscribed country.
  const carveOutCrypto = and(
    yesNo('handling.endToEndEncryption'),
    yesNo('handling.fips140Validated'),
    not(yesNo('handling.plaintextAccessRequired')),
  )
  const nonUsAccess = answer('access.nonUsPersonsAccess')

  // ---- DOJ Data Security Program (28 CFR 202.211, contract v1.1) ------------------------------
  const inConcern = (l: CountryList): K => anyIn([l], IN_CONCERN)
  const yesNoUnknown = (id: string): K => {
    const value = answer(id)
    return value === 'yes' ? T : value === 'no' ? F : unknown(id)
  }
  const incorporation = single('company.incorporationCountry')
  const hq = single('company.hqCountry')
  const owner = single('company.majorityOwnerCountry')
  const vendorIsUsPerson = anyIn([incorporation], IN_US)
  const vendorIsDojCoveredPerson = and(
    not(vendorIsUsPerson),
    or(inConcern(incorporation), inConcern(hq), inConcern(owner), yesNoUnknown('company.countryOfConcernOwnership')),
  )
  const personnelInCountryOfConcern = or(
    yesNoUnknown('access.countryOfConcernPersonnel'),
    anyIn([personnel, subprocessors], IN_CONCERN),
  )
  const coveredPersonAccess = or(vendorIsDojCoveredPerson, personnelInCountryOfConcern)

  // ---- GDPR Chapter V -------------------------------------------------------------------------
  const gdprThirdCountries = countriesReached.filter((country) => !isEuEea(country))
  const dpf = answer('contract.dpfCertified')
  const gdprNonAdequateCountries: string[] = []
  const gdprAdequacyToConfirm: string[] = []
  let dpfDecides = false
  for (const country of gdprThirdCountries) {
    const decision = adequacyDecision(country, asOf)
    if (decision?.requires === 'dpf' && dpf === undefined) dpfDecides = true
    else if (!decision || (decision.requires === 'dpf' && dpf !== true)) gdprNonAdequateCountries.push(country)
    else if (decision.confirmWithCounsel) gdprAdequacyToConfirm.push(country)
  }
  const gdprTransferToNonAdequate = or(
    known(gdprNonAdequateCountries.length > 0),
    dpfDecides ? unknown('contract.dpfCertified') : F,
    locationListsMissing.length ? unknown(...locationListsMissing) : F,
  )

  // ---- China (PIPL, CAC Provisions 2024, contract v1.1) ---------------------------------------
  const categories = profile.dataCategories
  const hasCnPi =
    categories.includes('cn-personal-information') || categories.includes('cn-sensitive-personal-information')
  const importantData = categories.includes('cn-important-data')
  const home = profile.homeCountry
  const cnDataLeavesMainland: K = !hasCnPi && !importantData ? F : home !== 'CN' ? T : anyIn(all, OUTSIDE_CN)
  const purposes = profile.purposes
  const cnExemptPurpose = hasCnPi && purposes.length > 0 && purposes.every((p) => CN_PI_EXEMPT_PURPOSES.has(p))
  const nonSensitive = profile.volumes.cnPersonalInformationIndividuals
  const sensitive = profile.volumes.cnSensitivePersonalInformationIndividuals
  const ciio = profile.flags.criticalInformationInfrastructureOperator
  // Art. 7 ("以上" includes the figure): important data, a CIIO's PI, 1,000,000 or more individuals'
  // PI or 10,000 or more individuals' sensitive PI since 1 January, unless an Art. 5 purpose exempts it.
  const cnExportNeedsSecurityAssessment =
    importantData ||
    (ciio && hasCnPi) ||
    (hasCnPi && !cnExemptPurpose && (nonSensitive >= 1_000_000 || sensitive >= 10_000))
  // Art. 8: 100,000 to 999,999 non-sensitive, or 1 to 9,999 sensitive → standard contract or certification.
  const contractBand =
    hasCnPi && !cnExportNeedsSecurityAssessment && !cnExemptPurpose && (nonSensitive >= 100_000 || sensitive >= 1)

  // ---- Certificates ---------------------------------------------------------------------------
  const held = answers['certifications.held']
  const certsKnown = Array.isArray(held)
  const certificates = (certsKnown ? (held as CertificationAnswer[]) : []).map((cert) => certificateStatus(cert, asOf))
  const heldCertificates = certificates.filter((c) => isHeld(c.status))
  const validCertificationTypes = union(heldCertificates.map((c) => c.type))
  const lapsedCertificationTypes = union(
    certificates.filter((c) => !isHeld(c.status) && !validCertificationTypes.includes(c.type)).map((c) => c.type),
  )
  const certs = (fact: boolean): K => (certsKnown ? known(fact) : unknown('certifications.held'))
  const required = profile.flags.cmmcLevel
  const heldCmmc = heldCertificates.filter((c) => CMMC_LEVEL[c.type] !== undefined)
  const cmmcMet = (assessor: string) =>
    certs(
      heldCmmc.some(
        (c) =>
          (CMMC_LEVEL[c.type] ?? 0) >= required &&
          (ASSESSOR_RANK[c.assessor ?? 'self'] ?? 0) >= (ASSESSOR_RANK[assessor] ?? 0),
      ),
    )
  const latestCmmc = heldCmmc
    .map((c) => c.issued)
    .sort()
    .at(-1)
  // The certificate without a status of its own defers to the vendor's SPRS status answer.
  const cmmcWithoutStatus = certsKnown
    ? (held as CertificationAnswer[]).some((c) => CMMC_LEVEL[c.type] !== undefined && c.status === undefined)
    : false
  const affirmation = answer('dod.cmmcAffirmationDate')
  const yearAgo = addMonths(asOf, -12)
  const cmmcAffirmationOverdue: K = !certsKnown
    ? unknown('certifications.held')
    : latestCmmc === undefined || latestCmmc >= yearAgo
      ? F
      : typeof affirmation === 'string'
        ? known(affirmation < yearAgo)
        : unknown('dod.cmmcAffirmationDate')

  // ---- Sanctions (contract v1.1; geography/sanctions.json) ------------------------------------
  const sanctionLists = [hq, incorporation, owner, primary, backup, personnel, subprocessors, keyLocation]
  const sanctionedCountries: string[] = []
  const sanctionsRegionCountries: string[] = []
  for (const l of sanctionLists) {
    for (const country of l.countries ?? []) {
      const programme = sanctionsProgramme(country, asOf)
      const into =
        programme?.scope === 'comprehensive' ? sanctionedCountries : programme ? sanctionsRegionCountries : undefined
      if (into && !into.includes(country)) into.push(country)
    }
  }
  const sanctionsMissing = missingLists(sanctionLists)

  // ---- Handling and destruction ---------------------------------------------------------------
  const method = answer('destruction.method')
  const atRest = answer('handling.encryptionAtRest')
  const pan = answer('handling.panProtection')
  const days = answer('destruction.daysAfterTermination')
  const backupDays = answer('destruction.backupPurgeDays')
  const hasSubprocessors: K = Array.isArray(subprocessorAnswer)
    ? known(subprocessorAnswer.length > 0)
    : typeof usesSubprocessors === 'boolean'
      ? known(usesSubprocessors)
      : unknown('storage.usesSubprocessors', 'access.subprocessorCountries')

  const facts: DerivedFacts = {
    anyLocationAnswered: countriesReached.length > 0,
    allDataInUsOrTerritories: tri('allDataInUsOrTerritories', allIn(all, IN_US, LOCATION_IDS)),
    allStorageInUsOrTerritories: tri('allStorageInUsOrTerritories', allIn(storage, IN_US, STORAGE_IDS)),
    anyStorageIn126_1OrRussia: tri('anyStorageIn126_1OrRussia', anyStorageIn126_1OrRussia),
    anyAccessIn126_1OrRussia: tri('anyAccessIn126_1OrRussia', anyIn(access, IN_126_1)),
    anyStorageInD5OrRussia: tri('anyStorageInD5OrRussia', anyStorageInD5OrRussia),
    anyCountryEmbargoed: tri('anyCountryEmbargoed', anyIn(all, IN_EMBARGOED)),
    nonUsPersonAccessPossible: tri(
      'nonUsPersonAccessPossible',
      nonUsAccess === 'no' ? F : nonUsAccess === 'yes' ? T : unknown('access.nonUsPersonsAccess'),
    ),
    itarCarveOutMet: tri('itarCarveOutMet', and(carveOutCrypto, not(anyStorageIn126_1OrRussia))),
    earCarveOutMet: tri('earCarveOutMet', and(carveOutCrypto, not(anyStorageInD5OrRussia))),
    destructionAtLeastPurge: tri(
      'destructionAtLeastPurge',
      typeof method === 'string' ? known(PURGE_OR_BETTER.has(method)) : unknown('destruction.method'),
    ),
    encryptionAtRestPresent: tri(
      'encryptionAtRestPresent',
      typeof atRest === 'string' ? known(ENCRYPTED_AT_REST.has(atRest)) : unknown('handling.encryptionAtRest'),
    ),
    vendorIsUsPerson: tri('vendorIsUsPerson', vendorIsUsPerson),
    vendorIsDojCoveredPerson: tri('vendorIsDojCoveredPerson', vendorIsDojCoveredPerson),
    personnelInCountryOfConcern: tri('personnelInCountryOfConcern', personnelInCountryOfConcern),
    coveredPersonAccess: tri('coveredPersonAccess', coveredPersonAccess),
    // A vendor organised outside the US whose data covered persons reach: the vendor agreement is a
    // restricted transaction of the buyer's (202.401). A US-person vendor runs its own (202.210).
    dojRestrictedTransaction: tri('dojRestrictedTransaction', and(not(vendorIsUsPerson), coveredPersonAccess)),
    dojUsPersonVendorCoveredAccess: tri(
      'dojUsPersonVendorCoveredAccess',
      and(vendorIsUsPerson, personnelInCountryOfConcern),
    ),
    // CISA's data-level requirements cannot be met when covered persons would see plaintext: the work
    // needs it (or the vendor did not say it does not) and the data is not end-to-end encrypted.
    plaintextMayBeSeen: tri(
      'plaintextMayBeSeen',
      and(yesNo('handling.plaintextAccessRequired'), not(yesNo('handling.endToEndEncryption'))),
    ),
    gdprTransferToNonAdequate: tri('gdprTransferToNonAdequate', gdprTransferToNonAdequate),
    gdprReliesOnDpf: dpf === true && gdprThirdCountries.includes('US'),
    gdprAdequacyToConfirm,
    cnDataLeavesMainland: tri('cnDataLeavesMainland', cnDataLeavesMainland),
    cnReachesHkMoTw: tri('cnReachesHkMoTw', and(cnDataLeavesMainland, anyIn(all, IN_HK_MO_TW))),
    cnExportNeedsSecurityAssessment,
    cnSecurityAssessmentRequired: tri(
      'cnSecurityAssessmentRequired',
      cnExportNeedsSecurityAssessment ? cnDataLeavesMainland : F,
    ),
    cnContractOrCertificationRequired: tri(
      'cnContractOrCertificationRequired',
      contractBand ? cnDataLeavesMainland : F,
    ),
    validCertificationTypes: certsKnown ? validCertificationTypes : undefined,
    fedrampAuthorized: tri(
      'fedrampAuthorized',
      certs(validCertificationTypes.includes('fedramp-moderate') || validCertificationTypes.includes('fedramp-high')),
    ),
    cmmcLevelMetSelf: tri('cmmcLevelMetSelf', cmmcMet('self')),
    cmmcLevelMetC3pao: tri('cmmcLevelMetC3pao', cmmcMet('c3pao')),
    cmmcLevelMetDibcac: tri('cmmcLevelMetDibcac', cmmcMet('dibcac')),
    cmmcCertificatesWithoutStatus: tri('cmmcCertificatesWithoutStatus', certs(cmmcWithoutStatus)),
    cmmcConditionalWindowOver: tri(
      'cmmcConditionalWindowOver',
      certs(latestCmmc !== undefined && asOf > addDays(latestCmmc, 180)),
    ),
    cmmcAffirmationOverdue: tri('cmmcAffirmationOverdue', cmmcAffirmationOverdue),
    panStored: tri(
      'panStored',
      typeof pan === 'string' ? known(pan !== 'not-stored') : unknown('handling.panProtection'),
    ),
    hasSubprocessors: tri('hasSubprocessors', hasSubprocessors),
    daysUntilAllCopiesDestroyed:
      typeof days === 'number' && typeof backupDays === 'number' ? days + backupDays : undefined,
    sanctionedCountries,
    anySanctionedCountry: sanctionedCountries.length > 0,
    sanctionsRegionCountries,
    anySanctionsRegion: sanctionsRegionCountries.length > 0,
    // Never false: answered it is true; otherwise the missing lists are asked for (a finding, not a blocker).
    sanctionsCountriesAnswered: tri(
      'sanctionsCountriesAnswered',
      sanctionsMissing.length ? unknown(...sanctionsMissing) : T,
    ),
    missing,
    // With a location list unanswered the data may go anywhere: offshore (the engine warns).
    locationClass: locationListsMissing.length > 0 ? 'offshore' : locationClassOf(home, countriesReached),
    countriesReached,
    locationListsMissing,
    certificates,
    lapsedCertificationTypes,
    gdprThirdCountries,
    gdprNonAdequateCountries,
  }
  if (facts.validCertificationTypes === undefined) missing.validCertificationTypes = ['certifications.held']
  if (facts.daysUntilAllCopiesDestroyed === undefined) {
    missing.daysUntilAllCopiesDestroyed = ['destruction.daysAfterTermination', 'destruction.backupPurgeDays'].filter(
      (id) => typeof answer(id) !== 'number',
    )
  }
  return facts
}
