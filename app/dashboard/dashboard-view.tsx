import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { LOCATION_CLASSES } from '../geography/location-class.ts'
import { INVITATION_STATUSES, STATUS_LABELS } from '../invitations/invitation.ts'
import { LOCATION_LABELS } from '../vocabulary/location-class.ts'
import { VERDICT_LABELS, VERDICTS } from '../vocabulary/verdict.ts'
import {
  type DashboardParams,
  DECISION_FILTER_LABELS,
  DECISION_FILTERS,
  dashboardSearch,
  hasFilters,
  MAX_SEARCH_LENGTH,
  SORT_LABELS,
  type SortKey,
  sortBy,
  withSelection,
} from './dashboard-params.ts'

/**
 * Building blocks of the dashboard page. Every control is a link or a GET form: no JavaScript needed.
 * Links to another view of the dashboard are `discover="none"`: they lead to this same route, which
 * the browser already has, so the attribute that asks for route discovery would only add bytes.
 */

/** A link to another view of the dashboard, carrying the vendors ticked for comparison. */
const href = (
  base: string,
  params: DashboardParams,
  selected: readonly string[],
  overrides: Partial<DashboardParams> = {},
) => `${base}${withSelection(dashboardSearch(params, overrides), selected)}`

export function DashboardFilters({
  base,
  params,
  selected,
}: {
  base: string
  params: DashboardParams
  selected: readonly string[]
}) {
  // Keyed by the URL, so the fields show the current filters after every navigation.
  return (
    <Form method="get" action={base} className="dashboard-filters panel" key={dashboardSearch(params)}>
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      {selected.map((id) => (
        <input key={id} type="hidden" name="v" value={id} />
      ))}
      <div className="filter-field wide">
        <label htmlFor="filter-q">Search vendor name or email</label>
        <input id="filter-q" type="search" name="q" defaultValue={params.q ?? ''} maxLength={MAX_SEARCH_LENGTH} />
      </div>
      <FilterSelect
        name="verdict"
        label="Verdict"
        value={params.verdict}
        options={VERDICTS.map((v) => [v, VERDICT_LABELS[v]])}
      />
      <FilterSelect
        name="status"
        label="Status"
        value={params.status}
        options={INVITATION_STATUSES.map((s) => [s, STATUS_LABELS[s]])}
      />
      <FilterSelect
        name="location"
        label="Location"
        value={params.location}
        options={LOCATION_CLASSES.map((l) => [l, LOCATION_LABELS[l]])}
      />
      <FilterSelect
        name="decision"
        label="Decision"
        value={params.decision}
        options={DECISION_FILTERS.map((d) => [d, DECISION_FILTER_LABELS[d]])}
      />
      <div className="filter-buttons">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <Link
          to={href(base, params, selected, {
            verdict: undefined,
            status: undefined,
            location: undefined,
            decision: undefined,
            q: undefined,
            page: 1,
          })}
        >
          Clear filters
        </Link>
      </div>
    </Form>
  )
}

