import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { isAppError } from '@/lib/errors/app-error';
import { deleteThesaurusEntryAction } from '@/lib/search/thesaurus/actions';
import { getThesaurusEntry, type ThesaurusEntryItem } from '@/lib/search/thesaurus/admin';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminThesaurus' });
  return { ...(await buildPageMetadata(locale, t('deleteHeading'), t('description'))), robots: { index: false, follow: false } };
}

/**
 * Deleting asks first, on a page of its own: a plain form that works the same without
 * JavaScript, and a slip on the edit page cannot delete anything.
 */
export default async function DeleteThesaurusEntryPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const actor = await requireSignedIn(getPathname({ href: `/admin/installningar/${encodeURIComponent(id)}/radera`, locale }));
  if (!can(actor, 'directory.settings', null)) return <NotAllowed />;
  let entry: ThesaurusEntryItem;
  try {
    entry = await getThesaurusEntry(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const t = await getTranslations({ locale, namespace: 'AdminThesaurus' });
  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('deleteTitle', { input: entry.input })}</h1>
      <p className="lead">{t('deleteIntro')}</p>
      <form action={deleteThesaurusEntryAction} className="inline-form">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="id" value={entry.id} />
        <button type="submit" className="button button--danger">
          {t('deleteConfirm')}
        </button>
        <Link href={`/admin/installningar/${entry.id}`}>{t('deleteCancel')}</Link>
      </form>
    </div>
  );
}
