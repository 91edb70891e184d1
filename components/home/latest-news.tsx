import { useTranslations } from 'next-intl';
import { EventList } from '@/components/news/event-list';
import { PostList } from '@/components/news/post-list';
import { Link } from '@/i18n/navigation';
import type { EventCard, PostCard } from '@/lib/news/queries';

/** The front-page feed: the associations' newest posts and the events coming up. */
export function LatestNews({ posts, events }: { posts: PostCard[]; events: EventCard[] }) {
  const t = useTranslations('Home');
  const tNews = useTranslations('News');
  return (
    <section className="home-section home-section--alt" aria-labelledby="news-heading">
      <div className="container home-columns">
        <div>
          <h2 id="news-heading">{t('newsHeading')}</h2>
          {posts.length === 0 ? <p>{t('noNews')}</p> : <PostList posts={posts} headingLevel={3} />}
          <p>
            <Link href="/nyheter">{tNews('allNews')}</Link>
          </p>
        </div>
        <div>
          <h2 id="events-heading">{t('eventsHeading')}</h2>
          {events.length === 0 ? <p>{t('noEvents')}</p> : <EventList events={events} headingLevel={3} />}
          <p>
            <Link href="/kalender">{tNews('allEvents')}</Link>
          </p>
        </div>
      </div>
    </section>
  );
}
