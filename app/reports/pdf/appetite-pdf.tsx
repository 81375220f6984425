import { Text, View } from '@react-pdf/renderer'
import type { Recommendation } from '../../appetite/recommendation.ts'
import type { SuggestionView, VendorLine } from '../../appetite/vendor-line.ts'
import { Bullets, COLORS, styles, Tag } from './pdf-kit.tsx'

/** Risk appetite in the PDFs: the vendor's line, its suggestions and the recommendation panel. */

export const ACTION_COLORS: Record<string, string> = {
  'within-appetite': COLORS.good,
  'remediate-first': COLORS.warn,
  'not-allowed': COLORS.blocker,
}

/** What to do, as a tag (green only within appetite). */
export function ActionTag({ line }: { line: VendorLine }) {
  return <Tag color={(line.action && ACTION_COLORS[line.action]) || COLORS.info}>{line.actionLabel}</Tag>
}

/** The vendor's one line: the law, the residual risk, what to do. */
export function VendorLineBlock({ line }: { line: VendorLine }) {
  return (
    <View style={[styles.panel, { marginTop: 2 }]} wrap={false}>
      <View style={[styles.row, { alignItems: 'center', marginBottom: 3 }]}>
        <Text style={styles.bold}>What to do: </Text>
        <ActionTag line={line} />
        <Text style={{ marginLeft: 8 }}>{`Residual risk: ${line.riskLabel.toLowerCase()}`}</Text>
      </View>
      <Text>{line.text}</Text>
    </View>
  )
}

/** The suggestions, the first `limit` of them when given (a comparison's narrow columns). */
export function SuggestionsBlock({
  suggestions,
  limit,
  side,
}: {
  suggestions: readonly SuggestionView[] | undefined
  /** Show only the first few (a comparison's narrow columns), and long lists of cleared rules shortened. */
  limit?: number
  /** The suggestions side by side (a comparison's row per vendor), not one under the other. */
  side?: boolean
}) {
  if (!suggestions) return <Text style={styles.muted}>Not computed for this assessment yet.</Text>
  if (suggestions.length === 0)
    return <Text style={styles.muted}>Nothing to change, or no set of up to three changes would do it.</Text>
  const shown = limit === undefined ? suggestions : suggestions.slice(0, limit)
  return (
    <View>
      {shown.length < suggestions.length ? (
        <Text
          style={[styles.muted, styles.small]}
        >{`The smallest ${shown.length} of ${suggestions.length}; the vendor's report lists all.`}</Text>
      ) : null}
      <View style={side ? styles.row : undefined}>
        {shown.map((s) => (
          <View
            key={s.key}
            wrap={false}
            style={side ? { flex: 1, paddingRight: 10, marginBottom: 3 } : { marginBottom: 5 }}
          >
            <Text>
              <Text style={styles.bold}>{`${s.who}: `}</Text>
              {s.outcomes.join('; ')}
            </Text>
            <Bullets items={s.changes} />
            <Text style={[styles.muted, styles.small]}>
              {limit !== undefined && s.clears.length > 3
                ? `Effort: ${s.effortLabel}. Clears ${s.clears.slice(0, 3).join(', ')} and ${s.clears.length - 3} more rules (the vendor's report cites them all).`
                : `Effort: ${s.effortLabel}. Clears ${s.clears.join(', ')} (${s.citations.join('; ')}).`}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** The recommendation panel, compact enough to share the comparison's first page: one column per location class. */
export function RecommendationBlock({ recommendation: r }: { recommendation: Recommendation }) {
  return (
    <View>
      <Text style={[styles.h2, { marginTop: 6 }]} minPresenceAhead={60}>
        Recommendation: which model to pursue, and with whom
      </Text>
      <Text style={[styles.bold, { fontSize: 11, lineHeight: 1.3, marginBottom: 3 }]}>{r.headline}</Text>
      {r.why.length ? <Bullets items={r.why} /> : null}
      {r.pursue ? <Text style={[styles.bold, styles.paragraph, { marginTop: 3 }]}>{r.pursue}</Text> : null}
      {r.noneFits ? <Text style={[styles.paragraph, { marginTop: 3 }]}>{r.noneFits}</Text> : null}
      <View style={[styles.row, { marginTop: 2 }]}>
        {r.classes.map((c) => (
          <View key={c.locationClass} wrap={false} style={{ flex: 1, paddingRight: 12, marginBottom: 3 }}>
            <Text style={styles.bold}>{c.label}</Text>
            {c.vendors.length ? <Bullets items={c.vendors.map((v) => v.text)} /> : null}
            <Text style={[styles.muted, styles.small]}>{c.note}</Text>
          </View>
        ))}
      </View>
      {r.further.length ? (
        <>
          <Text style={styles.h3}>What going further would take</Text>
          <Bullets items={r.further.map((f) => f.text)} />
        </>
      ) : null}
      {r.buyerChoices.length ? (
        <>
          <Text style={styles.h3}>Your own choices</Text>
          <Bullets items={r.buyerChoices} />
        </>
      ) : null}
      <Text style={[styles.muted, styles.small, { marginTop: 2 }]}>{r.orderNote}</Text>
    </View>
  )
}
