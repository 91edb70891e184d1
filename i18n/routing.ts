import { defineRouting } from 'next-intl/routing';

/**
 * Swedish is the default and lives at the root (`/om`); other languages get a prefix
 * (`/en/om`, `/ar/om`). The URL alone decides the language: residents must not be
 * tracked or surprised, so there is no locale cookie and no Accept-Language guessing.
 */
export const routing = defineRouting({
  locales: ['sv', 'en', 'ar'],
  defaultLocale: 'sv',
  localePrefix: 'as-needed',
  localeCookie: false,
  localeDetection: false,
});

export type AppLocale = (typeof routing.locales)[number];

const rightToLeftLocales: ReadonlySet<string> = new Set(['ar']);

export function textDirection(locale: string): 'ltr' | 'rtl' {
  return rightToLeftLocales.has(locale) ? 'rtl' : 'ltr';
}

/** Each language named in itself, so a reader finds their own language in the switcher. */
export const localeNames: Record<AppLocale, string> = {
  sv: 'Svenska',
  en: 'English',
  ar: 'العربية',
};
