import { useFormatter, useTranslations } from 'next-intl';
import type { EventCard, PostCard } from '@/lib/news/queries';

/** The front-page feed: the associations' newest posts and the events coming up. */
export function LatestNews({ posts, events }: { posts: PostCard[]; events: EventCard[] }) {
  const t = useTranslations('Home');
  const format = useFormatter();
  return (
    <section className="home-section home-section--alt" aria-labelledby="news-heading">
      <div className="container home-columns">
        <div>
          <h2 id="news-heading">{t('newsHeading')}</h2>
          {posts.length === 0 ? (
            <p>{t('noNews')}</p>
          ) : (
            <ul className="card-list">
              {posts.map((p) => (
                <li key={p.slug} className="card">
                  <h3 className="card__title">{p.title}</h3>
                  <p className="card__meta">
                    {p.organization.name} ·{' '}
                    <time dateTime={p.publishedAt.toISOString()}>{format.dateTime(p.publishedAt, { dateStyle: 'long' })}</time>
                  </p>
                  <p>{p.summary}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h2 id="events-heading">{t('eventsHeading')}</h2>
          {events.length === 0 ? (
            <p>{t('noEvents')}</p>
          ) : (
            <ul className="card-list">
              {events.map((e) => (
                <li key={e.slug} className="card card--event">
                  <h3 className="card__title">{e.title}</h3>
                  <p className="card__meta">
                    <time dateTime={e.startsAt.toISOString()}>
                      {format.dateTime(e.startsAt, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })}
                    </time>
                  </p>
                  <p>
                    {e.place ? `${e.place} · ` : ''}
                    {e.organization.name}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
