import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { MyListPage } from '@/components/my-list/my-list-page';
import { resolveLocale } from '@/i18n/params';
import { getSiteInfo } from '@/lib/site/site-info';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'MyList.page' });
  return buildPageMetadata(locale, t('title'), t('description'));
}

export default async function MyListRoute({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const site = await getSiteInfo();
  return <MyListPage locale={locale} site={site} />;
}
