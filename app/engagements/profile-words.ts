import type { CMMC_ASSESSMENTS, CN_PURPOSES, DATA_CATEGORIES, INDUSTRIES, Profile } from '../regulations/profile.ts'

/**
 * The regulatory profile's words and the form's pure helpers, without zod: the engagement form
 * renders from these, and loads the form's schema (profile-form.ts) only when it first validates
 * (README decision 87). The contract's vocabularies are imported as types only, for the same reason.
 */

export const INDUSTRY_LABELS = {
  healthcare: 'Healthcare (hospital, clinic, health plan)',
  'financial-services': 'Financial services (bank, lender, insurer, fintech)',
  defense: 'Defence and aerospace',
  'public-sector': 'Public sector',
  ecommerce: 'Retail and e-commerce',
  technology: 'Technology',
  manufacturing: 'Manufacturing',
  other: 'Other',
} as const satisfies Record<(typeof INDUSTRIES)[number], string>

export const DATA_CATEGORY_INFO = {
  phi: {
    label: 'Patient health information (PHI)',
    explain:
      'Medical records, claims, diagnoses or billing data about identifiable patients of a US healthcare provider or plan.',
  },
  npi: {
    label: 'Customers’ financial information (GLBA)',
    explain: 'Account numbers, balances, loan or payment history of the customers of a US financial institution.',
  },
  'cardholder-data': {
    label: 'Payment card data (PCI DSS)',
    explain: 'Card numbers (PAN), with or without names and expiry dates, or card verification codes.',
  },
  cui: {
    label: 'Controlled unclassified information (CUI)',
    explain: 'Information a US defence contract marks as CUI or covered defence information.',
  },
  'itar-technical-data': {
    label: 'ITAR technical data',
    explain: 'Drawings, specifications or know-how for items on the US Munitions List.',
  },
  'ear-technology': {
    label: 'Export-controlled technology (EAR)',
    explain: 'Technology or source code on the Commerce Control List (it has an ECCN), or EAR99 technology.',
  },
  'eu-personal-data': {
    label: 'Personal data of people in the EU/EEA (GDPR)',
    explain:
      'Anything that identifies a person — names, emails, order history — collected by an EU business or about people in the EU.',
  },
  'cn-personal-information': {
    label: 'Personal information collected in mainland China',
    explain: 'Names, phone numbers, addresses or order data of people in mainland China.',
  },
  'cn-sensitive-personal-information': {
    label: 'Sensitive personal information from China',
    explain:
      'Biometrics, health, financial accounts, location tracking, religion, or data about children under 14, collected in mainland China.',
  },
  'cn-important-data': {
    label: 'China “important data”',
    explain:
      'Data a Chinese authority has notified or published as important data (a sector catalogue applies to you).',
  },
  'us-sensitive-personal-data': {
    label: 'US sensitive personal data in bulk (DOJ rule)',
    explain: 'Health, financial, biometric, genomic, precise location data or identifiers of many US persons.',
  },
  'ca-consumer-personal-information': {
    label: 'California consumers’ personal information (CCPA)',
    explain: 'Personal information of California residents held by a business that meets the CCPA thresholds.',
  },
  confidential: {
    label: 'Confidential business data',
    explain: 'Trade secrets or internal data with no specific regulation.',
  },
} as const satisfies Record<(typeof DATA_CATEGORIES)[number], { label: string; explain: string }>
export type DataCategory = (typeof DATA_CATEGORIES)[number]

export const VOLUME_FIELDS = {
  cnPersonalInformationIndividuals: {
    label: 'People in mainland China whose (non-sensitive) personal information you have sent abroad since 1 January',
    showFor: ['cn-personal-information', 'cn-sensitive-personal-information'],
  },
  cnSensitivePersonalInformationIndividuals: {
    label: 'People whose sensitive personal information you have sent abroad since 1 January',
    showFor: ['cn-sensitive-personal-information'],
  },
  usPersonalHealthData: {
    label: 'US persons whose health data is involved (last 12 months)',
    showFor: ['us-sensitive-personal-data', 'phi'],
  },
  usPersonalFinancialData: {
    label: 'US persons whose financial data is involved',
    showFor: ['us-sensitive-personal-data', 'npi'],
  },
  usCoveredPersonalIdentifiers: {
    label: 'US persons whose identifiers (SSN, ID numbers, account IDs) are involved',
    showFor: ['us-sensitive-personal-data'],
  },
  usBiometricIdentifiers: {
    label: 'US persons whose biometric identifiers are involved',
    showFor: ['us-sensitive-personal-data'],
  },
  usPreciseGeolocationDevices: {
    label: 'US devices whose precise location data is involved',
    showFor: ['us-sensitive-personal-data'],
  },
  usHumanGenomicData: { label: 'US persons whose genomic data is involved', showFor: ['us-sensitive-personal-data'] },
} as const satisfies Record<string, { label: string; showFor: readonly DataCategory[] }>
export type VolumeField = keyof typeof VOLUME_FIELDS

export const FLAG_INFO = {
  criticalInformationInfrastructureOperator: 'We are a critical information infrastructure operator (CIIO) in China',
  dodContractor: 'We hold US Department of Defense contracts',
  usGovernmentRelatedData: 'The data includes US government-related data (e.g. about government personnel or sites)',
} as const

