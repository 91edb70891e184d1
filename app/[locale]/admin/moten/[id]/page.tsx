import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { ActionForm } from '@/components/forms/action-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { AgendaItem } from '@/components/workshop/meetings/agenda-item';
import { meetingSummary } from '@/components/workshop/meetings/meeting-table';
import { getMeetingFormMessages } from '@/components/workshop/meetings/texts';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { addAgendaIssueAction, addAgendaTopicAction, cancelMeetingAction, closeMeetingAction, refreshAgendaAction } from '@/lib/workshop/meeting-actions';
import { meetingSuccessKeyOf } from '@/lib/workshop/meeting-schemas';
import { findMeeting, listActionOwners } from '@/lib/workshop/meetings';
import { TITLE_MAX } from '@/lib/workshop/schemas';
import '@/components/workshop/meetings/meetings.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  return { ...(await buildPageMetadata(locale, t('meetingTitle'), t('adminDescription'))), robots: { index: false, follow: false } };
}

/** One meeting for the coordinator: curate the agenda, write the minutes, close or cancel it. */
export default async function AdminMeetingPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(getPathname({ href: `/admin/moten/${encodeURIComponent(id)}`, locale }));
  if (!can(actor, 'meeting.manage', null)) return <NotAllowed />;
  const meeting = await findMeeting(actor, id);
  if (!meeting) notFound();
  const isPlanned = meeting.status === 'PLANNED';
  const [t, messages, owners, summary] = await Promise.all([
    getTranslations({ locale, namespace: 'WorkshopMeetings' }),
    getMeetingFormMessages(locale),
    isPlanned ? listActionOwners(actor) : [],
    meetingSummary(locale, meeting),
  ]);
  const success = meetingSuccessKeyOf((await searchParams).klart);
  const hidden = { locale, meetingId: meeting.id };
  const notApplied = meeting.agenda.filter((item) => item.outcomeApplied === false);

  return (
    <div className="container container--text info-page meetings-page">
      <h1>{meeting.title}</h1>
      <p className="lead">{summary}</p>
      <p className="meeting-status">
        <span className="tag">{t(`statuses.${meeting.status}`)}</span>
      </p>
      {success ? (
        <p className="form-success" role="status">
          {t(`success.${success}`)}
        </p>
      ) : null}
      {notApplied.length > 0 ? (
        <div className="notice" role={success === 'closed' ? 'alert' : undefined}>
          <p>{t('notAppliedIntro')}</p>
          <ul>
            {notApplied.map((item) =>
              item.issue && item.minute?.outcome ? (
                <li key={item.id}>
                  {t('notAppliedItem', {
                    number: item.issue.number,
                    title: item.issue.title,
                    outcome: t(`outcomes.${item.minute.outcome}`),
                    state: t(`states.${item.issue.state}`),
                  })}
                </li>
              ) : null,
            )}
          </ul>
        </div>
      ) : null}
      <ul className="action-links">
        <li>
          <Link href={`/admin/moten/${meeting.id}/utskrift`}>{t('printLink')}</Link>
        </li>
        {meeting.status === 'CLOSED' ? (
          <li>
            <Link href={`/verkstad/moten/${meeting.id}`}>{t('publishedLink')}</Link>
          </li>
        ) : null}
      </ul>

      <section aria-labelledby="dagordning" className="form-section">
        <h2 id="dagordning">{t('agendaHeading')}</h2>
        {isPlanned ? (
          <div className="agenda-tools">
            <p className="form-hint">{t('agendaHint')}</p>
            <ActionForm id="hamta" action={refreshAgendaAction} hidden={hidden} messages={messages} submit={t('refresh')} submitClassName="button button--secondary" />
            <h3>{t('addHeading')}</h3>
            <ActionForm id="lagg-till-arende" action={addAgendaIssueAction} hidden={hidden} labels={{ issueNumber: t('fields.issueNumber') }} messages={messages} submit={t('addIssue')} submitClassName="button button--secondary">
              <div className="form-field">
                <label htmlFor="lagg-till-arende-issueNumber">{t('fields.issueNumber')}</label>
                <input id="lagg-till-arende-issueNumber" name="issueNumber" type="text" inputMode="numeric" autoComplete="off" pattern="[0-9]*" size={8} />
              </div>
            </ActionForm>
            <ActionForm id="lagg-till-punkt" action={addAgendaTopicAction} hidden={hidden} labels={{ title: t('fields.topicTitle') }} messages={messages} submit={t('addTopic')} submitClassName="button button--secondary">
              <div className="form-field">
                <label htmlFor="lagg-till-punkt-title">{t('fields.topicTitle')}</label>
                <p className="form-hint" id="lagg-till-punkt-title-hint">
                  {t('fields.topicTitleHint')}
                </p>
                <input id="lagg-till-punkt-title" name="title" type="text" autoComplete="off" maxLength={TITLE_MAX} aria-describedby="lagg-till-punkt-title-hint" />
              </div>
            </ActionForm>
          </div>
        ) : null}
        {meeting.agenda.length === 0 ? (
          <p>{t('agendaEmpty')}</p>
        ) : (
          <ol className="agenda-list">
            {meeting.agenda.map((item, index) => (
              <AgendaItem
                key={item.id}
                locale={locale}
                meetingId={meeting.id}
                item={item}
                isFirst={index === 0}
                isLast={index === meeting.agenda.length - 1}
                isEditable={isPlanned}
                owners={owners}
                messages={messages}
              />
            ))}
          </ol>
        )}
      </section>

      {isPlanned ? (
        <>
          <section aria-labelledby="stang" className="form-section">
            <h2 id="stang">{t('closeHeading')}</h2>
            <p>{t('closeHint')}</p>
            <ActionForm id="stang-form" action={closeMeetingAction} hidden={hidden} messages={messages} submit={t('close')} />
          </section>
          <section aria-labelledby="installa" className="form-section danger-zone">
            <h2 id="installa">{t('cancelHeading')}</h2>
            <p>{t('cancelHint')}</p>
            <ActionForm id="installa-form" action={cancelMeetingAction} hidden={hidden} messages={messages} submit={t('cancel')} submitClassName="button button--danger" />
          </section>
        </>
      ) : null}

      <p className="back-link">
        <Link href="/admin/moten">{t('backToList')}</Link>
      </p>
    </div>
  );
}
