import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DemoInbox } from '@/components/demo/demo-inbox';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { resolveLocale } from '@/i18n/params';
import { listDemoInbox } from '@/lib/mail/demo-inbox';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'DemoInbox' });
  return { ...(await buildPageMetadata(locale, t('title'), t('intro'))), robots: { index: false } };
}

/** The demo's caught mail (invitations, sign-in links). It does not exist in production mode. */
export default async function DemoInboxPage({ params }: PageProps) {
  await resolveLocale(params);
  const messages = await listDemoInbox();
  if (!messages) notFound();
  return <DemoInbox messages={messages} />;
}
