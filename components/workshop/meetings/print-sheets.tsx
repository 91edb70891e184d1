import { getFormatter, getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';
import type { MeetingDetail } from '@/lib/workshop/meetings';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';
import { meetingSummary } from './meeting-table';

const NOTE_LINES = 12;

/**
 * The agenda as handed out at the meeting: a cover page with the whole agenda, then one page
 * per item with what the meeting needs to know about the issue and ruled lines for notes.
 * The page breaks are in meetings.css (`break-after: page`).
 */
export async function PrintSheets({ locale, meeting }: { locale: AppLocale; meeting: MeetingDetail }) {
  const [t, format, summary] = await Promise.all([getTranslations({ locale, namespace: 'WorkshopMeetings' }), getFormatter({ locale }), meetingSummary(locale, meeting)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeZone: PORTAL_TIME_ZONE });
  const header = (
    <p className="print-sheet__meeting">
      {meeting.title} · {summary}
    </p>
  );
  return (
    <div className="meeting-print">
      <section className="print-sheet" aria-labelledby="utskrift-dagordning">
        {header}
        <h2 id="utskrift-dagordning">{t('agendaHeading')}</h2>
        {meeting.agenda.length === 0 ? (
          <p>{t('agendaEmpty')}</p>
        ) : (
          <ol className="print-sheet__agenda">
            {meeting.agenda.map((item) => (
              <li key={item.id}>{item.issue ? t('printAgendaIssue', { number: item.issue.number, title: item.issue.title }) : item.title}</li>
            ))}
          </ol>
        )}
      </section>
      {meeting.agenda.map((item) => {
        const headingId = `utskrift-${item.id}`;
        const issue = item.issue;
        return (
          <section key={item.id} className="print-sheet" aria-labelledby={headingId}>
            {header}
            <h2 id={headingId}>
              {issue ? t('itemIssueTitle', { position: item.position, number: issue.number, title: issue.title }) : t('itemTitle', { position: item.position, title: item.title })}
            </h2>
            {issue ? (
              <>
                <dl className="print-sheet__facts">
                  <dt>{t('filedBy')}</dt>
                  <dd>{issue.filedBy}</dd>
                  <dt>{t('responders')}</dt>
                  <dd>{issue.responders.length > 0 ? issue.responders.join(', ') : t('noResponders')}</dd>
                  <dt>{t('state')}</dt>
                  <dd>
                    {t(`states.${issue.state}`)}
                    {issue.overdue ? ` (${t('overdue')})` : null}
                  </dd>
                  <dt>{t('dueAt')}</dt>
                  <dd>{issue.dueAt ? day(issue.dueAt) : t('noDueDate')}</dd>
                  <dt>{t('reason')}</dt>
                  <dd>{t(`reasons.${item.reason}`)}</dd>
                </dl>
                <h3>{t('answersHeading')}</h3>
                {issue.answers.length === 0 ? (
                  <p>{t('noAnswers')}</p>
                ) : (
                  issue.answers.map((answer) => (
                    <div key={answer.organization} className="print-sheet__answer">
                      <h4>{t('answerBy', { organization: answer.organization, date: day(answer.at) })}</h4>
                      <p className="minutes__decision">{answer.body}</p>
                    </div>
                  ))
                )}
              </>
            ) : null}
            <h3>{t('notesHeading')}</h3>
            <div className="print-sheet__lines" aria-hidden="true">
              {Array.from({ length: NOTE_LINES }, (_, index) => (
                <span key={index} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
