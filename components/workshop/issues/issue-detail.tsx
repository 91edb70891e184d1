import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { IssueDetail, TimelineEntry } from '@/lib/workshop/queries';
import { IssueDate, OverdueFlag, StateBadge, type StateVocabulary } from './issue-state';

/** The facts of an issue as a description list: who filed it, what it concerns, who answers, by when. */
export function IssueFacts({ issue, vocabulary }: { issue: IssueDetail; vocabulary: StateVocabulary }) {
  const t = useTranslations('Workshop');
  return (
    <dl className="issue-facts">
      <dt>{t('facts.state')}</dt>
      <dd>
        <StateBadge state={issue.state} publicState={issue.publicState} vocabulary={vocabulary} />
        {issue.overdue ? (
          <>
            {' '}
            <OverdueFlag />
          </>
        ) : null}
      </dd>
      <dt>{t('facts.association')}</dt>
      <dd>{issue.filedBy.name}</dd>
      <dt>{t('facts.concerns')}</dt>
      <dd>{t(`concerns.${issue.concerns}`)}</dd>
      {issue.municipality ? (
        <>
          <dt>{t('facts.municipality')}</dt>
          <dd>{issue.municipality}</dd>
        </>
      ) : null}
      <dt>{t('facts.category')}</dt>
      <dd>{issue.category?.name ?? t('facts.noCategory')}</dd>
      <dt>{t('facts.responders')}</dt>
      <dd>{issue.responders.length > 0 ? issue.responders.map((r) => r.name).join(', ') : t('facts.noResponders')}</dd>
      <dt>{t('facts.assignees')}</dt>
      <dd>
        {issue.assignees.length > 0
          ? issue.assignees.map((a) => (a.organization ? t('facts.person', { name: a.name, organization: a.organization }) : a.name)).join(', ')
          : t('facts.noAssignees')}
      </dd>
      <dt>{t('facts.due')}</dt>
      <dd>{issue.dueAt ? <IssueDate value={issue.dueAt} /> : t('facts.noDueDate')}</dd>
      <dt>{t('facts.submitted')}</dt>
      <dd>{issue.submittedAt ? <IssueDate value={issue.submittedAt} withTime /> : t('facts.notSubmitted')}</dd>
      <dt>{t('facts.visibility')}</dt>
      <dd>{t(`visibility.${issue.visibility}`)}</dd>
    </dl>
  );
}

/** What became of a closed or answered issue: the original of a duplicate, a referral, the association's word on a resolution. */
export function IssueOutcomeNotes({ issue }: { issue: IssueDetail }) {
  const t = useTranslations('Workshop');
  const notes = [];
  if (issue.state === 'DUPLICATE') {
    notes.push(
      <p key="duplicate">
        {issue.duplicateOf ? (
          <>
            {t('duplicateOf')} <Link href={`/verkstad/${issue.duplicateOf.number}`}>{t('issueTitle', { number: issue.duplicateOf.number, title: issue.duplicateOf.title })}</Link>
          </>
        ) : (
          t('duplicateOfHidden')
        )}
      </p>,
    );
  }
  if (issue.referredTo) notes.push(<p key="referred">{t('referredTo', { to: issue.referredTo })}</p>);
  if (issue.resolutionFeedback) {
    notes.push(
      <div key="feedback">
        <p>{t(issue.resolutionFeedback === 'CONFIRMED' ? 'feedbackConfirmed' : 'feedbackDisputed', { association: issue.filedBy.name })}</p>
        {issue.resolutionFeedbackNote ? <p className="issue-text">{issue.resolutionFeedbackNote}</p> : null}
      </div>,
    );
  }
  if (notes.length === 0) return null;
  return <div className="notice issue-outcome">{notes}</div>;
}

/** The official answers, one per responder organisation. */
export function IssueAnswers({ issue }: { issue: IssueDetail }) {
  const t = useTranslations('Workshop');
  if (issue.answers.length === 0) return <p>{t(issue.responders.length > 0 ? 'answersNone' : 'answersNotAssigned')}</p>;
  return (
    <>
      {issue.answers.map((answer) => (
        <article key={answer.organizationId} className="issue-answer" aria-labelledby={`svar-${answer.organizationId}`}>
          <h3 id={`svar-${answer.organizationId}`}>{t('answerFrom', { organization: answer.organization })}</h3>
          <p className="issue-meta">
            {answer.author ? `${t('writtenBy', { name: answer.author })} · ` : null}
            <IssueDate value={answer.at} withTime />
          </p>
          <p className="issue-text">{answer.body}</p>
        </article>
      ))}
    </>
  );
}

