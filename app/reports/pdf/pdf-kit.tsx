import { Circle, Page, Path, Rect, StyleSheet, Svg, Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import type { Verdict } from '../../assessment/engine.ts'
import { scorePercent } from '../../components/score-scale.ts'
import type { ProfileSummary } from '../report-model.ts'
import { PDF_FONT_FAMILY } from './fonts.server.ts'

/** Building blocks shared by the vendor report and the comparison PDFs. */

export const COLORS = {
  ink: '#1d2733',
  muted: '#5b6774',
  line: '#d5dbe1',
  panel: '#f3f6f8',
  brand: '#0d3b66',
  blocker: '#a4161a',
  high: '#c2410c',
  medium: '#a16207',
  low: '#1d4ed8',
  info: '#475569',
  good: '#166534',
  warn: '#92400e',
}

export const styles = StyleSheet.create({
  page: {
    fontFamily: PDF_FONT_FAMILY,
    fontSize: 9.5,
    color: COLORS.ink,
    paddingTop: 40,
    paddingBottom: 52,
    paddingHorizontal: 42,
  },
  // lineHeight lives here, not on the page: react-pdf 4.9 drops a `render` text (the page numbers)
  // that inherits a lineHeight, so the footer must sit outside it.
  // A lineHeight resolves where it is declared and is inherited in points: every text style with its
  // own font size declares its own.
  body: { fontSize: 9.5, lineHeight: 1.35 },
  h1: { fontSize: 20, lineHeight: 1.25, fontWeight: 700, color: COLORS.brand, marginBottom: 6 },
  h2: {
    fontSize: 13,
    lineHeight: 1.3,
    fontWeight: 700,
    color: COLORS.brand,
    marginTop: 14,
    marginBottom: 6,
    paddingBottom: 3,
    borderBottomWidth: 1,
    borderBottomColor: COLORS.line,
  },
  h3: { fontSize: 10.5, lineHeight: 1.3, fontWeight: 700, marginTop: 8, marginBottom: 4 },
  muted: { color: COLORS.muted },
  small: { fontSize: 8, lineHeight: 1.3 },
  bold: { fontWeight: 700 },
  paragraph: { marginBottom: 4 },
  panel: { backgroundColor: COLORS.panel, padding: 8, marginBottom: 8, borderRadius: 3 },
  row: { flexDirection: 'row' },
  bullet: { flexDirection: 'row', marginBottom: 2 },
  bulletMark: { width: 10 },
  bulletText: { flex: 1 },
  // The table's top line belongs to its header row, so it repeats with the header on every page.
  table: { marginBottom: 8 },
  tr: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: COLORS.line },
  thead: { borderTopWidth: 1, borderTopColor: COLORS.line },
  th: { fontWeight: 700, padding: 3, backgroundColor: COLORS.panel },
  td: { padding: 3 },
  footer: {
    position: 'absolute',
    bottom: 22,
    left: 42,
    right: 42,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: 7.5,
    color: COLORS.muted,
    borderTopWidth: 1,
    borderTopColor: COLORS.line,
    paddingTop: 4,
  },
  tag: {
    fontSize: 8,
    lineHeight: 1.3,
    fontWeight: 700,
    paddingHorizontal: 4,
    paddingVertical: 1,
    borderRadius: 2,
    color: '#ffffff',
  },
})

export const SEVERITY_COLORS: Record<string, string> = {
  blocker: COLORS.blocker,
  high: COLORS.high,
  medium: COLORS.medium,
  low: COLORS.low,
  info: COLORS.info,
}
// The law's verdict in the brand's colour: green is kept for "within appetite" (ACTION_COLORS), so a
// vendor outside the engagement's appetite never shows a green "Approve".
export const VERDICT_COLORS: Record<Verdict, string> = {
  approve: COLORS.brand,
  'approve-with-conditions': COLORS.warn,
  reject: COLORS.blocker,
}
export const STATUS_COLORS: Record<string, string> = {
  compliant: COLORS.good,
  conditional: COLORS.warn,
  'non-compliant': COLORS.blocker,
}

