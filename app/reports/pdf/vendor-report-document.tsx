import { Document, Page, Text, View } from '@react-pdf/renderer'
import type { ReactNode } from 'react'
import type { ReportFinding, VendorReport } from '../report-model.ts'
import { ActionTag, SuggestionsBlock, VendorLineBlock } from './appetite-pdf.tsx'
import {
  Bullets,
  COLORS,
  CoverPage,
  Footer,
  ScoreBars,
  SEVERITY_COLORS,
  STATUS_COLORS,
  styles,
  Table,
  Tag,
  VERDICT_COLORS,
} from './pdf-kit.tsx'

/**
 * The vendor report as a PDF: a cover, then the same content as the report page, in parts that each
 * start a page: summary (headline, decision, section scores, regimes), findings, conditions and
 * certificates, answers.
 */
export function VendorReportDocument({ report }: { report: VendorReport }) {
  const a = report.assessment
  const footer = `${report.vendor.company} · ${report.engagement.name} · ${report.generatedOn}`
  const versions = a
    ? [
        `engine ${a.engineVersion}, rules ${a.rulesVersion}, questionnaire ${a.questionnaire.id} v${a.questionnaire.version}, assessed as of ${a.asOf}`,
      ]
    : []
  return (
    <Document
      title={`Vendor report: ${report.vendor.company}`}
      author="Shoreline"
      subject={report.engagement.name}
      creator="Shoreline"
      producer="Shoreline"
    >
      <CoverPage
        footer={footer}
        facts={{
          kind: 'Vendor report',
          title: report.vendor.company,
          subtitle: `${report.vendor.countryName} · contact ${report.vendor.contactName} <${report.vendor.contactEmail}>`,
          engagement: report.engagement.name,
          profile: report.profile,
          generatedOn: report.generatedOn,
          versions,
          extra: a ? (
            <View style={[styles.row, { alignItems: 'center', marginTop: 8 }]}>
              <Tag color={VERDICT_COLORS[a.verdict] ?? COLORS.info}>{`Verdict: ${a.verdictLabel}`}</Tag>
              <Text style={{ marginLeft: 10, fontSize: 12, lineHeight: 1.3 }}>{`Score ${a.score}/100`}</Text>
              <View style={{ marginLeft: 10 }}>
                <ActionTag line={a.risk.line} />
              </View>
              {report.decision ? (
                <Text
                  style={{ marginLeft: 10, fontSize: 12, lineHeight: 1.3 }}
                >{`Decision: ${report.decision.label}`}</Text>
              ) : null}
            </View>
          ) : (
            <Text style={{ marginTop: 8, fontSize: 12, lineHeight: 1.3 }}>
              Not assessed: the vendor has not submitted.
            </Text>
          ),
        }}
      />
      <ContentPage footer={footer}>
        <Headline report={report} />
        {a ? (
          <>
            <Text style={styles.h2} minPresenceAhead={60}>
              What would change this
            </Text>
            <SuggestionsBlock suggestions={a.risk.suggestions} />
          </>
        ) : null}
        <Decision report={report} />
        {a ? (
          <>
            <Text style={styles.h2}>Section scores</Text>
            <ScoreBars sections={a.sections} />
            <Text style={styles.h2}>Regimes</Text>
            <Table
              columns={[
                { title: 'Regime', width: 3 },
                { title: 'Status', width: 2 },
                { title: 'Findings', width: 1 },
                { title: 'Conditions', width: 1 },
              ]}
              rows={a.regimes.map((r) => [
                r.name,
                <Tag key="s" color={STATUS_COLORS[r.status] ?? COLORS.info}>
                  {r.statusLabel}
                </Tag>,
                String(r.findings.length),
                String(r.conditions.length),
              ])}
            />
          </>
        ) : null}
      </ContentPage>
      {a ? (
        <ContentPage footer={footer}>
          <Text style={[styles.h2, { marginTop: 0 }]}>Findings by regime</Text>
          {a.findings.length === 0 ? <Text style={styles.muted}>No rule fired: there are no findings.</Text> : null}
          {a.regimes
            .filter((r) => r.findings.length > 0)
            .map((r) => (
              <View key={r.id}>
                <Text style={styles.h3} minPresenceAhead={60}>{`${r.name} — ${r.statusLabel}`}</Text>
                {r.findings.map((f) => (
                  <FindingBlock key={f.ruleId} finding={f} />
                ))}
              </View>
            ))}
          {report.remediation.length > 0 ? (
            <View>
              <Text style={styles.h2} minPresenceAhead={60}>
                Requested changes
              </Text>
              {report.remediation.map((request) => (
                <View key={request.id} style={{ marginBottom: 6 }}>
                  <Text
                    style={styles.h3}
                  >{`Sent ${request.sentOn}, due ${request.dueOn} (${request.statusLabel})`}</Text>
                  <Table
                    columns={[
                      { title: 'Finding', width: 4 },
                      { title: 'State', width: 1.2 },
                      { title: "Vendor's reply", width: 3 },
                    ]}
                    rows={request.items.map((item) => [
                      `${item.message} (${item.citation})`,
                      item.stateLabel,
                      item.reply,
                    ])}
                  />
                </View>
              ))}
            </View>
          ) : null}
        </ContentPage>
      ) : null}
      {a ? (
        <ContentPage footer={footer}>
          <Text style={[styles.h2, { marginTop: 0 }]}>Conditions to fulfil</Text>
          {a.conditions.length === 0 ? (
            <Text style={styles.muted}>None: no transfer mechanism or government approval is needed.</Text>
          ) : (
            <Table
              columns={[
                { title: 'Regime', width: 1 },
                { title: 'Kind', width: 1.3 },
                { title: 'What to do', width: 4 },
                { title: 'Citation', width: 1.8 },
              ]}
              rows={a.conditions.map((c) => [
                c.regimeName,
                c.kindLabel,
                <Text key="t">
                  {c.text}
                  {c.remediation ? <Text style={styles.muted}>{`\n${c.remediation}`}</Text> : null}
                </Text>,
                c.citation,
              ])}
            />
          )}
          <Text style={styles.h2}>Certification register</Text>
          {a.certificates.length === 0 ? (
            <Text style={styles.muted}>The vendor listed no certificates or audit reports.</Text>
          ) : (
            <>
              <Text style={[styles.muted, styles.small, styles.paragraph]}>
                {`Validity judged as of the assessment date (${a.asOf}) and as of today (${report.generatedOn}).`}
              </Text>
              <Table
                columns={[
                  { title: 'Certificate', width: 3 },
                  { title: 'Issued', width: 1.3 },
                  { title: 'Expires', width: 1.3 },
                  { title: `At ${a.asOf}`, width: 1.6 },
                  { title: 'Today', width: 2.6 },
                ]}
                rows={a.certificates.map((c) => [
                  `${c.label}${c.edition ? ` (${c.edition})` : ''}${c.evidence ? `\nFile: ${c.evidence.fileName}` : ''}`,
                  c.issued,
                  c.expires ?? '—',
                  c.atAssessment.label,
                  `${c.today.label}: ${c.today.reason}`,
                ])}
              />
            </>
          )}
          {a.warnings.length ? (
            <>
              <Text style={styles.h2}>Warnings</Text>
              <Bullets items={a.warnings} />
            </>
          ) : null}
        </ContentPage>
      ) : null}
      <ContentPage footer={footer}>
        <Text style={[styles.h2, { marginTop: 0 }]}>Answers</Text>
        <Text style={[styles.muted, styles.paragraph]}>
          {`${report.answeredCount} answers stored. Evidence files are listed by name; download them from the report page.`}
        </Text>
        {report.answerSections.length === 0 ? <Text style={styles.muted}>No answers yet.</Text> : null}
        {report.answerSections.map((section) => (
          <View key={section.id}>
            <Text style={styles.h3} minPresenceAhead={40}>
              {section.title}
            </Text>
            <Table
              columns={[
                { title: 'Question', width: 4 },
                { title: 'Answer', width: 4 },
                { title: 'Evidence', width: 2 },
              ]}
              rows={section.answers.map((answer) => [
                <Text key="q">
                  {`${answer.prompt}\n`}
                  <Text style={[styles.muted, styles.small]}>{answer.questionId}</Text>
                </Text>,
                <Text key="a" style={answer.answered ? {} : styles.muted}>
                  {answer.answer}
                </Text>,
                answer.evidence.map((e) => e.fileName).join(', ') || '—',
              ])}
            />
          </View>
        ))}
        <Text style={[styles.muted, styles.small, { marginTop: 10 }]}>
          {a
            ? `Assessed by Shoreline engine ${a.engineVersion} with rules ${a.rulesVersion} (questionnaire ${a.questionnaire.id} v${a.questionnaire.version}) as of ${a.asOf}. Report produced ${report.generatedOn}.`
            : `Report produced ${report.generatedOn}. No assessment yet.`}
        </Text>
      </ContentPage>
    </Document>
  )
}

