'use client';

import { useLocale } from 'next-intl';
import { getPathname, usePathname } from '@/i18n/navigation';
import { localeNames, routing, textDirection } from '@/i18n/routing';

/**
 * Plain links (a full page load, so `<html lang dir>` changes with the language) to the same
 * page in every language. Rendered on the server too, so it works without JavaScript.
 */
export function LanguageSwitcher({ label }: { label: string }) {
  const currentLocale = useLocale();
  const pathname = usePathname();
  return (
    <nav className="language-switcher" aria-label={label}>
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <a
              href={getPathname({ href: pathname, locale })}
              hrefLang={locale}
              lang={locale}
              dir={textDirection(locale)}
              aria-current={locale === currentLocale ? 'true' : undefined}
            >
              {localeNames[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