function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string
  label: string
  value: string | undefined
  options: Array<readonly [string, string]>
}) {
  return (
    <div className="filter-field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">Any</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Counts by verdict of every vendor matching the filters (not just this page); each filters to its verdict. */
export function VerdictSummary({
  base,
  params,
  selected,
  counts,
  total,
}: {
  base: string
  params: DashboardParams
  selected: readonly string[]
  counts: Record<string, number>
  total: number
}) {
  const n = (value: number) => value.toLocaleString('en-GB')
  return (
    <p className="verdict-summary">
      <strong>{`${n(total)} vendor${total === 1 ? '' : 's'}`}</strong>
      {hasFilters(params) ? ' match the filters: ' : ' in this engagement: '}
      {VERDICTS.map((verdict) => (
        <Link
          key={verdict}
          to={href(base, params, selected, { verdict, page: 1 })}
          className={`badge verdict-${verdict}`}
          discover="none"
        >
          {`${VERDICT_LABELS[verdict]}: ${n(counts[verdict] ?? 0)}`}
        </Link>
      ))}
      <span className="badge">{`Not assessed: ${n(counts.unassessed ?? 0)}`}</span>
    </p>
  )
}

/** A column header that sorts by its column: a plain link, so keyboard and no-JS users can sort too. */
export function SortHeader({
  base,
  params,
  selected,
  sortKey,
}: {
  base: string
  params: DashboardParams
  selected: readonly string[]
  sortKey: SortKey
}) {
  const sorted = params.sort === sortKey
  const label = SORT_LABELS[sortKey]
  const next = sortBy(params, sortKey)
  return (
    // In the table's head a header cell heads its column without `scope` (HTML's table model).
    <th aria-sort={sorted ? (params.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link to={href(base, params, selected, next)} discover="none">
        {label}
        {/* The arrow (▲, ▼, or ↕ when another column sorts) is drawn by dashboard.css from aria-sort. */}
        <span className="visually-hidden">{`, sort ${next.dir === 'asc' ? 'ascending' : 'descending'}`}</span>
      </Link>
    </th>
  )
}

export function Pagination({
  base,
  params,
  selected,
  page,
  pageCount,
  showing,
}: {
  base: string
  params: DashboardParams
  selected: readonly string[]
  page: number
  pageCount: number
  showing: string
}) {
  return (
    <nav className="pagination" aria-label="Pages">
      <span>{showing}</span>
      {pageCount > 1 ? (
        <span className="pagination-links">
          {page > 1 ? (
            <>
              <Link to={href(base, params, selected, { page: 1 })} discover="none">
                First
              </Link>
              <Link to={href(base, params, selected, { page: page - 1 })} rel="prev" discover="none">
                Previous
              </Link>
            </>
          ) : null}
          <span aria-current="page">{`Page ${page} of ${pageCount}`}</span>
          {page < pageCount ? (
            <>
              <Link to={href(base, params, selected, { page: page + 1 })} rel="next" discover="none">
                Next
              </Link>
              <Link to={href(base, params, selected, { page: pageCount })} discover="none">
                Last
              </Link>
            </>
          ) : null}
        </span>
      ) : null}
    </nav>
  )
}

/**
 * The comparison form: the table's checkboxes belong to it through their `form` attribute (the
 * table also holds each row's own POST forms, and forms cannot nest). A plain GET form: the chosen
 * ids become `?v=…&v=…` on the comparison's URL, which can be shared. Vendors ticked on another
 * view (another page, sort or search) ride along as hidden fields. The comparison page checks the
 * count (2 to 6).
 */
export function CompareForm({
  base,
  selected,
  onPage,
  tools,
  children,
}: {
  base: string
  selected: readonly string[]
  /** The ids of this page's rows: their own checkboxes submit them. */
  onPage: readonly string[]
  /** Beside the button (the CSV link). */
  tools?: ReactNode
  /** The table: its checkboxes are the form's own fields (no `form=` attribute on 50 rows). */
  children: ReactNode
}) {
  const count = selected.length
  return (
    <form id="compare-form" method="get" action={`${base}/compare`}>
      <div className="dashboard-tools">
        <div className="compare-form">
          {selected
            .filter((id) => !onPage.includes(id))
            .map((id) => (
              <input key={id} type="hidden" name="v" value={id} />
            ))}
          <button type="submit" className="primary">
            Compare selected
          </button>
          <span className="muted">Tick 2 to 6 assessed vendors, on any page, then compare them side by side.</span>
          <span aria-live="polite" className={count > 6 ? 'field-error' : 'muted'}>
            {count > 0 ? `${count} selected${count > 6 ? ': choose at most 6' : ''}` : ''}
          </span>
        </div>
        {tools}
      </div>
      {children}
    </form>
  )
}