/**
 * One part of the report, starting on a new page. Separate <Page> elements also keep react-pdf's
 * pagination cheap: it re-lays out what remains of a page element at every break.
 */
function ContentPage({ footer, children }: { footer: string; children: ReactNode }) {
  return (
    <Page size="A4" style={styles.page}>
      <View style={styles.body}>{children}</View>
      <Footer left={footer} />
    </Page>
  )
}

function Headline({ report }: { report: VendorReport }) {
  const a = report.assessment
  if (!a) {
    return (
      <View>
        <Text style={styles.h2}>Not assessed</Text>
        <Text style={styles.paragraph}>{report.notAssessed}</Text>
      </View>
    )
  }
  return (
    <View>
      <Text style={[styles.h2, { marginTop: 0 }]}>Headline</Text>
      <View style={[styles.row, { alignItems: 'center', marginBottom: 6 }]}>
        <Tag color={VERDICT_COLORS[a.verdict] ?? COLORS.info}>{`Verdict: ${a.verdictLabel}`}</Tag>
        <Text style={{ marginLeft: 10, fontSize: 11, lineHeight: 1.3, fontWeight: 700 }}>{`Score ${a.score}/100`}</Text>
      </View>
      <VendorLineBlock line={a.risk.line} />
      <Text style={styles.paragraph}>
        {`This vendor is ${a.locationLabel.charAt(0).toLowerCase()}${a.locationLabel.slice(1)} (data reaches: ${a.countriesReached.join(', ') || 'no country named'}). Furthest model the law allows for this engagement with this vendor: ${a.modelLabel.toLowerCase()}.`}
      </Text>
      <Text style={styles.bold}>Reasons</Text>
      <Bullets items={a.reasons} />
      <Text style={[styles.paragraph, { marginTop: 4 }]}>
        {`Applicable regimes: ${a.applicableRegimes.join(', ') || 'none'}. Findings: ${a.severityCounts.blocker} blocker, ${a.severityCounts.high} high, ${a.severityCounts.medium} medium, ${a.severityCounts.low} low, ${a.severityCounts.info} info. Conditions: ${a.conditions.length}.`}
      </Text>
      {a.verdictChange ? (
        <View wrap={false}>
          <Text style={styles.bold}>The verdict changed with a new rules release</Text>
          <Text style={styles.paragraph}>{a.verdictChange.text}</Text>
          <Bullets items={a.verdictChange.reasons.map((reason) => reason.text)} />
        </View>
      ) : null}
      {a.notAsked ? (
        <View wrap={false}>
          <Text style={styles.bold}>Not asked in this questionnaire version</Text>
          <Text style={styles.paragraph}>{a.notAsked.text}</Text>
          <Bullets items={a.notAsked.questions.map((question) => `${question.prompt} (${question.id})`)} />
        </View>
      ) : null}
    </View>
  )
}

