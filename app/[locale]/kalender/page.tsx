import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { EventList } from '@/components/news/event-list';
import { resolveLocale } from '@/i18n/params';
import { ANONYMOUS } from '@/lib/authz/actor';
import { listUpcomingEvents } from '@/lib/news/queries';
import '@/components/news/news.css';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'News' });
  return {
    ...(await buildPageMetadata(locale, t('calendarTitle'), t('calendarDescription'))),
    alternates: { types: { 'text/calendar': '/kalender.ics' } },
  };
}

/** The associations' upcoming events, soonest first, with the iCalendar feed to subscribe to. */
export default async function CalendarPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const [t, events] = await Promise.all([getTranslations({ locale, namespace: 'News' }), listUpcomingEvents(ANONYMOUS, 100)]);
  return (
    <div className="container info-page news-page">
      <h1>{t('calendarTitle')}</h1>
      <p className="lead">{t('calendarLead')}</p>
      {events.length === 0 ? <p>{t('calendarEmpty')}</p> : <EventList events={events} />}
      <ul className="action-links feed-links">
        <li>
          <a href="/kalender.ics" type="text/calendar">
            {t('calendarSubscribe')}
          </a>
        </li>
      </ul>
    </div>
  );
}
