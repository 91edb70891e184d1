import type { Metadata } from 'next';
import { SettingsListPage, settingsTitle } from '@/components/admin/settings/settings-pages';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { resolveLocale } from '@/i18n/params';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { title, description } = await settingsTitle('targetGroups', locale);
  return { ...(await buildPageMetadata(locale, title, description)), robots: { index: false, follow: false } };
}

export default async function Page({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  return <SettingsListPage kind="targetGroups" locale={locale} query={await searchParams} />;
}
