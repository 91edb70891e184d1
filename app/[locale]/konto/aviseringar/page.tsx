import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { NotificationList } from '@/components/notifications/notification-list';
import { getNotificationFormMessages } from '@/components/notifications/texts';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { listNotifications } from '@/lib/notifications/queries';
import { notificationSuccessKeyOf } from '@/lib/notifications/schemas';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Notifications' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

export default async function NotificationsPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/konto/aviseringar', locale }));
  const query = await searchParams;
  const [notifications, messages] = await Promise.all([listNotifications(actor, { page: single(query.sida) }), getNotificationFormMessages(locale)]);
  return (
    <NotificationList
      notifications={notifications}
      locale={locale}
      messages={messages}
      success={notificationSuccessKeyOf(single(query.klart))}
      now={new Date()}
    />
  );
}
