import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { MinutesNotAllowed } from '@/components/workshop/meetings/minutes-not-allowed';
import { meetingSummary } from '@/components/workshop/meetings/meeting-table';
import { PublishedMinutesList } from '@/components/workshop/meetings/published-minutes';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { findPublishedMinutes } from '@/lib/workshop/meetings';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';
import '@/components/workshop/meetings/meetings.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  return { ...(await buildPageMetadata(locale, t('minutesTitle'), t('minutesDescription'))), robots: { index: false, follow: false } };
}

/** One meeting's published minutes; items on issues the reader may not read say only that. */
export default async function MinutesPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(getPathname({ href: `/verkstad/moten/${encodeURIComponent(id)}`, locale }));
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  if (!can(actor, 'minutes.read', null)) return <MinutesNotAllowed locale={locale} />;
  const minutes = await findPublishedMinutes(actor, id);
  if (!minutes) notFound();
  const [format, summary] = await Promise.all([getFormatter({ locale }), meetingSummary(locale, minutes)]);
  return (
    <div className="container container--text info-page meetings-page">
      <h1>{t('minutesOf', { title: minutes.title })}</h1>
      <p className="lead">{summary}</p>
      <p>{t('publishedAt', { date: format.dateTime(minutes.minutesPublishedAt, { dateStyle: 'long', timeStyle: 'short', timeZone: PORTAL_TIME_ZONE }) })}</p>
      <PublishedMinutesList locale={locale} items={minutes.items} />
      <p className="back-link">
        <Link href="/verkstad/moten">{t('backToMinutes')}</Link>
      </p>
    </div>
  );
}
