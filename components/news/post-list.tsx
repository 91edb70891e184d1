import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { PostCard } from '@/lib/news/queries';
import './news.css';

/** Post cards: the news page, an association's page and the news part of search. */
export function PostList({ posts, headingLevel = 2 }: { posts: PostCard[]; headingLevel?: 2 | 3 }) {
  const t = useTranslations('News');
  const format = useFormatter();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="card-list post-list">
      {posts.map((post) => (
        <li key={post.slug} className="card post-card">
          <Heading className="card__title">
            <Link href={`/nyheter/${post.slug}`} prefetch={false}>
              {post.title}
            </Link>
          </Heading>
          <p className="card__meta">
            {post.organization.name} ·{' '}
            <time dateTime={post.publishedAt.toISOString()}>{format.dateTime(post.publishedAt, { dateStyle: 'long', timeZone: 'Europe/Stockholm' })}</time>
            {post.event ? (
              <>
                {' · '}
                <span className="tag">{t('eventLabel')}</span>{' '}
                <time dateTime={post.event.startsAt.toISOString()}>
                  {format.dateTime(post.event.startsAt, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' })}
                </time>
              </>
            ) : null}
          </p>
          {post.summary ? <p>{post.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}
