import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { type ChangeEvent, Suspense, useEffect, useMemo, useState } from 'react'
import { storedPolicy } from '#app/appetite/policy.ts'
import { cachedDashboardRecommendation } from '#app/appetite/recommendation.server.ts'
import { RecommendationPanel } from '#app/appetite/recommendation-panel.tsx'
import { applicableRegimeIds } from '#app/assessment/engine.ts'
import { can } from '#app/auth/auth.ts'
import { requireMember } from '#app/auth/require.server.ts'
import { showingText } from '#app/dashboard/dashboard.ts'
import { cachedDashboardPage, engagementRevision } from '#app/dashboard/dashboard-cache.server.ts'
import { dashboardSearch, hasFilters, parseDashboardParams, parseSelection } from '#app/dashboard/dashboard-params.ts'
import { packRows, toDashboardRow, unpackRows } from '#app/dashboard/dashboard-row.ts'
import { CompareForm, DashboardFilters, Pagination, VerdictSummary } from '#app/dashboard/dashboard-view.tsx'
import { ScoreChart } from '#app/dashboard/score-chart.tsx'
import { getDb } from '#app/db.server.ts'
import { findEngagementWithProfile } from '#app/engagements/queries.server.ts'
import { changedSinceLastVisit } from '#app/history/history.server.ts'
import { inviteFromDashboard } from '#app/invitations/invite-action.server.ts'
import { ProfileSchema } from '#app/regulations/profile.ts'
import { listVerdictChanges } from '#app/responses/reassessment.server.ts'
import { VERDICT_CHANGES_SHOWN_DAYS, VerdictChangesNotice } from '#app/responses/verdict-changes-notice.tsx'
import type { RenderCacheHandle } from '#app/server/render-cache.server.ts'
import dashboardStyles from '#app/styles/dashboard.css?url'
import { loadedApart } from '#app/utils/before-hydration.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { getQuestionnaire, regimePacks } from '#questionnaires/index.ts'
import { InvitePanels as InvitePanelsNow } from './invite-panels.tsx'
import { VendorsTable } from './vendors-table.tsx'

// The invite forms (the country picker, react-hook-form, their zod schemas) are shown on request:
// the server renders them at once, the browser fetches their script when they are shown, so a first
// look neither downloads nor lists it (README decision 93). When the server's HTML holds them, the
// page hydrates only once their script is there (decision 94). The browser's import is the only one
// in its bundle (the static one is dropped with the server's branch).
const InvitePanels = import.meta.env.SSR
  ? InvitePanelsNow
  : loadedApart(
      () => import('./invite-panels.tsx').then((module) => module.InvitePanels),
      () => document.querySelector('.invite-panels') !== null,
    )

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: dashboardStyles }]

// The 50-row table is the costliest render of the app: rendered once per distinct data
// (app/server/render-cache.server.ts), as its data is read once per engagement revision.
export const handle: RenderCacheHandle = { renderCache: true }

