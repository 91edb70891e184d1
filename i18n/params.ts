import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { setRequestLocale } from 'next-intl/server';
import { routing, type AppLocale } from './routing';

/**
 * The locale of a `[locale]` page, checked, and registered for next-intl's server functions
 * in this render. An unknown locale is a 404, never a crash.
 */
export async function resolveLocale(params: Promise<{ locale: string }>): Promise<AppLocale> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

/**
 * The locale for the `[locale]` layout. Paths that skip locale routing (`/x.txt`) reach it
 * with a nonsense "locale". The layout must not call notFound(): it is the root layout, so
 * nothing above it could catch that and the visitor would get a blank error shell. It falls
 * back to Swedish and the page below calls notFound(), which renders the not-found page
 * inside the site's frame.
 */
export async function resolveLayoutLocale(params: Promise<{ locale: string }>): Promise<AppLocale> {
  const { locale } = await params;
  const resolved = hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
  setRequestLocale(resolved);
  return resolved;
}