/** A label in a coloured box: the words carry the meaning, the colour only repeats it. */
export function Tag({ color, children }: { color: string; children: ReactNode }) {
  return (
    <View style={styles.row}>
      <Text style={[styles.tag, { backgroundColor: color }]}>{children}</Text>
    </View>
  )
}

export function Bullets({ items }: { items: readonly string[] }) {
  return (
    <View>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static list of strings that may repeat
        <View key={i} style={styles.bullet} wrap={false}>
          <Text style={styles.bulletMark}>•</Text>
          <Text style={styles.bulletText}>{item}</Text>
        </View>
      ))}
    </View>
  )
}

/** A table's header row, `fixed` inside the table's view: react-pdf repeats it on every page the table continues on. */
export function HeaderRow({ children }: { children: ReactNode }) {
  return (
    <View style={[styles.tr, styles.thead]} fixed>
      {children}
    </View>
  )
}

/**
 * A section heading that is never left alone at a page foot. It never splits (`wrap={false}`: a
 * heading whose bottom padding overflows the page would otherwise be "split" and stay), and it
 * moves to the next page unless `presence` points are left under it. Give it the height of what
 * must share its page, e.g. the table's header row and first row (react-pdf's default engine knows
 * no heights before layout, so callers estimate, generously; see estimateTextHeight).
 */
export function Heading({ children, presence }: { children: string; presence: number }) {
  return (
    <Text style={styles.h2} wrap={false} minPresenceAhead={presence}>
      {children}
    </Text>
  )
}

/** Body text's line height in points (styles.body: 9.5 pt at 1.35). */
export const BODY_LINE = 9.5 * 1.35

/**
 * An upper estimate of the height of `texts` stacked in a column `width` points wide, in points:
 * DejaVu Sans averages under 0.56 em a character. For keeping a heading with what follows it.
 */
export function estimateTextHeight(texts: readonly string[], width: number, fontSize = 9.5, lineHeight = 1.35): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * 0.56)))
  const lines = texts.reduce(
    (n, text) => n + text.split('\n').reduce((m, line) => m + Math.max(1, Math.ceil(line.length / perLine)), 0),
    0,
  )
  return lines * fontSize * lineHeight
}

type Column = { title: string; width: number | string }

/**
 * A table: a header row repeated on every page it spans, rows that do not split across pages.
 * Cells are strings or Text elements (which may nest Texts); a View cell costs more layout.
 */
export function Table({ columns, rows }: { columns: readonly Column[]; rows: ReadonlyArray<readonly ReactNode[]> }) {
  return (
    <View style={styles.table}>
      <HeaderRow>
        {columns.map((c) => (
          <Text key={c.title} style={[styles.th, cellWidth(c.width)]}>
            {c.title}
          </Text>
        ))}
      </HeaderRow>
      {rows.map((cells, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
        <View key={r} style={styles.tr} wrap={false}>
          {cells.map((cell, c) =>
            // A plain text cell is one Text node, not a View around one: layout cost grows with nodes.
            typeof cell === 'string' || typeof cell === 'number' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <Text key={c} style={[styles.td, cellWidth(columns[c]?.width ?? 1)]}>
                {cell}
              </Text>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
              <View key={c} style={[styles.td, cellWidth(columns[c]?.width ?? 1)]}>
                {cell}
              </View>
            ),
          )}
        </View>
      ))}
    </View>
  )
}

function cellWidth(width: number | string) {
  return typeof width === 'number' ? { flex: width } : { width }
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Svg width={size} height={size} viewBox="0 0 32 32">
      <Rect width="32" height="32" rx="6" fill={COLORS.brand} />
      <Path d="M4 21c4-3 8-3 12 0s8 3 12 0v5H4z" fill="#5fb3d9" />
      <Circle cx="22" cy="11" r="4" fill="#f2c14e" />
    </Svg>
  )
}