/** The actions agreed on the issue, with their owner and follow-up day. */
export function IssueAgreedActions({ issue }: { issue: IssueDetail }) {
  const t = useTranslations('Workshop');
  const format = useFormatter();
  // Follow-up days are calendar days stored at midnight UTC.
  const day = (d: Date) => <time dateTime={d.toISOString().slice(0, 10)}>{format.dateTime(d, { dateStyle: 'long', timeZone: 'UTC' })}</time>;
  if (issue.actions.length === 0) return <p>{t('actionsNone')}</p>;
  return (
    <ul className="issue-actions">
      {issue.actions.map((action, index) => (
        <li key={index}>
          <p className="issue-text">{action.description}</p>
          <p className="issue-meta">
            {t('actionOwner', { owner: action.owner ?? t('actionNoOwner') })}
            {action.followUpAt ? (
              <>
                {' · '}
                {t('actionFollowUp')} {day(action.followUpAt)}
              </>
            ) : null}
            {action.completedAt ? (
              <>
                {' · '}
                {t('actionCompleted')} <IssueDate value={action.completedAt} />
              </>
            ) : null}
            {action.meetingTitle ? ` · ${t('actionMeeting', { meeting: action.meetingTitle })}` : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Events whose sentence names who or what they concern (an organisation, an official, an original). */
const NAMING_EVENTS = new Set(['ASSIGNED', 'UNASSIGNED', 'ANSWERED', 'MARKED_DUPLICATE', 'REFERRED']);

function useEventSentence() {
  const t = useTranslations('Workshop');
  return (entry: TimelineEntry): string => {
    if (entry.kind === 'comment') return t('timeline.comment');
    if (entry.kind === 'internalNote') return t('timeline.internalNote');
    const type = entry.type ?? 'STATE_CHANGED';
    const from = entry.fromState ? t(`states.${entry.fromState}`) : '';
    const to = entry.toState ? t(`states.${entry.toState}`) : '';
    // The first assignment moves the issue; later ones add or remove a responder.
    if (type === 'ASSIGNED' && !entry.fromState) return entry.subject ? t('events.assignedAlso', { subject: entry.subject }) : t('eventsUnnamed.assignedAlso');
    if (NAMING_EVENTS.has(type)) {
      const key = type as 'ASSIGNED' | 'UNASSIGNED' | 'ANSWERED' | 'MARKED_DUPLICATE' | 'REFERRED';
      return entry.subject ? t(`events.${key}`, { subject: entry.subject }) : t(`eventsUnnamed.${key}`);
    }
    return t(`events.${type as Exclude<typeof type, 'ASSIGNED' | 'UNASSIGNED' | 'ANSWERED' | 'MARKED_DUPLICATE' | 'REFERRED'>}`, { from, to });
  };
}

/**
 * The issue's history as sentences, oldest first: events, comments, and (for those who may see
 * them) the internal notes, set apart with a label.
 */
export function IssueTimeline({ entries, showsInternalNotes }: { entries: TimelineEntry[]; showsInternalNotes: boolean }) {
  const t = useTranslations('Workshop');
  const sentence = useEventSentence();
  if (entries.length === 0) return <p>{t('timeline.empty')}</p>;
  return (
    <>
      {showsInternalNotes ? <p className="form-hint issue-internal-hint">{t('internalNotesPublicAccess')}</p> : null}
      <ol className="issue-timeline">
        {entries.map((entry) => {
          const by = entry.who && entry.organization ? t('timeline.by', { name: entry.who, organization: entry.organization }) : (entry.who ?? entry.organization);
          const showsChange = entry.kind === 'event' && entry.fromState && entry.toState && entry.type !== 'STATE_CHANGED';
          return (
            <li key={entry.id} className={`issue-timeline__entry issue-timeline__entry--${entry.kind}`}>
              {entry.kind === 'internalNote' ? <p className="issue-timeline__label">{t('timeline.internalLabel')}</p> : null}
              <p className="issue-timeline__what">{sentence(entry)}</p>
              {showsChange ? (
                <p className="issue-timeline__change">{t('timeline.change', { from: t(`states.${entry.fromState!}`), to: t(`states.${entry.toState!}`) })}</p>
              ) : null}
              {entry.text ? <p className="issue-text issue-timeline__text">{entry.text}</p> : null}
              <p className="issue-meta">
                <IssueDate value={entry.at} withTime />
                {by ? ` · ${by}` : null}
              </p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
