import { useFormatter } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { EventCard } from '@/lib/news/queries';
import './news.css';

/** Upcoming events: the calendar page, the front page and an association's page. */
export function EventList({ events, headingLevel = 2 }: { events: EventCard[]; headingLevel?: 2 | 3 }) {
  const format = useFormatter();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="card-list event-list">
      {events.map((e) => (
        <li key={e.slug} className="card card--event">
          <Heading className="card__title">
            <Link href={`/nyheter/${e.slug}`} prefetch={false}>
              {e.title}
            </Link>
          </Heading>
          <p className="card__meta">
            <time dateTime={e.startsAt.toISOString()}>
              {format.dateTime(e.startsAt, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' })}
            </time>
          </p>
          <p>
            {e.place ? `${e.place} · ` : ''}
            {e.organization.name}
          </p>
        </li>
      ))}
    </ul>
  );
}
