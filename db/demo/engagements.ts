/**
 * The demo engagements: the seeds' story in three outsourcing projects of one group. Each vendor
 * has a state (every invitation state appears) and, once it has answered, its answers in the
 * contract's vocabulary. Dates are relative to the day the seed runs, so "overdue" stays overdue.
 */

import { getQuestionnaire } from '#questionnaires/index.ts'
import { completeDemoAnswers, DEMO_QUESTIONNAIRE } from './complete-answers.ts'

type Answers = Record<string, unknown>
export type DemoVendor = {
  company: string
  country: string
  contact: string
  email: string
  state: 'invited' | 'opened' | 'in-progress' | 'submitted' | 'reopened' | 'revoked' | 'expired'
  answers?: Answers
  /** The questionnaire version its response was opened with (default: the engagement's, v2). */
  questionnaireVersion?: number
}
type DemoEngagement = {
  name: string
  description: string
  dueInDays: number
  profile: Record<string, unknown>
  vendors: DemoVendor[]
}

const strongControls = {
  'handling.encryptionAtRest': 'customer-managed-keys',
  'handling.encryptionInTransit': 'tls13',
  'handling.endToEndEncryption': false,
  'handling.fips140Validated': true,
  'handling.mfaForAllAccess': true,
  'destruction.method': 'nist-800-88-purge',
  'destruction.certificateProvided': true,
  'destruction.daysAfterTermination': 30,
  'destruction.backupPurgeDays': 35,
  'incident.notificationHours': 24,
}
const weakControls = {
  'handling.encryptionAtRest': 'provider-managed',
  'handling.encryptionInTransit': 'tls12',
  'handling.endToEndEncryption': false,
  'handling.fips140Validated': false,
  'handling.mfaForAllAccess': false,
  'destruction.method': 'delete',
  'destruction.certificateProvided': false,
  'destruction.daysAfterTermination': 120,
  'destruction.backupPurgeDays': 365,
  'incident.notificationHours': 168,
}
function company(country: string, owner: string | null = country): Answers {
  return {
    'company.hqCountry': country,
    'company.incorporationCountry': country,
    'company.majorityOwnerCountry': owner,
  }
}

