import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ListingConfirmation } from '@/components/directory/freshness/listing-confirmation';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { resolveLocale } from '@/i18n/params';
import { findConfirmation } from '@/lib/directory/freshness';

interface PageProps {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Freshness' });
  return {
    ...(await buildPageMetadata(locale, t('metaTitle'), t('metaDescription'))),
    // The token is in the address: never send it on as a referrer, never index the page.
    referrer: 'no-referrer',
    robots: { index: false, follow: false },
  };
}

/** The mailed "still correct" link: reading it changes nothing, the form's POST confirms. */
export default async function ConfirmListingPage({ params, searchParams }: PageProps) {
  await resolveLocale(params);
  const { token } = await params;
  const lookup = await findConfirmation(token);
  const justConfirmed = (await searchParams).klart === 'bekraftad';
  return <ListingConfirmation token={token} lookup={lookup} justConfirmed={justConfirmed} />;
}
