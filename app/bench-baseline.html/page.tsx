import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { routing } from '@/i18n/routing';

/**
 * The benchmark's static reference page (docs/decisions/0022-benchmark.md): prerendered at
 * build time and served from the build output, with no data, no session and no client code,
 * so `npm run bench` can compare the throughput of the real pages with what the same build
 * serves when it renders nothing. Outside app/[locale] (every page there is rendered per
 * request for the CSP nonce) and named like a file, so the proxy leaves its path alone.
 */
export const dynamic = 'force-static';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: routing.defaultLocale, namespace: 'BenchBaseline' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function BenchBaselinePage() {
  const t = await getTranslations({ locale: routing.defaultLocale, namespace: 'BenchBaseline' });
  return (
    <html lang={routing.defaultLocale} dir="ltr">
      <body>
        <main>
          <h1>{t('title')}</h1>
          <p>{t('body')}</p>
        </main>
      </body>
    </html>
  );
}