const STORY: DemoEngagement[] = [
  {
    name: 'Mercy General — outpatient medical coding',
    description: 'Code outpatient encounters from our EHR (ICD-10-CM, CPT) for 60,000 patients a year.',
    dueInDays: 12,
    profile: {
      homeCountry: 'US',
      industry: 'healthcare',
      dataCategories: ['phi'],
      volumes: { usPersonalHealthData: 60000 },
      flags: {},
      purposes: [],
    },
    vendors: [
      {
        company: 'Caribe Health Information Services',
        country: 'PR',
        contact: 'Luis Ortiz',
        email: 'luis.ortiz@caribe-his.example',
        state: 'submitted',
        answers: {
          ...company('PR', 'US'),
          'storage.primaryCountries': ['PR'],
          'storage.backupCountries': ['US'],
          'access.personnelCountries': ['PR'],
          'access.subprocessorCountries': ['US'],
          'access.nonUsPersonsAccess': 'no',
          ...strongControls,
          'certifications.held': [
            { type: 'hitrust-r2', issued: '2025-10-01', expires: '2027-10-01' },
            { type: 'soc2-type2', issued: '2026-06-30' },
          ],
          'contract.baa': true,
        },
      },
      {
        company: 'Bengaluru Coding Partners',
        country: 'IN',
        contact: 'Priya Raman',
        email: 'priya@blr-coding.example',
        state: 'submitted',
        answers: {
          ...company('IN'),
          'storage.primaryCountries': ['US'],
          'storage.backupCountries': ['US'],
          'access.personnelCountries': ['IN'],
          'access.subprocessorCountries': [],
          'access.nonUsPersonsAccess': 'yes',
          ...strongControls,
          'certifications.held': [
            { type: 'iso27001', edition: '2022', issued: '2025-03-01', expires: '2028-02-28' },
            { type: 'soc2-type2', issued: '2026-06-30' },
          ],
          'contract.baa': true,
        },
      },
      {
        company: 'Manila MedCode',
        country: 'PH',
        contact: 'Ana Santos',
        email: 'ana.santos@manila-medcode.example',
        state: 'submitted',
        answers: {
          ...company('PH'),
          'storage.primaryCountries': ['PH'],
          'storage.backupCountries': ['SG'],
          'access.personnelCountries': ['PH'],
          'access.subprocessorCountries': ['SG'],
          'access.nonUsPersonsAccess': 'yes',
          ...weakControls,
          'certifications.held': [{ type: 'iso27001', edition: '2013', issued: '2023-01-15', expires: '2026-01-14' }],
          'contract.baa': false,
        },
      },
      {
        company: 'Monterrey Revenue Cycle',
        country: 'MX',
        contact: 'Jorge Luna',
        email: 'jorge.luna@mty-rcm.example',
        state: 'in-progress',
        answers: { ...company('MX'), 'storage.primaryCountries': ['US'], 'access.personnelCountries': ['MX'] },
      },
      {
        company: 'San José Health BPO',
        country: 'CR',
        contact: 'Sofía Vargas',
        email: 'sofia@sj-healthbpo.example',
        state: 'opened',
      },
      {
        company: 'Medellín Clinical Data',
        country: 'CO',
        contact: 'Camilo Restrepo',
        email: 'camilo@mde-clinical.example',
        state: 'invited',
      },
    ],
  },
  {
    name: 'Keystone Avionics — engineering document control',
    description:
      'Scan, index and control engineering drawings for USML Category VIII programs (ITAR technical data, CUI).',
    dueInDays: -3,
    profile: {
      homeCountry: 'US',
      industry: 'defense',
      dataCategories: ['itar-technical-data', 'cui'],
      volumes: {},
      flags: { dodContractor: true, cmmcLevel: 2 },
      purposes: [],
    },
    vendors: [
      {
        company: 'Isla Engineering Records',
        country: 'PR',
        contact: 'Marisol Rivera',
        email: 'marisol@isla-records.example',
        state: 'submitted',
        // It answered before v2 existed: v1 never asked whether its FIPS modules are FIPS 140-3, so
        // its report shows that finding as a question not asked in its questionnaire version.
        questionnaireVersion: 1,
        answers: {
          ...company('PR', 'US'),
          'storage.primaryCountries': ['PR'],
          'storage.backupCountries': ['US'],
          'access.personnelCountries': ['PR'],
          'access.subprocessorCountries': ['US'],
          'access.nonUsPersonsAccess': 'no',
          ...strongControls,
          // Its records platform is FedRAMP Moderate authorised (annual assessment in September), so
          // DFARS judges that cloud service on FedRAMP, not CMMC (32 CFR 170.16(c)(2); contract v1.1).
          'certifications.held': [
            { type: 'fedramp-moderate', issued: '2026-09-15' },
            { type: 'cmmc-l2', issued: '2026-01-15', expires: '2029-01-14' },
            { type: 'iso27001', edition: '2022', issued: '2024-09-01', expires: '2027-08-31' },
          ],
          'dod.nist800171Implemented': true,
          'dod.sprsScore': 110,
          'dod.fedrampModerateEquivalent': true,
        },
      },
      {
        company: 'Pune Drafting Services',
        country: 'IN',
        contact: 'Arjun Mehta',
        email: 'arjun@pune-drafting.example',
        state: 'submitted',
        answers: {
          ...company('IN'),
          'storage.primaryCountries': ['IN'],
          'storage.backupCountries': ['IN'],
          'access.personnelCountries': ['IN'],
          'access.subprocessorCountries': [],
          'access.nonUsPersonsAccess': 'yes',
          ...strongControls,
          'certifications.held': [{ type: 'iso27001', edition: '2022', issued: '2025-02-01', expires: '2028-01-31' }],
          'dod.nist800171Implemented': false,
          'dod.sprsScore': 40,
          'dod.fedrampModerateEquivalent': false,
        },
      },
      {
        company: 'Shenzhen Precision Docs',
        country: 'CN',
        contact: 'Wei Zhang',
        email: 'wei.zhang@sz-precision.example',
        state: 'revoked',
      },
      {
        company: 'Huntsville Secure Archives',
        country: 'US',
        contact: 'Dana Brooks',
        email: 'dana@hsv-archives.example',
        // Reopened since CMMC phase 2 (2026-11-10): its Level 2 status is a self-assessment, and the
        // contract now needs a C3PAO certification, so the buyer asks again.
        state: 'reopened',
        answers: {
          ...company('US'),
          'storage.primaryCountries': ['US'],
          'storage.backupCountries': ['US'],
          'access.personnelCountries': ['US'],
          'access.subprocessorCountries': ['US'],
          'access.nonUsPersonsAccess': 'no',
          ...strongControls,
          // Questionnaire v2 asks who assessed: a self-assessment, final.
          'certifications.held': [
            { type: 'cmmc-l2', issued: '2025-11-20', expires: '2028-11-19', assessor: 'self', status: 'final' },
          ],
          'dod.nist800171Implemented': true,
          'dod.sprsScore': 96,
          'dod.fedrampModerateEquivalent': true,
        },
      },
      {
        company: 'Querétaro Aero Services',
        country: 'MX',
        contact: 'Elena Cruz',
        email: 'elena@qro-aero.example',
        state: 'expired',
      },
    ],
  },
  {
    name: 'Maison Lumière — customer service and China orders',
    description:
      'Email and chat support for EU customers, and order handling for customers in mainland China (cross-border e-commerce).',
    dueInDays: 25,
    profile: {
      homeCountry: 'FR',
      industry: 'ecommerce',
      dataCategories: ['eu-personal-data', 'cn-personal-information'],
      volumes: { cnPersonalInformationIndividuals: 40000 },
      flags: {},
      purposes: ['cross-border-contract'],
    },
    vendors: [
      {
        company: 'Kraków Customer Care',
        country: 'PL',
        contact: 'Agnieszka Nowak',
        email: 'agnieszka@krakow-care.example',
        state: 'submitted',
        answers: {
          ...company('PL'),
          'storage.primaryCountries': ['PL'],
          'storage.backupCountries': ['DE'],
          'access.personnelCountries': ['PL'],
          'access.subprocessorCountries': ['IE'],
          'access.nonUsPersonsAccess': 'yes',
          ...strongControls,
          'certifications.held': [
            { type: 'iso27001', edition: '2022', issued: '2025-05-01', expires: '2028-04-30' },
            { type: 'iso27701', issued: '2025-05-01', expires: '2028-04-30' },
          ],
          'contract.gdprDpa': true,
          'contract.gdprScc': true,
          'contract.cacStandardContract': true,
        },
      },
      {
        company: 'Dublin Support Hub',
        country: 'IE',
        contact: 'Siobhán Kelly',
        email: 'siobhan@dublin-hub.example',
        state: 'submitted',
        answers: {
          ...company('IE', 'US'),
          'storage.primaryCountries': ['IE'],
          'storage.backupCountries': ['US'],
          'access.personnelCountries': ['IE', 'IN'],
          'access.subprocessorCountries': ['US'],
          'access.nonUsPersonsAccess': 'yes',
          ...strongControls,
          'certifications.held': [
            { type: 'iso27001', edition: '2022', issued: '2024-06-01', expires: '2027-05-31' },
            { type: 'soc2-type2', issued: '2025-03-31' },
          ],
          'contract.gdprDpa': true,
          'contract.gdprScc': true,
          'contract.dpfCertified': true,
          'contract.cacStandardContract': false,
        },
      },
      {
        company: 'Shanghai Order Services',
        country: 'CN',
        contact: 'Li Na',
        email: 'li.na@sh-orders.example',
        state: 'submitted',
        answers: {
          ...company('CN'),
          'storage.primaryCountries': ['CN'],
          'storage.backupCountries': ['CN'],
          'access.personnelCountries': ['CN'],
          'access.subprocessorCountries': [],
          'access.nonUsPersonsAccess': 'yes',
          ...weakControls,
          'certifications.held': [{ type: 'iso27001', edition: '2022', issued: '2024-01-10', expires: '2027-01-09' }],
          'contract.gdprDpa': true,
          'contract.gdprScc': false,
          'contract.cacStandardContract': true,
        },
      },
      {
        company: 'Hà Nội Digital Support',
        country: 'VN',
        contact: 'Nguyễn Thu',
        email: 'thu@hanoi-digital.example',
        state: 'in-progress',
        answers: { ...company('VN'), 'storage.primaryCountries': ['SG'] },
      },
      {
        company: 'Chennai Omnichannel',
        country: 'IN',
        contact: 'Karthik Iyer',
        email: 'karthik@chennai-omni.example',
        state: 'opened',
      },
      {
        company: 'Lisboa Helpdesk',
        country: 'PT',
        contact: 'Inês Costa',
        email: 'ines@lisboa-help.example',
        state: 'invited',
      },
    ],
  },
]

/** The story, with every submitted (or reopened) vendor's required answers complete. */
export const DEMO_ENGAGEMENTS: DemoEngagement[] = STORY.map((engagement) => ({
  ...engagement,
  vendors: engagement.vendors.map((vendor) =>
    vendor.answers && (vendor.state === 'submitted' || vendor.state === 'reopened')
      ? {
          ...vendor,
          answers: completeDemoAnswers(
            vendor.answers,
            engagement.profile,
            vendor,
            getQuestionnaire(DEMO_QUESTIONNAIRE.id, vendor.questionnaireVersion ?? DEMO_QUESTIONNAIRE.version),
          ),
        }
      : vendor,
  ),
}))
