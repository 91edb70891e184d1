import { CategoryGrid } from '@/components/home/category-grid';
import { HomeHero } from '@/components/home/home-hero';
import { HomeIntro } from '@/components/home/home-intro';
import { LatestNews } from '@/components/home/latest-news';
import { resolveLocale } from '@/i18n/params';
import { ANONYMOUS } from '@/lib/authz/actor';
import { listCategoryCards } from '@/lib/directory/queries';
import { listLatestPosts, listUpcomingEvents } from '@/lib/news/queries';
import { getSiteInfo } from '@/lib/site/site-info';

interface HomePageProps {
  params: Promise<{ locale: string }>;
}

// No generateMetadata: the layout's title (the full site name) and description fit the home page.

export default async function HomePage({ params }: HomePageProps) {
  // Validates the locale and registers it for next-intl's server functions in this render.
  const locale = await resolveLocale(params);
  const [site, categories, posts, events] = await Promise.all([
    getSiteInfo(),
    listCategoryCards(ANONYMOUS, locale),
    listLatestPosts(ANONYMOUS, 4),
    listUpcomingEvents(ANONYMOUS, 4),
  ]);
  return (
    <>
      <HomeHero site={site} />
      <CategoryGrid categories={categories} />
      <LatestNews posts={posts} events={events} />
      <HomeIntro />
    </>
  );
}
