import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { HsdsImportPage } from '@/components/admin/hsds-import/hsds-import';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { listImportRuns } from '@/lib/directory/hsds-io/runs';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const ERROR_KEYS = new Set(['fileMissing', 'fileTooLarge', 'fileType', 'importRunning', 'invalid', 'unauthenticated', 'forbidden', 'notFound', 'conflict', 'rateLimited']);

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminImport' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

export default async function AdminImportPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/import', locale }));
  if (!can(actor, 'directory.importExport', null)) return <NotAllowed />;
  const error = (await searchParams).fel;
  const errorKey = typeof error === 'string' && ERROR_KEYS.has(error) ? error : undefined;
  return <HsdsImportPage locale={locale} runs={await listImportRuns(actor)} errorKey={errorKey} />;
}
