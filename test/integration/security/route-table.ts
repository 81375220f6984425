import type { RouteWorld } from '#test/support/route-world.ts'

/**
 * One row per route of the build (its id in the route manifest): the URL that reaches it, and the
 * status each visitor gets for GET and for POST (an empty form, so nothing is changed by a POST
 * that is let in: it meets the form's own validation). The authorisation matrix
 * (authorisation-matrix.test.ts) fails for a route without a row, so a new route needs one here.
 *
 * A row may give the POST a `form` or `json` body: then the POST is a real change (an answer, a
 * decision) and the statuses say who may make it. Rows run in the manifest's order, logout last.
 *
 * Statuses are written in the visitors' order:
 *
 *     anonymous · another organisation's admin · member · manager · admin · auditor ·
 *     vendor of another invitation · vendor after submit
 *
 * An auditor (README decision 80) reads what a member reads and changes nothing: every POST
 * under /app answers 403, except its own account (password, sessions) and logging out.
 *
 * `-` means the method is not served (the route has no loader or no action: Remix answers 405).
 * The ids: organisation A owns `engagementId`, the submitted vendor `invitationId` (whose evidence
 * is `evidenceId`) and `secondInvitationId`; "another organisation" and "vendor of another
 * invitation" belong to organisation B (test/support/route-world.ts).
 */
export type RouteRow = {
  url: (ids: RouteWorld['ids']) => string
  get: string
  post: string
  /** What the POST sends instead of an empty form, where only a real intent reaches the checks. */
  form?: Record<string, string>
  json?: unknown
}

// Common rows. A buyer page: anonymous and vendors (no buyer session) go to the login; another
// organisation's admin gets the same 404 as for an id that does not exist.
const BUYER_SCOPED = '302 404 200 200 200 200 302 302'
const BUYER_OWN = '302 200 200 200 200 200 302 302'
const NOT_SERVED = '- - - - - - - -'

