import type { Metadata } from 'next';
import { SettingsEditPage, settingsTitle } from '@/components/admin/settings/settings-pages';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { resolveLocale } from '@/i18n/params';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { title, description } = await settingsTitle('categories', locale);
  return { ...(await buildPageMetadata(locale, title, description)), robots: { index: false, follow: false } };
}

export default async function Page({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  return <SettingsEditPage kind="categories" locale={locale} id={id} />;
}
