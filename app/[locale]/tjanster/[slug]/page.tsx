import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { buildMyListEntry } from '@/components/directory/service-page/my-list-entry';
import { ServicePage } from '@/components/directory/service-page/service-page';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { routing, type AppLocale } from '@/i18n/routing';
import { ANONYMOUS } from '@/lib/authz/actor';
import { getServicePage } from '@/lib/directory/service-page';
import { siteUrl } from '@/lib/env';
import { isAppError } from '@/lib/errors/app-error';

interface PageProps {
  params: Promise<{ locale: string; slug: string }>;
}

/**
 * One query per request, shared by the metadata and the page, at one moment: the open-now
 * status is computed for the time of this request (the page is never prerendered).
 */
const loadService = cache(async (slug: string, locale: AppLocale) => {
  const now = new Date();
  try {
    return { service: await getServicePage(ANONYMOUS, slug, locale, now), now };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

const absoluteUrl = (slug: string, locale: AppLocale) => `${siteUrl()}${getPathname({ href: `/tjanster/${slug}`, locale })}`;

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const { service } = await loadService(slug, locale);
  const metadata = await buildPageMetadata(locale, service.name.text, service.summary.text);
  return {
    ...metadata,
    alternates: {
      canonical: absoluteUrl(service.slug, locale),
      languages: Object.fromEntries(routing.locales.map((l) => [l, absoluteUrl(service.slug, l)])),
    },
  };
}

export default async function ServicePageRoute({ params }: PageProps) {
  // Validates the locale and registers it for next-intl's server functions in this render.
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const [{ service, now }, t] = await Promise.all([loadService(slug, locale), getTranslations({ locale, namespace: 'ServicePage' })]);
  const myListEntry = buildMyListEntry(service, { allDays: t('allDays'), roundTheClock: t('roundTheClock') }, now);
  return (
    <ServicePage
      service={service}
      now={now}
      pageUrl={absoluteUrl(service.slug, locale)}
      shareTexts={{ link: t('share.link'), share: t('share.share'), copy: t('share.copy'), copied: t('share.copied'), copyFailed: t('share.copyFailed') }}
      myListEntry={myListEntry}
    />
  );
}
