import { Document, Page, Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import { scorePercent } from '../../components/score-scale.ts'
import { NO_DECISION_LABEL } from '../../decisions/decision.ts'
import type { Comparison, ComparisonVendor } from '../comparison-model.ts'
import { COLORS, CoverPage, Footer, STATUS_COLORS, styles, Tag, VERDICT_COLORS } from './pdf-kit.tsx'

const BAR_COLORS = ['#0d3b66', '#c2410c', '#15803d', '#7c3aed', '#0e7490', '#a16207']

const LABEL_WIDTH = 120

type GridRow = { label: string; cell: (v: ComparisonVendor) => ReactNode }

/** Rows of facts, one column per vendor, the header repeated on every page. */
function Grid({ vendors, rows }: { vendors: ComparisonVendor[]; rows: GridRow[] }) {
  return (
    <View style={styles.table}>
      <View style={styles.tr} fixed>
        <Text style={[styles.th, { width: LABEL_WIDTH }]}> </Text>
        {vendors.map((v, i) => (
          <Text key={v.invitationId} style={[styles.th, { flex: 1 }]}>{`${i + 1}. ${v.company}`}</Text>
        ))}
      </View>
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

/** The comparison as a landscape PDF: a cover, then the same tables as the comparison page. */
export function ComparisonDocument({ comparison }: { comparison: Comparison }) {
  const vendors = comparison.vendors
  const footer = `Comparison · ${comparison.engagement.name} · ${comparison.generatedOn}`
  return (
    <Document
      title={`Comparison: ${comparison.engagement.name}`}
      author="Shoreline"
      creator="Shoreline"
      producer="Shoreline"
    >
      <CoverPage
        orientation="landscape"
        footer={footer}
        facts={{
          kind: 'Vendor comparison',
          title: `${vendors.length} vendors side by side`,
          subtitle: vendors.map((v, i) => `${i + 1}. ${v.company}`).join('   '),
          engagement: comparison.engagement.name,
          profile: comparison.profile,
          generatedOn: comparison.generatedOn,
          versions: comparison.versions,
        }}
      />
      <Page size="A4" orientation="landscape" style={styles.page}>
        <View style={styles.body}>
          <Text style={[styles.h2, { marginTop: 0 }]}>Headline</Text>
          <Grid
            vendors={vendors}
            rows={[
              { label: 'Country', cell: (v) => v.country },
              {
                label: 'Verdict',
                cell: (v) =>
                  v.verdict ? (
                    <Tag color={VERDICT_COLORS[v.verdict] ?? COLORS.info}>{v.verdictLabel}</Tag>
                  ) : (
                    v.verdictLabel
                  ),
              },
              { label: 'Score', cell: (v) => (v.score === undefined ? '—' : `${v.score}/100`) },
              { label: 'Location class', cell: (v) => v.locationLabel },
              { label: 'Recommended model', cell: (v) => v.modelLabel },
              {
                label: 'Decision',
                cell: (v) =>
                  v.decisionLabel
                    ? `${v.decisionLabel}${v.decisionComment ? `: ${v.decisionComment}` : ''}`
                    : NO_DECISION_LABEL,
              },
            ]}
          />
          <Text style={styles.h2}>Section scores</Text>
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
          <Text style={styles.h2}>Regimes</Text>
          <Grid
            vendors={vendors}
            rows={comparison.regimes.map((r) => ({
              label: r.name,
              cell: (v: ComparisonVendor) => {
                const status = v.regimeStatuses[r.id]
                return status ? <Tag color={STATUS_COLORS[status.status] ?? COLORS.info}>{status.label}</Tag> : '—'
              },
            }))}
          />
          <Text style={styles.h2}>Blockers and conditions</Text>
          <Grid
            vendors={vendors}
            rows={[
              {
                label: 'Blockers',
                cell: (v) =>
                  v.blockers.length ? (
                    <View>
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
              },
              {
                label: 'Conditions',
                cell: (v) =>
                  v.conditions.length ? (
                    <View>
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
              },
            ]}
          />
          <Text style={styles.h2}>Key facts</Text>
          <Grid
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