/** Section scores as horizontal bars, each with its number (the bar only repeats it). */
export function ScoreBars({ sections }: { sections: { title: string; score: number }[] }) {
  return (
    <View style={{ marginBottom: 8 }}>
      {sections.map((s) => (
        <View key={s.title} style={[styles.row, { alignItems: 'center', marginBottom: 3 }]} wrap={false}>
          <Text style={{ width: 150, fontSize: 8.5, lineHeight: 1.3 }}>{s.title}</Text>
          <View style={{ flex: 1, height: 9, backgroundColor: COLORS.panel }}>
            <View style={{ width: scorePercent(s.score), height: 9, backgroundColor: COLORS.brand }} />
          </View>
          <Text style={{ width: 34, textAlign: 'right', fontSize: 8.5, lineHeight: 1.3 }}>{`${s.score}`}</Text>
        </View>
      ))}
    </View>
  )
}

export function Footer({ left }: { left: string }) {
  return (
    <View style={styles.footer} fixed>
      <Text>{left}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  )
}

type CoverFacts = {
  kind: string
  title: string
  subtitle?: string
  engagement: string
  profile: ProfileSummary
  generatedOn: string
  versions: string[]
  extra?: ReactNode
}

/** The first page: what this document is, for which engagement and profile, when, by which engine. */
export function CoverPage({
  facts,
  footer,
  orientation,
}: {
  facts: CoverFacts
  footer: string
  orientation?: 'portrait' | 'landscape'
}) {
  const p = facts.profile
  return (
    <Page size="A4" orientation={orientation} style={styles.page}>
      <View style={styles.body}>
        <View style={[styles.row, { alignItems: 'center', marginBottom: 60 }]}>
          <Logo />
          <Text style={{ fontSize: 14, lineHeight: 1.3, fontWeight: 700, color: COLORS.brand, marginLeft: 8 }}>
            Shoreline
          </Text>
        </View>
        <Text style={[styles.muted, { fontSize: 11, lineHeight: 1.3, textTransform: 'uppercase', letterSpacing: 1 }]}>
          {facts.kind}
        </Text>
        <Text style={[styles.h1, { fontSize: 26, lineHeight: 1.3, marginTop: 4 }]}>{facts.title}</Text>
        {facts.subtitle ? (
          <Text style={{ fontSize: 12, lineHeight: 1.3, marginBottom: 10 }}>{facts.subtitle}</Text>
        ) : null}
        {facts.extra}
        <View style={[styles.panel, { marginTop: 24 }]}>
          <CoverLine label="Engagement" value={facts.engagement} />
          <CoverLine label="Buyer" value={`${p.industry}, ${p.homeCountry}`} />
          <CoverLine
            label="Data"
            value={p.dataCategories.length ? p.dataCategories.join('; ') : 'No regulated data categories'}
          />
          {p.flags.length ? <CoverLine label="Flags" value={p.flags.join('; ')} /> : null}
          {p.purposes.length ? <CoverLine label="Purposes" value={p.purposes.join('; ')} /> : null}
          <CoverLine label="Date" value={facts.generatedOn} />
          <CoverLine label="Engine" value={facts.versions.length ? facts.versions.join('; ') : 'No assessment yet'} />
        </View>
        <Text style={[styles.muted, styles.small, { marginTop: 12 }]}>
          Generated by Shoreline from the stored assessment. Findings cite the rule text they rest on; confirm decisions
          on unverified rules with counsel.
        </Text>
      </View>
      <Footer left={footer} />
    </Page>
  )
}

/** One labelled fact of a cover (Engagement, Buyer, Date…). */
export function CoverLine({ label, value, labelWidth = 80 }: { label: string; value: string; labelWidth?: number }) {
  return (
    <View style={[styles.row, { marginBottom: 3 }]}>
      <Text style={[styles.bold, { width: labelWidth }]}>{label}</Text>
      <Text style={{ flex: 1 }}>{value}</Text>
    </View>
  )
}
