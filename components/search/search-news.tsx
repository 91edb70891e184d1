import { useTranslations } from 'next-intl';
import { PostList } from '@/components/news/post-list';
import type { PostCard } from '@/lib/news/queries';

/** The associations' news that match a search, after the services. */
export function SearchNews({ posts }: { posts: PostCard[] }) {
  const t = useTranslations('News');
  return (
    <section className="search-news" aria-labelledby="search-news-heading">
      <h2 id="search-news-heading">{t('searchHeading')}</h2>
      <PostList posts={posts} headingLevel={3} />
    </section>
  );
}
