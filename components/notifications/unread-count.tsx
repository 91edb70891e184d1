import { getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/session';
import { countUnreadNotifications } from '@/lib/notifications/queries';
import './notifications.css';

/**
 * The number of unread notifications beside the header's link to them; nothing when there
 * are none. The number is shown, and said in words to screen readers.
 */
export async function UnreadNotificationCount() {
  const actor = await getActor();
  if (actor.kind !== 'user') return null;
  const [count, t] = await Promise.all([countUnreadNotifications(actor), getTranslations('Notifications')]);
  if (count === 0) return null;
  return (
    <>
      <span className="unread-count" aria-hidden="true">
        {count > 99 ? '99+' : count}
      </span>
      <span className="visually-hidden">{` (${t('navUnread', { count })})`}</span>
    </>
  );
}
