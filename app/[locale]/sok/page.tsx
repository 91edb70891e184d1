import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { SearchPage } from '@/components/search/search-page';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { siteUrl } from '@/lib/env';

interface SearchPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: SearchPageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'SearchPage' });
  // The title leaves out what was searched for: a tab title is read over shoulders and kept
  // in the history. Every result page names the bare search page as canonical, so search
  // engines keep that one page instead of one per query; a blanket noindex would also keep
  // the search page itself out of their results.
  return {
    ...(await buildPageMetadata(locale, t('title'), t('description'))),
    alternates: { canonical: `${siteUrl()}${getPathname({ href: '/sok', locale })}` },
  };
}

export default async function SearchRoute({ params, searchParams }: SearchPageProps) {
  const locale = await resolveLocale(params);
  return <SearchPage locale={locale} searchParams={await searchParams} />;
}
