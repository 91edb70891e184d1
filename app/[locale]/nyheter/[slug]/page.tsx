import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { PostArticle } from '@/components/news/post-article';
import { Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { ANONYMOUS } from '@/lib/authz/actor';
import { isAppError } from '@/lib/errors/app-error';
import { getPublishedPost } from '@/lib/news/queries';
import '@/components/news/news.css';

interface PageProps {
  params: Promise<{ locale: string; slug: string }>;
}

const loadPost = cache(async (slug: string) => {
  try {
    return await getPublishedPost(ANONYMOUS, slug);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const post = await loadPost(slug);
  return buildPageMetadata(locale, post.title, post.summary);
}

export default async function NewsPostPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const [post, t] = await Promise.all([loadPost(slug), getTranslations({ locale, namespace: 'News' })]);
  return (
    <div className="container container--text info-page">
      <PostArticle {...post} />
      <ul className="action-links back-link">
        <li>
          <Link href={{ pathname: '/nyheter', query: { forening: post.organization.slug } }}>{t('moreNews', { organization: post.organization.name })}</Link>
        </li>
        <li>
          <Link href="/nyheter">{t('allNews')}</Link>
        </li>
      </ul>
    </div>
  );
}
