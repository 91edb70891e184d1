import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { resolveLocale } from '@/i18n/params';

interface UnknownPageProps {
  params: Promise<{ locale: string }>;
}

// not-found.tsx below the root cannot set metadata, so the title of a mistyped address is set here.
export async function generateMetadata({ params }: UnknownPageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return buildPageMetadata(locale, t('title'), t('body'));
}

// Unknown paths land here so they get the localized not-found page inside the site layout,
// instead of the bare global one.
export default function UnknownPage() {
  notFound();
}
