import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';
import type { MeetingOutcome } from '@/lib/workshop/states';
import { calendarDay } from './meeting-table';

export interface MinutesTextProps {
  locale: AppLocale;
  decision: string | null;
  outcome: MeetingOutcome | null;
  /** null: the meeting is not closed yet (or no outcome was asked for). */
  outcomeApplied: boolean | null;
  actions: { description: string; owner: string | null; followUpAt: Date | null }[];
}

/** The minutes of one agenda item as read after the meeting: decision, outcome, agreed actions. */
export async function MinutesText({ locale, decision, outcome, outcomeApplied, actions }: MinutesTextProps) {
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  const followUps = await Promise.all(actions.map((a) => (a.followUpAt ? calendarDay(locale, a.followUpAt) : null)));
  if (!decision) return <p className="minutes__empty">{t('noMinutes')}</p>;
  return (
    <dl className="minutes">
      <dt>{t('decision')}</dt>
      <dd className="minutes__decision">{decision}</dd>
      {outcome ? (
        <>
          <dt>{t('outcome')}</dt>
          <dd>
            {t(`outcomes.${outcome}`)}
            {outcomeApplied === false ? <span className="tag tag--warning">{t('outcomeNotApplied')}</span> : null}
          </dd>
        </>
      ) : null}
      {actions.map((action, index) => (
        <div key={index} className="minutes__action">
          <dt>{t('agreedAction')}</dt>
          <dd>
            <p className="minutes__decision">{action.description}</p>
            <p>
              {t('actionOwnerIs', { owner: action.owner ?? t('noOwnerNamed') })}
              {followUps[index] ? ` ${t('followUpIs', { date: followUps[index] })}` : null}
            </p>
          </dd>
        </div>
      ))}
    </dl>
  );
}
