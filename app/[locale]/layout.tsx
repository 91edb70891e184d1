import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { describeArea } from '@/components/layout/site-area';
import { SkipLink } from '@/components/layout/skip-link';
import { resolveLayoutLocale } from '@/i18n/params';
import { textDirection } from '@/i18n/routing';
import { getActor } from '@/lib/auth/session';
import { getSiteInfo } from '@/lib/site/site-info';
import '../globals.css';

interface LocaleLayoutProps {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0b4f6c',
};

export async function generateMetadata({ params }: LocaleLayoutProps): Promise<Metadata> {
  const locale = await resolveLayoutLocale(params);
  if (locale !== (await params).locale) {
    // Not a page in any language (e.g. /x.txt): the page below answers 404, titled as such.
    const t = await getTranslations({ locale, namespace: 'NotFound' });
    return buildPageMetadata(locale, t('title'), t('body'));
  }
  const [site, t, tSite] = await Promise.all([
    getSiteInfo(),
    getTranslations({ locale, namespace: 'Metadata' }),
    getTranslations({ locale, namespace: 'Site' }),
  ]);
  return {
    title: site.name,
    description: t('siteDescription', { area: describeArea(site, locale, tSite('areaFallback')) }),
    applicationName: site.name,
    // Help lines are linked on purpose; iOS would also turn dates and other digit runs into call links.
    formatDetection: { telephone: false, address: false, email: false },
  };
}

export default async function LocaleLayout({ children, params }: LocaleLayoutProps) {
  const locale = await resolveLayoutLocale(params);
  // Every page carries a per-request CSP nonce (see proxy.ts), which Next can only add when
  // rendering at request time, never into prerendered HTML.
  await connection();
  const [site, messages, actor] = await Promise.all([getSiteInfo(), getMessages(), getActor()]);
  const isSignedIn = actor.kind === 'user';

  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body>
        {/* Client components get only what error pages need, not every page's text. */}
        <NextIntlClientProvider messages={{ Error: messages.Error, HelpNumbers: messages.HelpNumbers }}>
          <SkipLink />
          <SiteHeader siteName={site.shortName} isSignedIn={isSignedIn} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter siteName={site.name} isSignedIn={isSignedIn} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