function Decision({ report }: { report: VendorReport }) {
  if (report.decisionHistory.length === 0) {
    return (
      <View>
        <Text style={styles.h2}>Decision</Text>
        <Text style={styles.muted}>No decision recorded yet.</Text>
      </View>
    )
  }
  return (
    <View>
      <Text style={styles.h2}>Decision</Text>
      <Table
        columns={[
          { title: 'Decision', width: 1.2 },
          { title: 'Comment', width: 4 },
          { title: 'By', width: 1.5 },
          { title: 'When', width: 1.5 },
        ]}
        rows={report.decisionHistory.map((d, i) => [
          i === 0 ? `${d.label} (current)` : d.label,
          d.comment || '—',
          d.decidedBy ?? 'former user',
          d.decidedAt.slice(0, 16).replace('T', ' '),
        ])}
      />
    </View>
  )
}

function FindingBlock({ finding }: { finding: ReportFinding }) {
  return (
    <View
      wrap={false}
      style={{
        borderLeftWidth: 3,
        borderLeftColor: SEVERITY_COLORS[finding.severity] ?? COLORS.info,
        paddingLeft: 6,
        marginBottom: 6,
      }}
    >
      <View style={[styles.row, { alignItems: 'center', marginBottom: 2 }]}>
        <Tag color={SEVERITY_COLORS[finding.severity] ?? COLORS.info}>{finding.severityLabel.toUpperCase()}</Tag>
        {finding.notAskedLabel ? (
          <View style={{ marginLeft: 4 }}>
            <Tag color={COLORS.info}>{finding.notAskedLabel.toUpperCase()}</Tag>
          </View>
        ) : null}
        <Text style={[styles.bold, { marginLeft: 6, flex: 1 }]}>{finding.citation}</Text>
      </View>
      <Text>{finding.message}</Text>
      {finding.triggeredBy.length ? (
        <View style={{ marginTop: 2 }}>
          {finding.triggeredBy.map((t) => (
            <Text key={t.questionId} style={styles.muted}>{`Answer: ${t.prompt} — ${t.answer}`}</Text>
          ))}
        </View>
      ) : null}
      <Text style={{ marginTop: 2 }}>
        <Text style={styles.bold}>Remediation: </Text>
        {finding.remediation}
      </Text>
      {finding.acceptance ? <Text style={[styles.bold, { marginTop: 2 }]}>{finding.acceptance}</Text> : null}
      <Text
        style={[styles.muted, styles.small]}
      >{`Rule ${finding.ruleId}${finding.unverified ? ' (unverified: confirm with counsel)' : ''}`}</Text>
    </View>
  )
}
