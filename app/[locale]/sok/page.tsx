import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { SearchPage } from '@/components/search/search-page';
import { resolveLocale } from '@/i18n/params';

interface SearchPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: SearchPageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'SearchPage' });
  // The title leaves out what was searched for: a tab title is read over shoulders and kept
  // in the history. Result pages are not for search engines to index.
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false } };
}

export default async function SearchRoute({ params, searchParams }: SearchPageProps) {
  const locale = await resolveLocale(params);
  return <SearchPage locale={locale} searchParams={await searchParams} />;
}