export const ROUTE_TABLE: Record<string, RouteRow> = {
  root: { url: () => '/', get: '200 302 302 302 302 302 200 200', post: NOT_SERVED },
  'routes/_index': { url: () => '/', get: '200 302 302 302 302 302 200 200', post: NOT_SERVED },
  'routes/$': { url: () => '/no/such/page', get: '404 404 404 404 404 404 404 404', post: NOT_SERVED },
  'routes/healthz': { url: () => '/healthz', get: '200 200 200 200 200 200 200 200', post: NOT_SERVED },
  // Signed-in buyers are sent on to the app.
  'routes/login': {
    url: () => '/login',
    get: '200 302 302 302 302 302 200 200',
    post: '400 302 302 302 302 302 400 400',
  },
  'routes/logout': {
    url: () => '/logout',
    get: '302 302 302 302 302 302 302 302',
    post: '302 302 302 302 302 302 302 302',
  },
  'routes/signup': {
    url: () => '/signup',
    get: '200 302 302 302 302 302 200 200',
    post: '400 302 302 302 302 302 400 400',
  },
  // An unknown, used or expired token: a page that says so at once (410 Gone), and offers to start again.
  'routes/signup_.confirm.$token': {
    url: () => '/signup/confirm/no-such-token',
    get: '410 410 410 410 410 410 410 410',
    post: '410 410 410 410 410 410 410 410',
  },
  'routes/join.$token': {
    url: () => '/join/no-such-token',
    get: '410 410 410 410 410 410 410 410',
    post: '410 410 410 410 410 410 410 410',
  },
  // Asking for a reset link: open to anyone, and it answers the same for any address.
  'routes/forgot-password': {
    url: () => '/forgot-password',
    get: '200 200 200 200 200 200 200 200',
    post: '400 400 400 400 400 400 400 400',
  },
  'routes/reset-password.$token': {
    url: () => '/reset-password/no-such-token',
    get: '200 200 200 200 200 200 200 200',
    post: '400 400 400 400 400 400 400 400',
  },
  // Every signed-in buyer has an account page of their own; its POST needs an intent.
  'routes/app.account': { url: () => '/app/account', get: BUYER_OWN, post: '302 400 400 400 400 400 302 302' },
  // Every vendor across the organisation's engagements: any member, their own organisation only.
  'routes/app.vendors': { url: () => '/app/vendors', get: BUYER_OWN, post: NOT_SERVED },
  'routes/app': { url: () => '/app', get: '302 302 302 302 302 302 302 302', post: NOT_SERVED },
  'routes/app._index': { url: () => '/app', get: '302 302 302 302 302 302 302 302', post: NOT_SERVED },
  // A manager may invite auditors only (the empty form is invalid: 400); members and auditors change nothing.
  'routes/app.team': { url: () => '/app/team', get: BUYER_OWN, post: '302 400 403 400 400 403 302 302' },
  'routes/app.outbox': { url: () => '/app/outbox', get: '302 200 403 403 200 403 302 302', post: NOT_SERVED },
  'routes/app.engagements._index': { url: () => '/app/engagements', get: BUYER_OWN, post: NOT_SERVED },
  // The form to create an engagement: not for an auditor, who creates nothing.
  'routes/app.engagements.new': {
    url: () => '/app/engagements/new',
    get: '302 200 200 200 200 403 302 302',
    post: '302 400 400 400 400 403 302 302',
  },
  // The live outlook beside the profile form: any buyer who may write a profile (a pure computation);
  // an auditor's profile form is read-only and asks for none.
  'routes/app.outlook': {
    url: () => `/app/outlook?profile=${encodeURIComponent(JSON.stringify({ homeCountry: 'US', industry: 'other' }))}`,
    get: '302 200 200 200 200 403 302 302',
    post: NOT_SERVED,
  },
  'routes/app.engagements.$engagementId': {
    url: ({ engagementId }) => `/app/engagements/${engagementId}`,
    get: BUYER_SCOPED,
    post: NOT_SERVED,
  },
  'routes/app.engagements.$engagementId._index': {
    url: ({ engagementId }) => `/app/engagements/${engagementId}?index`,
    get: BUYER_SCOPED,
    post: '302 404 400 400 400 403 302 302',
  },
  'routes/app.engagements.$engagementId.profile': {
    url: ({ engagementId }) => `/app/engagements/${engagementId}/profile`,
    get: BUYER_SCOPED,
    post: '302 404 400 400 400 403 302 302',
  },
  'routes/app.engagements.$engagementId.audit': {
    url: ({ engagementId }) => `/app/engagements/${engagementId}/audit`,
    get: BUYER_SCOPED,
    post: NOT_SERVED,
  },
  // The audit log as CSV, with the page's filters: everyone of the organisation reads it (auditors too).
  'routes/app.engagements.$engagementId.audit[.]csv': {
    url: ({ engagementId }) => `/app/engagements/${engagementId}/audit.csv`,
    get: BUYER_SCOPED,
    post: NOT_SERVED,
  },
  'routes/app.engagements.$engagementId.dashboard[.]csv': {
    url: ({ engagementId }) => `/app/engagements/${engagementId}/dashboard.csv`,
    get: BUYER_SCOPED,
    post: NOT_SERVED,
  },
  'routes/app.engagements.$engagementId.compare': {
    url: ({ engagementId, invitationId, secondInvitationId }) =>
      `/app/engagements/${engagementId}/compare?v=${invitationId}&v=${secondInvitationId}`,
    get: BUYER_SCOPED,
    post: NOT_SERVED,
  },
  'routes/app.engagements.$engagementId.compare[.]pdf': {
    url: ({ engagementId, invitationId, secondInvitationId }) =>
      `/app/engagements/${engagementId}/compare.pdf?v=${invitationId}&v=${secondInvitationId}`,
    get: BUYER_SCOPED,
    post: NOT_SERVED,
  },
  'routes/app.engagements.$engagementId.vendors.$invitationId': {
    url: ({ engagementId, invitationId }) => `/app/engagements/${engagementId}/vendors/${invitationId}`,
    get: BUYER_SCOPED,
    // Recording a decision: managers and admins only (README decision 17); the decision is empty, so a 400.
    post: '302 404 403 400 400 403 302 302',
    form: { intent: 'decide' },
  },
  'routes/app.engagements.$engagementId.vendors.$invitationId.report[.]pdf': {
    url: ({ engagementId, invitationId }) => `/app/engagements/${engagementId}/vendors/${invitationId}/report.pdf`,
    get: BUYER_SCOPED,
    post: NOT_SERVED,
  },
  'routes/app.engagements.$engagementId.vendors.$invitationId.answers[.]csv': {
    url: ({ engagementId, invitationId }) => `/app/engagements/${engagementId}/vendors/${invitationId}/answers.csv`,
    get: BUYER_SCOPED,
    post: NOT_SERVED,
  },
  // Requested changes and accepted risks: members read; accepting or withdrawing is a manager's (or admin's).
  'routes/app.engagements.$engagementId.vendors.$invitationId_.remediation._index': {
    url: ({ engagementId, invitationId }) => `/app/engagements/${engagementId}/vendors/${invitationId}/remediation`,
    get: BUYER_SCOPED,
    post: '302 404 403 400 400 403 302 302',
  },
  // Requesting changes: managers and admins only; the form needs findings and a due date.
  'routes/app.engagements.$engagementId.vendors.$invitationId_.remediation.new': {
    url: ({ engagementId, invitationId }) => `/app/engagements/${engagementId}/vendors/${invitationId}/remediation/new`,
    get: '302 404 403 200 200 403 302 302',
    post: '302 404 403 400 400 403 302 302',
  },
  'routes/app.engagements.$engagementId.vendors.$invitationId_.history': {
    url: ({ engagementId, invitationId }) => `/app/engagements/${engagementId}/vendors/${invitationId}/history`,
    get: BUYER_SCOPED,
    post: NOT_SERVED,
  },
  // The review tab: members read; the cadence is a manager's (or admin's) setting.
  'routes/app.engagements.$engagementId.review': {
    url: ({ engagementId }) => `/app/engagements/${engagementId}/review`,
    get: BUYER_SCOPED,
    post: '302 404 403 400 400 403 302 302',
  },
  'routes/app.evidence.$evidenceId': {
    url: ({ evidenceId }) => `/app/evidence/${evidenceId}`,
    get: BUYER_SCOPED,
    post: NOT_SERVED,
  },
  // Vendor pages: the session names one invitation; without one the page says to open the link.
  'routes/v': { url: () => '/v', get: '401 401 401 401 401 401 200 200', post: NOT_SERVED },
  'routes/v._index': { url: () => '/v', get: '401 401 401 401 401 401 200 200', post: NOT_SERVED },
  'routes/v.$token': {
    url: () => `/v/${'A'.repeat(43)}`,
    get: '404 404 404 404 404 404 404 404',
    post: NOT_SERVED,
  },
  // Saving a section: each vendor saves into its own invitation; after submit it is read-only (409).
  'routes/v.section.$sectionId': {
    url: () => '/v/section/company',
    get: '401 401 401 401 401 401 200 200',
    post: '401 401 401 401 401 401 302 409',
    form: { 'company.legalName': 'Matrix Ltd', '__v.company.legalName': '0' },
  },
  // Submitting: refused while required answers are missing; a second submit is answered as done.
  'routes/v.review': {
    url: () => '/v/review',
    get: '401 401 401 401 401 401 200 200',
    post: '401 401 401 401 401 401 400 200',
  },
  // Autosave: each vendor into its own invitation; 423 once submitted.
  'routes/v.answers': {
    url: () => '/v/answers',
    get: '404 404 404 404 404 404 404 404',
    post: '401 401 401 401 401 401 200 423',
    json: { questionId: 'company.ownershipDetails', value: 'Held by its founders', baseVersion: 0 },
  },
  'routes/v.language': {
    url: () => '/v/language',
    get: '404 404 404 404 404 404 404 404',
    post: '400 400 400 400 400 400 400 400',
  },
  // Requested changes: the vendor's own requests only; an id that is not its own is a 404.
  'routes/v.requests._index': {
    url: () => '/v/requests',
    get: '401 401 401 401 401 401 200 200',
    post: NOT_SERVED,
  },
  'routes/v.requests.$requestId': {
    url: () => '/v/requests/00000000-0000-4000-8000-000000000000',
    get: '401 401 401 401 401 401 404 404',
    post: '401 401 401 401 401 401 404 404',
  },
  'routes/v.evidence.$evidenceId': {
    url: ({ evidenceId }) => `/v/evidence/${evidenceId}`,
    get: '401 401 401 401 401 401 404 200',
    post: NOT_SERVED,
  },
}
