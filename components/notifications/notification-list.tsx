import { useFormatter, useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import type { FormMessages } from '@/components/forms/form-parts';
import { getPathname, Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { markAllNotificationsReadAction, markNotificationReadAction } from '@/lib/notifications/actions';
import type { NotificationPage, NotificationView } from '@/lib/notifications/queries';
import type { NotificationSuccessKey } from '@/lib/notifications/schemas';
import { notificationSentence, showsTitleApart } from '@/lib/notifications/sentences';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';
import './notifications.css';

interface NotificationListProps {
  notifications: NotificationPage;
  locale: AppLocale;
  messages: FormMessages;
  success: NotificationSuccessKey | null;
  /** The time of the request, for "2 hours ago". */
  now: Date;
}

const DATE_TIME = { dateStyle: 'medium', timeStyle: 'short', timeZone: PORTAL_TIME_ZONE } as const;

function NotificationItem({ item, locale, messages, page, now }: { item: NotificationView; locale: AppLocale; messages: FormMessages; page: number; now: Date }) {
  const t = useTranslations('Notifications');
  const format = useFormatter();
  const sentence = notificationSentence((key, values) => t(`sentence.${key}`, values), item);
  return (
    <li className={item.isRead ? 'card notification' : 'card notification notification--unread'} id={`avisering-${item.id}`}>
      <h3 className="card__title notification__title">
        {/* A plain link: the route marks the notification read and answers with a redirect. */}
        <a href={getPathname({ href: `/konto/aviseringar/${item.id}`, locale })}>{sentence}</a>
        {item.isRead ? null : <span className="tag notification__status">{t('unread')}</span>}
      </h3>
      {showsTitleApart(item) ? <p className="notification__subject">{item.title}</p> : null}
      {item.dueAt ? <p>{t('dueLine', { date: format.dateTime(item.dueAt, DATE_TIME) })}</p> : null}
      {item.body.trim() ? (
        <p className="notification__note">
          <span className="visually-hidden">{t('noteLabel')} </span>
          {item.body.trim()}
        </p>
      ) : null}
      <p className="card__meta">
        <time dateTime={item.createdAt.toISOString()}>
          {t('receivedAt', { relative: format.relativeTime(item.createdAt, now), date: format.dateTime(item.createdAt, DATE_TIME) })}
        </time>
      </p>
      {item.isRead ? null : (
        <ActionForm
          id={`las-${item.id}`}
          action={markNotificationReadAction}
          hidden={{ locale, notificationId: item.id, sida: String(page) }}
          messages={messages}
          submit={t('markRead')}
          submitClassName="button button--secondary button--small"
        />
      )}
    </li>
  );
}

/** The /konto/aviseringar page: the signed-in person's notifications, newest first. */
export function NotificationList({ notifications, locale, messages, success, now }: NotificationListProps) {
  const t = useTranslations('Notifications');
  const { items, page, pageCount, unread, mode } = notifications;
  const pageHref = (n: number) => (n > 1 ? `/konto/aviseringar?sida=${n}` : '/konto/aviseringar');
  return (
    <div className="container container--text info-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {success ? (
        <p className="form-success" role="status">
          {t(`success.${success}`)}
        </p>
      ) : null}
      <p>
        {t('emailNote', { mode: t(`emailModes.${mode}`) })} <Link href="/konto#installningar">{t('changeEmail')}</Link>
      </p>

      <section aria-labelledby="aviseringar-rubrik" className="form-section">
        <h2 id="aviseringar-rubrik">{t('listHeading')}</h2>
        <div className="notification-list__actions">
          <p>{t('unreadSummary', { count: unread })}</p>
          {unread > 0 ? (
            <ActionForm
              id="las-alla"
              action={markAllNotificationsReadAction}
              hidden={{ locale, sida: String(page) }}
              messages={messages}
              submit={t('markAllRead')}
              submitClassName="button button--secondary"
            />
          ) : null}
        </div>
        {items.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <ul className="card-list notification-list">
            {items.map((item) => (
              <NotificationItem key={item.id} item={item} locale={locale} messages={messages} page={page} now={now} />
            ))}
          </ul>
        )}
        {pageCount > 1 ? (
          <nav aria-label={t('pagination')} className="pagination">
            {page > 1 ? <Link href={pageHref(page - 1)}>{t('previous')}</Link> : null}
            <span>{t('pageOf', { page, pages: pageCount })}</span>
            {page < pageCount ? <Link href={pageHref(page + 1)}>{t('next')}</Link> : null}
          </nav>
        ) : null}
      </section>

      <p className="back-link">
        <Link href="/konto">{t('backToAccount')}</Link>
      </p>
    </div>
  );
}
