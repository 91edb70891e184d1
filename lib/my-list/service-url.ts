import { routing } from '@/i18n/routing';

/**
 * Where a service's page lives in a given UI language: Swedish at the root, other
 * languages under their prefix (the routing in i18n/routing.ts, `localePrefix: 'as-needed'`).
 */
export function servicePath(locale: string, slug: string): string {
  const prefix = locale === routing.defaultLocale ? '' : `/${locale}`;
  return `${prefix}/tjanster/${encodeURIComponent(slug)}`;
}

/** The absolute address printed as a QR code on the handout. */
export function serviceUrl(origin: string, locale: string, slug: string): string {
  return new URL(servicePath(locale, slug), origin).href;
}
