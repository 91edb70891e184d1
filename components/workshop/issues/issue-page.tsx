import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import type { IssueSuccessKey } from '@/lib/workshop/issue-forms';
import { IssueAgreedActions, IssueAnswers, IssueFacts, IssueOutcomeNotes, IssueTimeline } from './issue-detail';
import { AnswerForms, CommentForm, CoordinatorPanel, DraftPanel, FilerPanel, OfficialPanel } from './issue-work';
import type { LoadedIssuePage } from './load-issue';

/**
 * /verkstad/[nummer]: the issue's facts and texts, the answers and agreed actions, the forms
 * the reader's rights allow, and the history with the comments.
 */
export function IssuePage({
  locale,
  success,
  issue,
  vocabulary,
  triage,
  answerFor,
  reassign,
  attachments,
}: LoadedIssuePage & {
  locale: AppLocale;
  success: IssueSuccessKey | null;
  /** The issue's files and the form to add one, from the attachments feature (rendered by the page). */
  attachments?: ReactNode;
}) {
  const t = useTranslations('Workshop');
  const base = { issue, locale };
  return (
    <div className="container container--text info-page workshop-issues workshop-issue">
      <h1>{t('issueTitle', { number: issue.number, title: issue.title })}</h1>
      {success ? (
        <p className={success.endsWith('FilesRefused') ? 'notice' : 'form-success'} role="status">
          {t(`success.${success}`)}
        </p>
      ) : null}
      <IssueFacts issue={issue} vocabulary={vocabulary} />
      <IssueOutcomeNotes issue={issue} />

      <section aria-labelledby="beskrivning" className="form-section">
        <h2 id="beskrivning">{t('descriptionHeading')}</h2>
        <p className="issue-text">{issue.description}</p>
        <h3>{t('desiredOutcomeHeading')}</h3>
        <p className="issue-text">{issue.desiredOutcome || t('desiredOutcomeNone')}</p>
      </section>

      <DraftPanel {...base} />

      <section aria-labelledby="svar-rubrik" id="svar" className="form-section">
        <h2 id="svar-rubrik">{t('answersHeading')}</h2>
        <IssueAnswers issue={issue} />
        <AnswerForms {...base} answerFor={answerFor} />
      </section>

      <section aria-labelledby="atgarder" className="form-section">
        <h2 id="atgarder">{t('actionsHeading')}</h2>
        <IssueAgreedActions issue={issue} />
      </section>

      {attachments}

      <FilerPanel {...base} />
      <CoordinatorPanel {...base} triage={triage} />
      <OfficialPanel {...base} reassign={reassign} />

      <section aria-labelledby="handelser" className="form-section">
        <h2 id="handelser">{t('timelineHeading')}</h2>
        <IssueTimeline entries={issue.timeline} showsInternalNotes={issue.can.internalNotes} />
        <CommentForm {...base} />
      </section>

      <p className="back-link">
        <Link href="/verkstad">{t('backToList')}</Link>
      </p>
    </div>
  );
}
