import { Link } from '@remix-run/react'
import type { Messages } from '../i18n/messages.ts'
import type { SummarySection } from './answers-summary.ts'

/** The review page's answers: every section with its questions and answers, and a link to edit it. */
export function ReviewAnswers({ sections, t }: { sections: SummarySection[]; t: Messages }) {
  return (
    <section className="review-answers" aria-labelledby="review-answers-heading">
      <h2 id="review-answers-heading">{t.review.answersHeading}</h2>
      {sections.map((section) => (
        <section key={section.id} className="panel review-section" aria-labelledby={`review-${section.id}`}>
          <div className="review-section-head">
            <h3 id={`review-${section.id}`}>{section.title}</h3>
            <Link to={`/v/section/${section.id}`} aria-label={t.review.editSection(section.title)}>
              {t.review.edit}
            </Link>
          </div>
          <dl>
            {section.answers.map((answer) => (
              <div key={answer.id} className="review-answer" id={`review-${answer.id}`}>
                <dt>{answer.prompt}</dt>
                <dd className={answer.text ? undefined : answer.required ? 'missing' : 'muted'}>
                  {answer.text ?? t.review.notAnswered}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  )
}
