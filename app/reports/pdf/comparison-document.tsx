import { Document, Page, Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import type { Verdict } from '../../assessment/engine.ts'
import { scorePercent } from '../../components/score-scale.ts'
import { NO_DECISION_LABEL } from '../../decisions/decision.ts'
import { FURTHEST_ALLOWED_LABEL } from '../../vocabulary/location-class.ts'
import type { Comparison, ComparisonVendor } from '../comparison-model.ts'
import { ActionTag, RecommendationBlock, SuggestionsBlock } from './appetite-pdf.tsx'
import {
  BODY_LINE,
  COLORS,
  CoverLine,
  estimateTextHeight,
  Footer,
  HeaderRow,
  Heading,
  Logo,
  STATUS_COLORS,
  styles,
  Table,
  Tag,
  VERDICT_COLORS,
} from './pdf-kit.tsx'

const BAR_COLORS = ['#0d3b66', '#c2410c', '#15803d', '#7c3aed', '#0e7490', '#a16207']

const LABEL_WIDTH = 120

type GridRow = { label: string; cell: (v: ComparisonVendor) => ReactNode }

// Heights of what must share a heading's page (header row and first row), estimated before layout.
const BODY_WIDTH = 842 - 2 * 42 // A4 landscape less the page's side padding
const CELL_PADDING = 6
const SMALL = [8, 1.3] as const

/** The vendor-column header: each vendor's numbered name, wrapped in its column. */
function gridHeaderHeight(vendors: readonly ComparisonVendor[]): number {
  const width = (BODY_WIDTH - LABEL_WIDTH) / Math.max(1, vendors.length) - CELL_PADDING
  return (
    Math.max(...vendors.map((v, i) => estimateTextHeight([`${i + 1}. ${v.company}`], width)), BODY_LINE) + CELL_PADDING
  )
}

/** A vendor-row table's first row, from the text of its tallest cell. */
function rowHeight(cells: readonly { texts: readonly string[]; width: number; small?: readonly string[] }[]): number {
  const heights = cells.map(
    (c) =>
      estimateTextHeight(c.texts, c.width - CELL_PADDING) +
      (c.small ? estimateTextHeight(c.small, c.width - CELL_PADDING, ...SMALL) : 0) +
      3 * c.texts.length,
  )
  return Math.max(2 * BODY_LINE, ...heights) + CELL_PADDING
}

const columnWidth = (flex: number, total: number) => (BODY_WIDTH * flex) / total

const VERDICT_COLUMNS = [2.2, 1.3, 0.7, 1.5, 1, 0.9, 2.4, 1.6] as const
const VERDICT_TOTAL = VERDICT_COLUMNS.reduce((a, b) => a + b, 0)

function verdictsPresence(v: ComparisonVendor | undefined): number {
  if (!v) return 0
  const w = (i: number) => columnWidth(VERDICT_COLUMNS[i] ?? 1, VERDICT_TOTAL)
  return (
    2 * BODY_LINE +
    CELL_PADDING +
    rowHeight([
      { texts: [`1. ${v.company}`], width: w(0), small: [v.country] },
      { texts: [v.verdictLabel], width: w(1) },
      { texts: [v.locationLabel], width: w(3) },
      { texts: [v.modelLabel], width: w(4) },
      { texts: ['Tag'], width: w(6), small: [v.risk?.line.reason ?? ''] },
      {
        texts: [`${v.decisionLabel ?? NO_DECISION_LABEL}${v.decisionComment ? `: ${v.decisionComment}` : ''}`],
        width: w(7),
      },
    ])
  )
}

function blockersPresence(v: ComparisonVendor | undefined): number {
  if (!v) return 0
  const width = columnWidth(4, 11.2)
  return (
    BODY_LINE +
    CELL_PADDING +
    rowHeight([
      { texts: [`${v.company}`], width: columnWidth(2, 11.2), small: [v.country] },
      {
        texts: v.blockers.map((b) => `Blocker (${b.regimeName}): ${b.message} ${b.citation} ${b.acceptance ?? ''}`),
        width,
      },
      { texts: v.conditions.map((c) => `${c.kindLabel} (${c.regimeName}): ${c.text} ${c.citation}`), width },
    ])
  )
}

function suggestionsPresence(v: ComparisonVendor | undefined): number {
  if (!v) return 0
  const width = columnWidth(8, 11.2) / 2 - 10
  return (
    BODY_LINE +
    CELL_PADDING +
    rowHeight(
      (v.risk?.suggestions ?? []).slice(0, 2).map((s) => ({
        texts: [`${s.who}: ${s.outcomes.join('; ')}`, ...s.changes],
        width,
        small: [
          `The smallest 2 of ${v.risk?.suggestions?.length ?? 0}`,
          `Effort: ${s.effortLabel}. Clears ${s.clears.slice(0, 3).join(', ')} (${s.citations.join('; ')}).`,
        ],
      })),
    )
  )
}

/**
 * Rows of facts, one column per vendor. The header row (the vendors' numbered names) is `fixed`
 * inside the table's view, so react-pdf repeats it at the top of every page the table continues on;
 * a row never splits across pages (`wrap={false}`).
 */
function Grid({ corner, vendors, rows }: { corner: string; vendors: ComparisonVendor[]; rows: GridRow[] }) {
  return (
    <View style={styles.table}>
      <HeaderRow>
        <Text style={[styles.th, { width: LABEL_WIDTH }]}>{corner}</Text>
        {vendors.map((v, i) => (
          <Text key={v.invitationId} style={[styles.th, { flex: 1 }]}>{`${i + 1}. ${v.company}`}</Text>
        ))}
      </HeaderRow>
      {rows.map((row) => (
        <View key={row.label} style={styles.tr} wrap={false}>
          <Text style={[styles.td, styles.bold, { width: LABEL_WIDTH }]}>{row.label}</Text>
          {vendors.map((v) => {
            const cell = row.cell(v)
            return (
              <View key={v.invitationId} style={[styles.td, { flex: 1 }]}>
                {typeof cell === 'string' ? <Text>{cell}</Text> : cell}
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}

/** The vendor's number and name (the numbers the score bars use) and its country, as a row's first cell. */
function VendorCell({ vendor, index }: { vendor: ComparisonVendor; index: number }) {
  return (
    <View>
      <Text style={styles.bold}>{`${index + 1}. ${vendor.company}`}</Text>
      <Text style={[styles.muted, styles.small]}>{vendor.country}</Text>
    </View>
  )
}

function VerdictTag({ vendor }: { vendor: ComparisonVendor }) {
  return vendor.verdict ? (
    <Tag color={VERDICT_COLORS[vendor.verdict] ?? COLORS.info}>{vendor.verdictLabel}</Tag>
  ) : (
    <Text>{vendor.verdictLabel}</Text>
  )
}

const VERDICT_ORDER: readonly (Verdict | undefined)[] = ['approve', 'approve-with-conditions', 'reject', undefined]

/** "Approve: 2 · Reject: 1 · Not assessed (not submitted): 3": the verdicts of the compared vendors, best first. */
export function verdictSummary(vendors: readonly ComparisonVendor[]): string {
  const counts = new Map<string, { rank: number; count: number }>()
  for (const v of vendors) {
    const entry = counts.get(v.verdictLabel) ?? { rank: VERDICT_ORDER.indexOf(v.verdict), count: 0 }
    entry.count++
    counts.set(v.verdictLabel, entry)
  }
  return [...counts]
    .sort(([, a], [, b]) => a.rank - b.rank)
    .map(([label, { count }]) => `${label}: ${count}`)
    .join(' · ')
}

/**
 * The comparison as a landscape PDF, for a committee: the first page carries the title, the
 * engagement, the date, the recommendation and the start of the comparison (each vendor's verdict);
 * the tables follow without forced page breaks, their rows whole and their header rows repeated.
 */
export function ComparisonDocument({ comparison }: { comparison: Comparison }) {
  const vendors = comparison.vendors
  const footer = `Comparison · ${comparison.engagement.name} · ${comparison.generatedOn}`
  const p = comparison.profile
  return (
    <Document
      title={`Comparison: ${comparison.engagement.name}`}
      author="Shoreline"
      creator="Shoreline"
      producer="Shoreline"
    >
      <Page size="A4" orientation="landscape" style={styles.page}>
        <View style={styles.body}>
          <View style={[styles.row, { alignItems: 'center', marginBottom: 6 }]}>
            <Logo size={18} />
            <Text style={{ fontSize: 11, lineHeight: 1.3, fontWeight: 700, color: COLORS.brand, marginLeft: 6 }}>
              Shoreline
            </Text>
            <Text
              style={[
                styles.muted,
                {
                  flex: 1,
                  textAlign: 'right',
                  fontSize: 9,
                  lineHeight: 1.3,
                  textTransform: 'uppercase',
                },
              ]}
            >
              Vendor comparison
            </Text>
          </View>
          <Text style={[styles.h1, { marginTop: 2, marginBottom: 2 }]}>{`${vendors.length} vendors side by side`}</Text>
          <Text style={[styles.bold, { fontSize: 10.5, lineHeight: 1.3, marginBottom: 6 }]}>
            {`Verdicts: ${verdictSummary(vendors)}`}
          </Text>
          <View style={[styles.panel, styles.row, { paddingBottom: 5 }]}>
            <View style={{ flex: 1.3, paddingRight: 12 }}>
              <CoverLine label="Engagement" value={comparison.engagement.name} labelWidth={78} />
              <CoverLine label="Buyer" value={`${p.industry}, ${p.homeCountry}`} labelWidth={78} />
              <CoverLine
                label="Data"
                value={p.dataCategories.length ? p.dataCategories.join('; ') : 'No regulated data categories'}
                labelWidth={78}
              />
            </View>
            <View style={{ flex: 1 }}>
              <CoverLine label="Date" value={comparison.generatedOn} labelWidth={52} />
              <CoverLine
                label="Engine"
                value={comparison.versions.length ? comparison.versions.join('; ') : 'No assessment yet'}
                labelWidth={52}
              />
              {p.flags.length ? <CoverLine label="Flags" value={p.flags.join('; ')} labelWidth={52} /> : null}
              {p.purposes.length ? <CoverLine label="Purposes" value={p.purposes.join('; ')} labelWidth={52} /> : null}
            </View>
          </View>
          <RecommendationBlock recommendation={comparison.recommendation} />
          <Heading presence={verdictsPresence(vendors[0])}>Verdicts</Heading>
          <Table
            columns={[
              { title: 'Vendor', width: VERDICT_COLUMNS[0] },
              { title: 'Verdict', width: VERDICT_COLUMNS[1] },
              { title: 'Score', width: VERDICT_COLUMNS[2] },
              { title: 'Location class', width: VERDICT_COLUMNS[3] },
              { title: FURTHEST_ALLOWED_LABEL, width: VERDICT_COLUMNS[4] },
              { title: 'Residual risk', width: VERDICT_COLUMNS[5] },
              { title: 'What to do', width: VERDICT_COLUMNS[6] },
              { title: 'Decision', width: VERDICT_COLUMNS[7] },
            ]}
            rows={vendors.map((v, i) => [
              <VendorCell key="vendor" vendor={v} index={i} />,
              <VerdictTag key="verdict" vendor={v} />,
              v.score === undefined ? '—' : `${v.score}/100`,
              v.locationLabel,
              v.modelLabel,
              v.risk?.line.riskLabel ?? '—',
              v.risk ? (
                <View key="action">
                  <ActionTag line={v.risk.line} />
                  <Text style={[styles.muted, styles.small, { marginTop: 2 }]}>{v.risk.line.reason}</Text>
                </View>
              ) : (
                '—'
              ),
              v.decisionLabel
                ? `${v.decisionLabel}${v.decisionComment ? `: ${v.decisionComment}` : ''}`
                : NO_DECISION_LABEL,
            ])}
          />
          <Heading presence={80}>Section scores</Heading>
          {comparison.sections.length === 0 ? (
            <Text style={styles.muted}>No chosen vendor has been assessed yet.</Text>
          ) : null}
          <View style={[styles.row, { flexWrap: 'wrap' }]}>
            {comparison.sections.map((s) => (
              <View key={s.id} style={{ width: '50%', paddingRight: 12, marginBottom: 6 }} wrap={false}>
                <Text style={[styles.bold, { fontSize: 8.5, lineHeight: 1.3, marginBottom: 2 }]}>{s.title}</Text>
                {vendors.map((v, i) => {
                  const score = v.sectionScores[s.id]
                  return (
                    <View key={v.invitationId} style={[styles.row, { alignItems: 'center', marginBottom: 1.5 }]}>
                      <Text style={{ width: 14, fontSize: 8, lineHeight: 1.2 }}>{`${i + 1}`}</Text>
                      <View style={{ flex: 1, height: 7, backgroundColor: COLORS.panel }}>
                        <View
                          style={{
                            width: scorePercent(score),
                            height: 7,
                            backgroundColor: BAR_COLORS[i % BAR_COLORS.length],
                          }}
                        />
                      </View>
                      <Text style={{ width: 26, textAlign: 'right', fontSize: 8, lineHeight: 1.2 }}>
                        {score === undefined ? '—' : `${score}`}
                      </Text>
                    </View>
                  )
                })}
              </View>
            ))}
          </View>
          <Heading presence={gridHeaderHeight(vendors) + 2 * BODY_LINE + CELL_PADDING}>Regimes</Heading>
          <Grid
            corner="Regime"
            vendors={vendors}
            rows={comparison.regimes.map((r) => ({
              label: r.name,
              cell: (v: ComparisonVendor) => {
                const status = v.regimeStatuses[r.id]
                return status ? <Tag color={STATUS_COLORS[status.status] ?? COLORS.info}>{status.label}</Tag> : '—'
              },
            }))}
          />
          <Heading presence={blockersPresence(vendors[0])}>Blockers and conditions</Heading>
          <Table
            columns={[
              { title: 'Vendor', width: 2 },
              { title: 'Verdict', width: 1.2 },
              { title: 'Blockers', width: 4 },
              { title: 'Conditions', width: 4 },
            ]}
            rows={vendors.map((v, i) => [
              <VendorCell key="vendor" vendor={v} index={i} />,
              <VerdictTag key="verdict" vendor={v} />,
              v.blockers.length ? (
                <View key="blockers">
                  {v.blockers.map((b) => (
                    <Text key={b.ruleId} style={{ marginBottom: 3 }}>
                      <Text style={styles.bold}>{`Blocker (${b.regimeName}): `}</Text>
                      {`${b.message} `}
                      <Text style={styles.muted}>{b.citation}</Text>
                      {b.acceptance ? <Text style={styles.bold}>{`\n${b.acceptance}`}</Text> : null}
                    </Text>
                  ))}
                </View>
              ) : v.assessed ? (
                'None'
              ) : (
                '—'
              ),
              v.conditions.length ? (
                <View key="conditions">
                  {v.conditions.map((c) => (
                    <Text key={c.id} style={{ marginBottom: 3 }}>
                      <Text style={styles.bold}>{`${c.kindLabel} (${c.regimeName}): `}</Text>
                      {`${c.text} `}
                      <Text style={styles.muted}>{c.citation}</Text>
                    </Text>
                  ))}
                </View>
              ) : v.assessed ? (
                'None'
              ) : (
                '—'
              ),
            ])}
          />
          <Heading presence={suggestionsPresence(vendors[0])}>What would change this</Heading>
          <Table
            columns={[
              { title: 'Vendor', width: 2 },
              { title: 'Verdict', width: 1.2 },
              { title: 'What would change the verdict (the smallest changes first)', width: 8 },
            ]}
            rows={vendors.map((v, i) => [
              <VendorCell key="vendor" vendor={v} index={i} />,
              <VerdictTag key="verdict" vendor={v} />,
              v.risk ? <SuggestionsBlock key="suggestions" suggestions={v.risk.suggestions} limit={2} side /> : '—',
            ])}
          />
          <Heading presence={gridHeaderHeight(vendors) + 4 * BODY_LINE + CELL_PADDING}>Key facts</Heading>
          <Grid
            corner="Key fact"
            vendors={vendors}
            rows={[
              { label: 'Storage countries', cell: (v) => v.keyFacts.storageCountries },
              { label: 'Backup countries', cell: (v) => v.keyFacts.backupCountries },
              { label: 'Personnel countries', cell: (v) => v.keyFacts.personnelCountries },
              { label: 'Subprocessor countries', cell: (v) => v.keyFacts.subprocessorCountries },
              { label: 'Encryption at rest', cell: (v) => v.keyFacts.encryptionAtRest },
              { label: 'Encryption in transit', cell: (v) => v.keyFacts.encryptionInTransit },
              { label: 'Key custody', cell: (v) => v.keyFacts.keyCustody },
              { label: 'Destruction method', cell: (v) => v.keyFacts.destruction },
              {
                label: 'Certifications',
                cell: (v) => (v.keyFacts.certifications.length ? v.keyFacts.certifications.join('\n') : 'None'),
              },
            ]}
          />
          <Text style={[styles.muted, styles.small, { marginTop: 8 }]}>
            {`Produced ${comparison.generatedOn} from the stored assessments (${comparison.versions.join('; ') || 'none assessed'}).`}
          </Text>
        </View>
        <Footer left={footer} />
      </Page>
    </Document>
  )
}
