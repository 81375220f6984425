import {
  adequacyDecision,
  DOJ_COUNTRIES_OF_CONCERN,
  EAR_D5_OR_RUSSIA,
  EAR_EMBARGOED,
  ITAR_126_1_OR_RUSSIA,
  isEuEea,
  US_AND_TERRITORIES,
} from '../geography/geography.ts'
import { type LocationClass, locationClassOf } from '../geography/location-class.ts'
import type { Answers, CertificationAnswer } from '../questionnaire/answers.ts'
import type { Profile } from '../regulations/profile.ts'
import { type CertificateRecord, certificateStatus, isHeld } from './certificates.ts'
import { addDays, addMonths } from './dates.ts'

/**
 * Facts the engine computes once per assessment from profile, answers, geography and the
 * assessment date; conditions read them as `derived.<name>`. Unanswered questions count as "no"
 * or empty, so every fact fails safe (e.g. an unanswered incorporation country is not a US one).
 */

export type DerivedFacts = {
  locationClass: LocationClass
  anyLocationAnswered: boolean
  countriesReached: string[]
  storageCountries: string[]
  accessCountries: string[]
  allDataInUsOrTerritories: boolean
  allStorageInUsOrTerritories: boolean
  anyStorageIn126_1OrRussia: boolean
  anyAccessIn126_1OrRussia: boolean
  anyStorageInD5OrRussia: boolean
  anyCountryEmbargoed: boolean
  nonUsPersonAccessPossible: boolean
  itarCarveOutMet: boolean
  earCarveOutMet: boolean
  destructionAtLeastPurge: boolean
  encryptionAtRestPresent: boolean
  vendorIsUsPerson: boolean
  vendorIsDojCoveredPerson: boolean
  personnelInCountryOfConcern: boolean
  subprocessorInCountryOfConcern: boolean
  coveredPersonAccess: boolean
  gdprTransferOutsideEea: boolean
  gdprThirdCountries: string[]
  gdprNonAdequateCountries: string[]
  gdprTransferToNonAdequate: boolean
  gdprReliesOnDpf: boolean
  gdprAdequacyToConfirm: string[]
  cnDataLeavesMainland: boolean
  cnReachesHkMoTw: boolean
  cnExemptPurpose: boolean
  cnExportNeedsSecurityAssessment: boolean
  cnSecurityAssessmentRequired: boolean
  cnStandardContractRequired: boolean
  certificates: CertificateRecord[]
  validCertificationTypes: string[]
  lapsedCertificationTypes: string[]
  cmmcLevelHeld: number
  cmmcLevelMet: boolean
  cmmcConditionalLapsed: boolean
  cmmcAffirmationOverdue: boolean
  fedrampAuthorized: boolean
}

export const DERIVED_FACT_NAMES: readonly (keyof DerivedFacts)[] = [
  'locationClass',
  'anyLocationAnswered',
  'countriesReached',
  'storageCountries',
  'accessCountries',
  'allDataInUsOrTerritories',
  'allStorageInUsOrTerritories',
  'anyStorageIn126_1OrRussia',
  'anyAccessIn126_1OrRussia',
  'anyStorageInD5OrRussia',
  'anyCountryEmbargoed',
  'nonUsPersonAccessPossible',
  'itarCarveOutMet',
  'earCarveOutMet',
  'destructionAtLeastPurge',
  'encryptionAtRestPresent',
  'vendorIsUsPerson',
  'vendorIsDojCoveredPerson',
  'personnelInCountryOfConcern',
  'subprocessorInCountryOfConcern',
  'coveredPersonAccess',
  'gdprTransferOutsideEea',
  'gdprThirdCountries',
  'gdprNonAdequateCountries',
  'gdprTransferToNonAdequate',
  'gdprReliesOnDpf',
  'gdprAdequacyToConfirm',
  'cnDataLeavesMainland',
  'cnReachesHkMoTw',
  'cnExemptPurpose',
  'cnExportNeedsSecurityAssessment',
  'cnSecurityAssessmentRequired',
  'cnStandardContractRequired',
  'certificates',
  'validCertificationTypes',
  'lapsedCertificationTypes',
  'cmmcLevelHeld',
  'cmmcLevelMet',
  'cmmcConditionalLapsed',
  'cmmcAffirmationOverdue',
  'fedrampAuthorized',
]

