import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { SavedPostArticle } from '@/components/news/saved-post-article';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { getEditablePost } from '@/lib/news/posts';
import '@/components/news/news.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'NewsEditor' });
  return { ...(await buildPageMetadata(locale, t('preview'), t('description'))), robots: { index: false, follow: false } };
}

/** The saved post rendered exactly as the public page will render it. */
export default async function PreviewPostPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(getPathname({ href: `/konto/nyheter/${encodeURIComponent(id)}/forhandsgranska`, locale }));
  const t = await getTranslations({ locale, namespace: 'NewsEditor' });
  let post;
  try {
    post = await getEditablePost(actor, id);
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
  return (
    <div className="container container--text info-page">
      <p className="notice" role="note">
        {t('previewNote')}
      </p>
      <SavedPostArticle post={post} />
      <p className="back-link">
        <Link href={`/konto/nyheter/${post.id}`}>{t('backToEditor')}</Link>
      </p>
    </div>
  );
}