/**
 * The engagement dashboard (the vendors tab): every vendor with its current assessment and
 * decision, filtered, sorted and paginated on the server from the URL, so any view can be shared.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request)
  const db = getDb()
  const scope = { organisationId: member.organisationId, engagementId: params.engagementId ?? '' }
  const withProfile = await findEngagementWithProfile(db, scope)
  invariantResponse(withProfile, 'Engagement not found', { status: 404 })
  const { engagement } = withProfile
  const url = new URL(request.url)
  const { params: query, problems } = parseDashboardParams(url.searchParams)
  const questionnaire = getQuestionnaire(engagement.questionnaire_id, engagement.questionnaire_version)
  // Read once, before the page and the panel that are keyed by it.
  const revision = engagementRevision(db, scope.engagementId)
  const dashboard = await cachedDashboardPage(db, {
    scope,
    revision,
    params: query,
    // Parsed only when the page shows an unfinished vendor (its progress needs the profile).
    progress: questionnaire
      ? () => {
          const profile = ProfileSchema.parse(withProfile.profile)
          return { questionnaire, profile, regimes: applicableRegimeIds(profile, regimePacks) }
        }
      : undefined,
  })
  if (dashboard.pageClamped && dashboard.total > 0) {
    problems.push(`There is no page ${query.page}; this is the last page.`)
  }
  const { vendors, counts, total, page, pageCount, offset } = dashboard
  // Risk appetite (app/appetite): the recommendation panel over the vendors matching the filters,
  // read from what was stored with the assessments (the page's rows carry their own risk and action).
  const [recommendation, changes] = await Promise.all([
    cachedDashboardRecommendation(db, {
      scope,
      revision,
      params: query,
      appetite: storedPolicy({ appetite: engagement.risk_appetite, blockingRulesJson: engagement.blocking_rules_json })
        .appetite,
      considered: total - counts.unassessed,
    }),
    changedSinceLastVisit(db, { userId: member.userId, engagementId: scope.engagementId }),
  ])
  return {
    recommendation,
    // Not part of the cached page: it is this member's own (their previous visit). The notice
    // counts every changed vendor; the page carries only its own rows' ids (after a rules release
    // that could be every vendor of the engagement, serialised into the page for hydration).
    changed: pageOnly(changes.invitationIds, vendors),
    changedCount: changes.invitationIds.length,
    changedSince: changes.since,
    // One line of text: the rows are written into the page for hydration (dashboard-row.ts).
    rows: packRows(vendors.map((vendor) => toDashboardRow(vendor, vendor.appetite))),
    counts,
    total,
    page,
    pageCount,
    offset,
    // Filters that are not set are left out rather than sent as undefined.
    params: definedOnly({ ...query, page: dashboard.page }),
    problems,
    // Vendors ticked on another view, or before a comparison, stay ticked.
    selected: parseSelection(url.searchParams),
    archived: engagement.status === 'archived',
    // The invite forms are shown on request (`?invite`), or at once while nobody is invited yet: the
    // first look at a full engagement is about its vendors, and the forms (the country list a page
    // without JavaScript needs among them) were 12 of its 84 KiB (docs/PERFORMANCE.md).
    inviting: url.searchParams.has('invite') || (total === 0 && !hasFilters(query)),
    // An auditor reads the dashboard but invites no one (README decision 80).
    canWrite: can(member.role, 'engagement:write'),
    homeCountry: String((withProfile.profile as { homeCountry?: unknown }).homeCountry ?? ''),
    // Verdicts a rules release changed recently (a dated notice above the table).
    verdictChanges: await listVerdictChanges(db, {
      ...scope,
      since: new Date(Date.now() - VERDICT_CHANGES_SHOWN_DAYS * 86_400_000).toISOString(),
    }),
  }
}

/** Inviting vendors: one from the form, or a pasted list (app/invitations/invite-action.server.ts). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { reply, status } = await inviteFromDashboard(request, params.engagementId)
  return data(reply, { status })
}

function pageOnly(ids: readonly string[], rows: ReadonlyArray<{ id: string }>): string[] {
  const onPage = new Set(rows.map((row) => row.id))
  return ids.filter((id) => onPage.has(id))
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

export default function EngagementVendors() {
  const {
    rows,
    total,
    counts,
    archived,
    canWrite,
    homeCountry,
    params,
    problems,
    offset,
    page,
    pageCount,
    selected,
    changed,
    changedCount,
    changedSince,
    recommendation,
    verdictChanges,
    inviting,
  } = useLoaderData<typeof loader>()
  const { engagementId } = useParams()
  const vendors = useMemo(() => unpackRows(rows), [rows])
  const reply = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const hydrated = useHydrated()
  const base = `/app/engagements/${engagementId}`
  const filtered = hasFilters(params)
  const showing = showingText({ offset, count: vendors.length, total })
  // The vendors ticked for comparison: from the URL, then as the manager ticks. Every link to
  // another view carries them (`?v=`), so ticks survive a sort, a search or another page. Without
  // JavaScript the URL's selection is shown and the compare form sends what is ticked.
  const [selection, setSelection] = useState<string[]>(selected)
  const selectedKey = selected.join(',')
  // A navigation that changes the URL's selection (back, a shared link) resets the ticks to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: selectedKey stands for selected
  useEffect(() => setSelection(selected), [selectedKey])
  const toggle = (event: ChangeEvent<HTMLInputElement>) => {
    const { checked, value: id } = event.currentTarget
    setSelection((current) => (checked ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id)))
  }

  return (
    <>
      <section aria-labelledby="vendors-heading">
        <div className="section-heading">
          <h2 id="vendors-heading" style={{ marginTop: 0 }}>
            Vendors
          </h2>
          {archived || !canWrite || inviting || reply?.intent === 'invite' || reply?.intent === 'paste' ? null : (
            <Link className="button-link" to={`${base}?invite#invite-heading`}>
              Invite vendors
            </Link>
          )}
        </div>
        {reply?.message && reply.intent !== 'invite' && reply.intent !== 'paste' ? (
          <div className="form-error" role="status">
            {reply.message}
          </div>
        ) : null}
        <VerdictChangesNotice changes={verdictChanges} base={base} />
        {problems.length > 0 ? (
          <div className="form-error" role="status">
            <ul className="plain-list">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {changedCount > 0 && changedSince ? (
          <p className="notice" role="status">
            {`${changedCount === 1 ? '1 vendor has' : `${changedCount} vendors have`} changed since your last visit (${changedSince.slice(0, 16).replace('T', ' ')} UTC): a new assessment or a reply to requested changes. They are marked below.`}
          </p>
        ) : null}
        {total > 0 || filtered ? (
          <>
            <DashboardFilters base={base} params={params} selected={selection} />
            <VerdictSummary base={base} params={params} selected={selection} counts={counts} total={total} />
            <RecommendationPanel recommendation={recommendation} reportHref={(id) => `${base}/vendors/${id}`} />
          </>
        ) : null}
        {vendors.length === 0 ? (
          <div className="panel empty-state">
            <h3>{filtered ? 'No vendor matches these filters' : 'No vendors invited yet'}</h3>
            <p>
              {filtered ? (
                <>
                  Change the filters, or <Link to={base}>show every vendor</Link>.
                </>
              ) : (
                'Invite the vendors you are considering: each gets a personal link to the questionnaire.'
              )}
            </p>
          </div>
        ) : (
          <>
            <CompareForm
              base={base}
              selected={selection}
              onPage={vendors.map((v) => v.id)}
              tools={
                // The CSV keeps the filters and the sort; it has every page.
                <a
                  className="button-link"
                  href={`${base}/dashboard.csv${dashboardSearch(params, { page: 1 })}`}
                  download
                >
                  Download CSV{filtered ? ' (filtered)' : ''}
                </a>
              }
            >
              <VendorsTable
                base={base}
                params={params}
                vendors={vendors}
                selection={selection}
                caption={`Vendors of this engagement${filtered ? ' matching the filters' : ''}. ${showing}.`}
                onToggle={toggle}
                changed={changed}
                homeCountry={homeCountry}
              />
            </CompareForm>
            <Pagination
              base={base}
              params={params}
              selected={selection}
              page={page}
              pageCount={pageCount}
              showing={showing}
            />
            {/* Drawn in the browser from the rows it already has: the table carries the same figures
                for a page without JavaScript, and the chart's 9 KiB stay out of the first look's HTML. */}
            {hydrated ? <ScoreChart vendors={vendors} /> : null}
          </>
        )}
      </section>
      {archived || !canWrite || !(inviting || reply?.intent === 'invite' || reply?.intent === 'paste') ? null : (
        <Suspense fallback={<p className="muted">Loading the invitation forms…</p>}>
          <InvitePanels reply={reply} busy={busy} />
        </Suspense>
      )}
    </>
  )
}