/**
 * Contract v1.1's profile facts, asked only where they matter and in the buyer's words; each hint
 * names the law. Left unset they take the value that fails safe (see ProfileFormSchema).
 */
export const GLBA_SUPERVISOR = {
  question: 'Who supervises you for the customers’ financial information?',
  choices: {
    true: 'A bank, or a service provider to banks, supervised by the OCC, the Federal Reserve or the FDIC',
    false: 'A lender, broker, fintech or other financial institution under the FTC',
  },
  hint: 'GLBA: banks follow the Interagency Guidelines (12 CFR 30 App. B, 208 App. D-2, 225 App. F, 364 App. B), and their regulators may examine the vendor’s work (12 U.S.C. 1867(c)); other institutions follow the FTC Safeguards Rule (16 CFR 314.4(f)). Not sure? Keep the bank: it asks more of a vendor, never less.',
} as const

export const DFARS_CLOUD_SERVICE = {
  label: 'The vendor will run a cloud service for our DoD contract (DFARS 252.239-7010)',
  hint: 'Government data of a DoD cloud service stays in the United States and its outlying areas unless the contracting officer authorises another place in writing (252.239-7010(b)(3)).',
} as const

export const CMMC_ASSESSMENT_CHOICES = {
  '': 'What the CMMC phase-in requires (Level 2: a C3PAO certification since 10 November 2026)',
  self: 'A self-assessment',
  c3pao: 'A certification by a C3PAO (an authorised third-party assessor)',
  dibcac: 'An assessment by DIBCAC (the DoD’s own assessors)',
} as const satisfies Record<(typeof CMMC_ASSESSMENTS)[number] | '', string>
export const CMMC_ASSESSMENT_QUESTION = {
  label: 'The CMMC assessment your DoD contracts ask for',
  hint: '32 CFR 170.3(e): since phase 2 (10 November 2026) a Level 2 contract needs a C3PAO certification unless it asks only for a self-assessment; Level 3 needs DIBCAC. Choose what the contract clause says; if it does not say, keep the phase-in.',
} as const

/** Whether the engagement's profile brings DFARS in (the cloud-service and CMMC questions apply then). */
export function dfarsInScope(categories: readonly string[], dodContractor: unknown): boolean {
  return categories.includes('cui') || asBoolean(dodContractor)
}

export const PURPOSE_LABELS = {
  'cross-border-contract': 'Performing a contract with the individual (shopping, delivery, payment, booking, visa)',
  'cross-border-hr': 'Cross-border HR management of our own employees',
  emergency: 'Protecting life, health or property in an emergency',
  'international-trade': 'International trade',
  'cross-border-transport': 'Cross-border transport',
  'academic-cooperation': 'Academic cooperation',
  manufacturing: 'Cross-border manufacturing',
  marketing: 'Marketing',
} as const satisfies Record<(typeof CN_PURPOSES)[number], string>

/** Whether a volume field matters for the chosen categories (others are hidden and sent as 0). */
export function volumeFieldShown(field: VolumeField, categories: readonly string[]): boolean {
  return VOLUME_FIELDS[field].showFor.some((category) => categories.includes(category))
}

/** A ticked checkbox (or a stored true). */
export function asBoolean(value: unknown): boolean {
  return value === true || value === 'on' || value === 'true'
}
/** A yes/no radio: undefined when neither was chosen (or the field was not on the page). */
export const asChoice = (value: unknown) =>
  value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined

/**
 * A stored profile as the form's values: radios and selects hold strings, so the booleans and the
 * null of contract v1.1's facts become the values their inputs carry.
 */
export function profileFormValues<T extends { dataCategories?: unknown; flags?: unknown }>(profile: T): T {
  const flags = (profile.flags ?? {}) as Record<string, unknown>
  // A stored profile holds an array; a posted form sent back after an error, a string for one box.
  const categories = ([] as unknown[]).concat(profile.dataCategories ?? [])
  return {
    ...profile,
    flags: {
      ...flags,
      cmmcLevel: String(flags.cmmcLevel ?? 0),
      cmmcAssessment: flags.cmmcAssessment ?? '',
      // Only a GLBA profile ever said "not a bank"; anyone else starts from the fail-safe choice.
      bankRegulated: categories.includes('npi') && asChoice(flags.bankRegulated) === false ? 'false' : 'true',
    },
  }
}

/** The profile's flags in plain words, for reports: one line per fact that is set. */
export function profileFlagLines(profile: Profile): string[] {
  const lines: string[] = []
  for (const [flag, label] of Object.entries(FLAG_INFO)) {
    if ((profile.flags as Record<string, unknown>)[flag] === true) lines.push(label)
  }
  if (profile.flags.cmmcLevel > 0) {
    const assessment = profile.flags.cmmcAssessment
    lines.push(
      `DoD contracts require CMMC Level ${profile.flags.cmmcLevel}${assessment ? ` (${CMMC_ASSESSMENT_CHOICES[assessment].toLowerCase()})` : ' (the assessment the phase-in requires)'}`,
    )
  }
  if (profile.flags.dfarsCloudService) lines.push('The work is a DoD cloud service (DFARS 252.239-7010)')
  if (profile.dataCategories.includes('npi')) {
    lines.push(
      profile.flags.bankRegulated
        ? 'A bank or bank service provider (OCC, Federal Reserve or FDIC)'
        : 'A financial institution under the FTC Safeguards Rule',
    )
  }
  return lines
}
