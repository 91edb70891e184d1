import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { PostList } from '@/components/news/post-list';
import { Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { ANONYMOUS } from '@/lib/authz/actor';
import { listNewsFilters, listPublishedPosts } from '@/lib/news/queries';
import '@/components/news/news.css';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'News' });
  return {
    ...(await buildPageMetadata(locale, t('title'), t('description'))),
    alternates: { types: { 'application/atom+xml': '/nyheter/feed.xml' } },
  };
}

/** All news, newest first; a plain GET form filters by association and topic. */
export default async function NewsPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const [t, page, filters] = await Promise.all([
    getTranslations({ locale, namespace: 'News' }),
    listPublishedPosts(ANONYMOUS, { organization: single(query.forening), topic: single(query.amne), page: single(query.sida) }),
    listNewsFilters(ANONYMOUS),
  ]);
  const pageHref = (n: number) => ({
    pathname: '/nyheter',
    query: { ...(page.filter.organization ? { forening: page.filter.organization } : {}), ...(page.filter.topic ? { amne: page.filter.topic } : {}), ...(n > 1 ? { sida: String(n) } : {}) },
  });
  return (
    <div className="container info-page news-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <form method="get" className="news-filters" aria-label={t('filters')}>
        <div className="form-field">
          <label htmlFor="filter-forening">{t('organization')}</label>
          <select id="filter-forening" name="forening" defaultValue={page.filter.organization ?? ''}>
            <option value="">{t('all')}</option>
            {filters.organizations.map((o) => (
              <option key={o.slug} value={o.slug}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="filter-amne">{t('topic')}</label>
          <select id="filter-amne" name="amne" defaultValue={page.filter.topic ?? ''}>
            <option value="">{t('all')}</option>
            {filters.topics.map((topic) => (
              <option key={topic.slug} value={topic.slug}>
                {topic.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('filter')}
        </button>
      </form>
      <p role="status">{t('count', { count: page.total })}</p>
      {page.items.length === 0 ? <p>{t('empty')}</p> : <PostList posts={page.items} />}
      {page.pageCount > 1 ? (
        <nav aria-label={t('pagination')} className="pagination">
          {page.page > 1 ? (
            <Link href={pageHref(page.page - 1)} rel="prev">
              {t('previous')}
            </Link>
          ) : null}
          <span>{t('pageOf', { page: page.page, pages: page.pageCount })}</span>
          {page.page < page.pageCount ? (
            <Link href={pageHref(page.page + 1)} rel="next">
              {t('next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
      <ul className="action-links feed-links">
        <li>
          <a href="/nyheter/feed.xml" type="application/atom+xml">
            {t('feed')}
          </a>
        </li>
        <li>
          <Link href="/kalender">{t('allEvents')}</Link>
        </li>
      </ul>
    </div>
  );
}
