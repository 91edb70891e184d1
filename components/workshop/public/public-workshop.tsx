import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { SHOWN_PUBLIC_STATES, type PublicIssue, type PublicIssuePage, type PublicWorkshopSummary } from '@/lib/workshop/public';
import '../metrics/figures.css';
import './public.css';

const STEPS = ['file', 'triage', 'answer', 'meeting', 'outcome'] as const;

export function HowItWorks() {
  const t = useTranslations('WorkshopPublic');
  return (
    <section aria-labelledby="sa-fungerar-det" className="workshop-public__section">
      <h2 id="sa-fungerar-det">{t('howHeading')}</h2>
      <ol className="workshop-steps">
        {STEPS.map((step) => (
          <li key={step}>{t(`steps.${step}`)}</li>
        ))}
      </ol>
    </section>
  );
}

export function WorkshopFigures({ summary }: { summary: PublicWorkshopSummary }) {
  const t = useTranslations('WorkshopPublic');
  const format = useFormatter();
  const days = (value: number | null) =>
    value === null ? t('noValue') : t('days', { days: format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
  const figures: [string, string][] = [
    [t('figures.total'), format.number(summary.total)],
    [t('figures.resolved'), format.number(summary.resolved)],
    [t('figures.closedUnresolved'), format.number(summary.closedUnresolved)],
    [t('figures.medianTriage'), days(summary.medianDaysToTriage)],
    [t('figures.medianAnswer'), days(summary.medianDaysToFirstAnswer)],
  ];
  return (
    <section aria-labelledby="i-siffror" className="workshop-public__section">
      <h2 id="i-siffror">{t('figuresHeading')}</h2>
      <p>{t('figuresLead')}</p>
      <dl className="metric-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="metric-figure">
            <dt>{label}</dt>
            <dd>
              <span className="metric-figure__value">{value}</span>
            </dd>
          </div>
        ))}
      </dl>
      <table className="workshop-states">
        <caption>{t('statesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stateColumn')}</th>
            <th scope="col">{t('countColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {SHOWN_PUBLIC_STATES.map((state) => (
            <tr key={state}>
              <th scope="row">{t(`states.${state}`)}</th>
              <td>{format.number(summary.byPublicState[state])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function IssueCard({ issue }: { issue: PublicIssue }) {
  const t = useTranslations('WorkshopPublic');
  const format = useFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'Europe/Stockholm' });
  // Follow-up dates are calendar days (stored at midnight UTC): shown as that day everywhere.
  const calendarDay = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' });
  const headingId = `arende-${issue.number}`;
  const body = t(`concerns.${issue.concerns}`);
  return (
    <article className="workshop-issue" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('issueTitle', { number: issue.number, title: issue.title })}</h3>
      <dl className="workshop-issue__facts">
        <div>
          <dt>{t('stateLabel')}</dt>
          <dd>
            <span className={`workshop-state workshop-state--${issue.publicState}`}>{t(`states.${issue.publicState}`)}</span>
          </dd>
        </div>
        {/* "Resolved" is the state already; "closed" alone would not say whether it was solved. */}
        {issue.outcome === 'closedUnresolved' ? (
          <div>
            <dt>{t('outcomeLabel')}</dt>
            <dd>{t(`outcome.${issue.outcome}`)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('category')}</dt>
          <dd>{issue.categoryName ?? t('noCategory')}</dd>
        </div>
        <div>
          <dt>{t('concernsLabel')}</dt>
          <dd>{issue.municipalityName ? t('concernsMunicipality', { body, municipality: issue.municipalityName }) : body}</dd>
        </div>
      </dl>
      <h4>{t('answersHeading')}</h4>
      {issue.answers.length === 0 ? (
        <p>{t('noAnswers')}</p>
      ) : (
        issue.answers.map((answer) => (
          <blockquote key={answer.organizationName} className="workshop-answer">
            <p className="workshop-answer__from">{t('answerFrom', { organization: answer.organizationName, date: date(answer.answeredAt) })}</p>
            <p className="workshop-answer__body">{answer.body}</p>
          </blockquote>
        ))
      )}
      {issue.actions.length > 0 ? (
        <>
          <h4>{t('actionsHeading')}</h4>
          <ul className="workshop-actions">
            {issue.actions.map((action, i) => (
              <li key={i}>
                {action.description}
                {action.ownerOrganizationName || action.followUpAt || action.completedAt ? (
                  <span className="workshop-actions__meta">
                    {[
                      action.ownerOrganizationName ? t('actionOwner', { organization: action.ownerOrganizationName }) : null,
                      action.completedAt ? t('completed', { date: date(action.completedAt) }) : action.followUpAt ? t('followUp', { date: calendarDay(action.followUpAt) }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

export function PublicIssueList({ page }: { page: PublicIssuePage }) {
  const t = useTranslations('WorkshopPublic');
  const pageHref = (n: number) => ({ pathname: '/synergiverkstad', query: n > 1 ? { sida: String(n) } : {} });
  return (
    <section aria-labelledby="offentliga-arenden" className="workshop-public__section">
      <h2 id="offentliga-arenden">{t('issuesHeading')}</h2>
      <p>{t('issuesLead')}</p>
      <p role="status">{t('count', { count: page.total })}</p>
      {page.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="workshop-issues">
          {page.items.map((issue) => (
            <IssueCard key={issue.number} issue={issue} />
          ))}
        </div>
      )}
      {page.pageCount > 1 ? (
        <nav aria-label={t('pagination')} className="pagination">
          {page.page > 1 ? (
            <Link href={pageHref(page.page - 1)} rel="prev">
              {t('previous')}
            </Link>
          ) : null}
          <span>{t('pageOf', { page: page.page, pages: page.pageCount })}</span>
          {page.page < page.pageCount ? (
            <Link href={pageHref(page.page + 1)} rel="next">
              {t('next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