const PURGE_OR_BETTER = new Set(['crypto-erase', 'nist-800-88-purge', 'nist-800-88-destroy'])
const ENCRYPTED_AT_REST = new Set(['provider-managed', 'vendor-managed-keys', 'customer-managed-keys'])
// PIPL exemptions that hold whatever the PI (Provisions Art. 5(1)-(3)); the Art. 3 trade purposes
// exempt only data holding no PI and no important data.
const CN_PI_EXEMPT_PURPOSES = new Set(['cross-border-contract', 'cross-border-hr', 'emergency'])
const CN_NO_PI_EXEMPT_PURPOSES = new Set([
  'international-trade',
  'cross-border-transport',
  'academic-cooperation',
  'manufacturing',
  'marketing',
])
const HK_MO_TW = new Set(['HK', 'MO', 'TW'])
const CMMC_LEVEL: Record<string, number> = { 'cmmc-l1': 1, 'cmmc-l2': 2, 'cmmc-l3': 3 }

function countryList(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]) : []
}

/** Sorted distinct union of small lists (plain loops: this runs several times per assessment). */
function union(...lists: string[][]): string[] {
  const out: string[] = []
  for (const list of lists) for (const item of list) if (!out.includes(item)) out.push(item)
  return out.length > 1 ? out.sort() : out
}

const someIn = (list: readonly string[], set: ReadonlySet<string>) => list.some((country) => set.has(country))

