import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { CategoryPage } from '@/components/search/category-page';
import { getFacetLabels } from '@/components/search/load-search';
import { resolveLocale } from '@/i18n/params';
import type { AppLocale } from '@/i18n/routing';

interface CategoryRouteProps {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The active category of that slug, named in the UI language; a 404 for anything else. */
async function findCategory(locale: AppLocale, slug: string) {
  const labels = await getFacetLabels(locale);
  const category = labels.categories.find((c) => c.value === slug);
  if (!category) notFound();
  return category;
}

export async function generateMetadata({ params }: CategoryRouteProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const category = await findCategory(locale, (await params).slug);
  return buildPageMetadata(locale, category.label, category.description ?? '');
}

export default async function CategoryRoute({ params, searchParams }: CategoryRouteProps) {
  const locale = await resolveLocale(params);
  const category = await findCategory(locale, (await params).slug);
  return <CategoryPage locale={locale} category={category} searchParams={await searchParams} />;
}
