import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AboutPortal } from '@/components/info/about-portal';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { resolveLocale } from '@/i18n/params';
import { getSiteInfo } from '@/lib/site/site-info';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const [site, t] = await Promise.all([getSiteInfo(), getTranslations({ locale, namespace: 'About' })]);
  return buildPageMetadata(locale, t('title'), t('description', { site: site.shortName }));
}

export default async function AboutPage({ params }: PageProps) {
  // Validates the locale and registers it for next-intl's server functions in this render.
  await resolveLocale(params);
  const site = await getSiteInfo();
  return <AboutPortal site={site} />;
}