export function deriveFacts(profile: Profile, answers: Answers, asOf: string): DerivedFacts {
  const home = profile.homeCountry
  const primary = countryList(answers['storage.primaryCountries'])
  const backup = countryList(answers['storage.backupCountries'])
  const personnel = countryList(answers['access.personnelCountries'])
  const subprocessors = countryList(answers['access.subprocessorCountries'])
  const storageCountries = union(primary, backup)
  const accessCountries = union(personnel, subprocessors)
  const countriesReached = union(storageCountries, accessCountries)
  const anyLocationAnswered = countriesReached.length > 0
  const allIn = (list: string[], set: ReadonlySet<string>) => list.length > 0 && list.every((c) => set.has(c))

  const anyStorageIn126_1OrRussia = someIn(storageCountries, ITAR_126_1_OR_RUSSIA)
  const anyStorageInD5OrRussia = someIn(storageCountries, EAR_D5_OR_RUSSIA)
  const e2e = answers['handling.endToEndEncryption'] === true
  const fips = answers['handling.fips140Validated'] === true
  // A vendor that must read the data in the clear cannot be end-to-end encrypted (120.54(b)).
  const plaintextNeeded = answers['handling.plaintextAccessRequired'] === true
  const carveOutCrypto = e2e && fips && !plaintextNeeded

  const incorporation = answers['company.incorporationCountry']
  const hq = answers['company.hqCountry']
  const owner = answers['company.majorityOwnerCountry']
  const vendorIsUsPerson = typeof incorporation === 'string' && US_AND_TERRITORIES.has(incorporation)
  const inConcern = (value: unknown) => typeof value === 'string' && DOJ_COUNTRIES_OF_CONCERN.has(value)
  const vendorIsDojCoveredPerson = !vendorIsUsPerson && (inConcern(incorporation) || inConcern(hq) || inConcern(owner))
  const personnelInCountryOfConcern =
    someIn(personnel, DOJ_COUNTRIES_OF_CONCERN) || answers['access.countryOfConcernPersonnel'] === 'yes'
  const subprocessorInCountryOfConcern = someIn(subprocessors, DOJ_COUNTRIES_OF_CONCERN)

  const gdprThirdCountries = countriesReached.filter((country) => !isEuEea(country))
  const dpf = answers['contract.dpfCertified'] === true
  const gdprNonAdequateCountries: string[] = []
  const gdprAdequacyToConfirm: string[] = []
  for (const country of gdprThirdCountries) {
    const decision = adequacyDecision(country, asOf)
    if (!decision || (decision.requires === 'dpf' && !dpf)) gdprNonAdequateCountries.push(country)
    else if (decision.confirmWithCounsel) gdprAdequacyToConfirm.push(country)
  }

  const categories = profile.dataCategories
  const hasCnPi =
    categories.includes('cn-personal-information') || categories.includes('cn-sensitive-personal-information')
  const importantData = categories.includes('cn-important-data')
  const cnDataLeavesMainland =
    (hasCnPi || importantData) && (home !== 'CN' || countriesReached.some((country) => country !== 'CN'))
  const cnExemptPurpose =
    profile.purposes.some((purpose) => CN_PI_EXEMPT_PURPOSES.has(purpose)) ||
    (!hasCnPi && !importantData && profile.purposes.some((purpose) => CN_NO_PI_EXEMPT_PURPOSES.has(purpose)))
  const nonSensitive = profile.volumes.cnPersonalInformationIndividuals
  const sensitive = profile.volumes.cnSensitivePersonalInformationIndividuals
  const ciio = profile.flags.criticalInformationInfrastructureOperator
  // Provisions Art. 7: CIIOs and important data always; volumes unless an Art. 5 purpose exempts them.
  const cnExportNeedsSecurityAssessment =
    importantData ||
    (ciio && hasCnPi) ||
    (hasCnPi && !cnExemptPurpose && (nonSensitive > 1_000_000 || sensitive > 10_000))
  const cnSecurityAssessmentRequired = cnExportNeedsSecurityAssessment && cnDataLeavesMainland
  // Provisions Art. 8: 100,000 to 1,000,000 non-sensitive, or any sensitive PI below the assessment bar.
  const cnStandardContractRequired =
    cnDataLeavesMainland &&
    hasCnPi &&
    !cnExportNeedsSecurityAssessment &&
    !cnExemptPurpose &&
    (nonSensitive >= 100_000 || sensitive >= 1)

  const held = answers['certifications.held']
  const certificates = (Array.isArray(held) ? (held as CertificationAnswer[]) : []).map((cert) =>
    certificateStatus(cert, asOf),
  )
  const validCertificationTypes = union(certificates.filter((c) => isHeld(c.status)).map((c) => c.type))
  const lapsedCertificationTypes = union(
    certificates.filter((c) => !isHeld(c.status) && !validCertificationTypes.includes(c.type)).map((c) => c.type),
  )
  const cmmcLevelHeld = Math.max(0, ...validCertificationTypes.map((type) => CMMC_LEVEL[type] ?? 0))
  // 32 CFR 170.21: a conditional status lapses 180 days after the status date (the certificate's
  // `issued`) unless the POA&M is closed; 170.22: the affirmation is renewed annually.
  const latestCmmcIssued = certificates
    .filter((c) => CMMC_LEVEL[c.type] !== undefined && isHeld(c.status))
    .map((c) => c.issued)
    .sort()
    .at(-1)
  const cmmcConditionalLapsed =
    answers['dod.cmmcStatus'] === 'conditional' &&
    latestCmmcIssued !== undefined &&
    asOf > addDays(latestCmmcIssued, 180)
  const affirmation = answers['dod.cmmcAffirmationDate']
  const cmmcAffirmationOverdue =
    latestCmmcIssued !== undefined &&
    (typeof affirmation === 'string' ? affirmation : latestCmmcIssued) < addMonths(asOf, -12)

  return {
    locationClass: locationClassOf(home, countriesReached),
    anyLocationAnswered,
    countriesReached,
    storageCountries,
    accessCountries,
    allDataInUsOrTerritories: allIn(countriesReached, US_AND_TERRITORIES),
    allStorageInUsOrTerritories: allIn(storageCountries, US_AND_TERRITORIES),
    anyStorageIn126_1OrRussia,
    anyAccessIn126_1OrRussia: someIn(accessCountries, ITAR_126_1_OR_RUSSIA),
    anyStorageInD5OrRussia,
    anyCountryEmbargoed: someIn(countriesReached, EAR_EMBARGOED),
    nonUsPersonAccessPossible: answers['access.nonUsPersonsAccess'] !== 'no',
    itarCarveOutMet: carveOutCrypto && !anyStorageIn126_1OrRussia,
    earCarveOutMet: carveOutCrypto && !anyStorageInD5OrRussia,
    destructionAtLeastPurge: PURGE_OR_BETTER.has(answers['destruction.method'] as string),
    encryptionAtRestPresent: ENCRYPTED_AT_REST.has(answers['handling.encryptionAtRest'] as string),
    vendorIsUsPerson,
    vendorIsDojCoveredPerson,
    personnelInCountryOfConcern,
    subprocessorInCountryOfConcern,
    coveredPersonAccess: vendorIsDojCoveredPerson || personnelInCountryOfConcern || subprocessorInCountryOfConcern,
    gdprTransferOutsideEea: gdprThirdCountries.length > 0,
    gdprThirdCountries,
    gdprNonAdequateCountries,
    gdprTransferToNonAdequate: gdprNonAdequateCountries.length > 0,
    gdprReliesOnDpf: dpf && gdprThirdCountries.includes('US'),
    gdprAdequacyToConfirm,
    cnDataLeavesMainland,
    cnReachesHkMoTw: cnDataLeavesMainland && someIn(countriesReached, HK_MO_TW),
    cnExemptPurpose,
    cnExportNeedsSecurityAssessment,
    cnSecurityAssessmentRequired,
    cnStandardContractRequired,
    certificates,
    validCertificationTypes,
    lapsedCertificationTypes,
    cmmcLevelHeld,
    cmmcLevelMet: cmmcLevelHeld >= profile.flags.cmmcLevel,
    cmmcConditionalLapsed,
    cmmcAffirmationOverdue,
    fedrampAuthorized:
      validCertificationTypes.includes('fedramp-moderate') || validCertificationTypes.includes('fedramp-high'),
  }
}
