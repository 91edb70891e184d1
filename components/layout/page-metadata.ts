import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';
import { getSiteInfo } from '@/lib/site/site-info';

/**
 * "Om portalen – LISA": the page first, so tabs and search results are told apart, then the
 * short site name (the full name can be a whole sentence).
 */
export async function buildPageMetadata(locale: AppLocale, page: string, description: string): Promise<Metadata> {
  const [site, t] = await Promise.all([getSiteInfo(), getTranslations({ locale, namespace: 'Metadata' })]);
  return {
    title: t('pageTitle', { page, site: site.shortName }),
    description,
  };
}
