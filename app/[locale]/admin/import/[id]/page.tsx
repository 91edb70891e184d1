import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { HsdsImportRunPage } from '@/components/admin/hsds-import/hsds-import';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { getImportRun } from '@/lib/directory/hsds-io/runs';
import { isAppError } from '@/lib/errors/app-error';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminImport' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

export default async function AdminImportRunPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(getPathname({ href: `/admin/import/${id}`, locale }));
  if (!can(actor, 'directory.importExport', null)) return <NotAllowed />;
  try {
    return <HsdsImportRunPage locale={locale} run={await getImportRun(actor, id)} />;
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
