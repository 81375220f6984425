import { Document, Page, Text, View } from '@react-pdf/renderer'
import type { SummarySection } from '../../vendor-portal/answers-summary.ts'
import { COLORS, Logo, styles } from './pdf-kit.tsx'

/**
 * The vendor's own copy of the answers it submitted, in its language (texts come translated in
 * the model: a worker thread receives plain data, no functions). Props only, no I/O.
 */
export type VendorAnswersPdf = {
  lang: string
  title: string
  intro: string
  vendor: string
  engagement: string
  sections: SummarySection[]
  notAnswered: string
  footer: string
  /** "Page 1111 of 2222" in the vendor's language: the two numbers are replaced on each page. */
  pageTemplate: string
}

export function VendorAnswersDocument({ model }: { model: VendorAnswersPdf }) {
  return (
    <Document title={model.title} author="Shoreline" subject={model.engagement} language={model.lang}>
      <Page size="A4" style={styles.page}>
        <View style={styles.body}>
          <View style={[styles.row, { alignItems: 'center', marginBottom: 18 }]}>
            <Logo size={22} />
            <Text style={{ fontSize: 12, lineHeight: 1.3, fontWeight: 700, color: COLORS.brand, marginLeft: 6 }}>
              Shoreline
            </Text>
          </View>
          <Text style={styles.h1}>{model.title}</Text>
          <Text style={[styles.paragraph, { fontSize: 10.5, lineHeight: 1.35 }]}>{model.intro}</Text>
          {model.sections.map((section) => (
            <View key={section.id}>
              <Text style={styles.h2} minPresenceAhead={48}>
                {section.title}
              </Text>
              {section.answers.map((answer) => (
                <View key={answer.id} style={{ marginBottom: 7 }} wrap={false}>
                  <Text style={styles.bold}>{answer.prompt}</Text>
                  <Text style={answer.text ? undefined : styles.muted}>{answer.text ?? model.notAnswered}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>
        <View style={styles.footer} fixed>
          <Text>{model.footer}</Text>
          <Text
            render={({ pageNumber, totalPages }) =>
              model.pageTemplate.replace('1111', String(pageNumber)).replace('2222', String(totalPages))
            }
          />
        </View>
      </Page>
    </Document>
  )
}
