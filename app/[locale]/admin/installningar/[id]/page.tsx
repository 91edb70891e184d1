import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { NotAllowed } from '@/components/admin/not-allowed';
import { EntryFormPanel } from '@/components/admin/thesaurus/entry-form-panel';
import { EntryUsage } from '@/components/admin/thesaurus/entry-usage';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import type { AppLocale } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { isAppError } from '@/lib/errors/app-error';
import { getThesaurusEntry, listCategoryOptions, listThesaurusTopics } from '@/lib/search/thesaurus/admin';
import { getThesaurusUsage } from '@/lib/search/thesaurus/usage';
import '@/components/admin/thesaurus/thesaurus.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
}

/** The signed-in coordinator and the entry, shared by the metadata and the page; null: not allowed. */
const loadEntry = cache(async (locale: AppLocale, id: string) => {
  const actor = await requireSignedIn(getPathname({ href: `/admin/installningar/${encodeURIComponent(id)}`, locale }));
  if (!can(actor, 'directory.settings', null)) return null;
  try {
    return { actor, entry: await getThesaurusEntry(actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const [t, loaded] = await Promise.all([getTranslations({ locale, namespace: 'AdminThesaurus' }), loadEntry(locale, id)]);
  const title = loaded ? t('editTitle', { input: loaded.entry.input }) : t('title');
  return { ...(await buildPageMetadata(locale, title, t('description'))), robots: { index: false, follow: false } };
}

export default async function EditThesaurusEntryPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const loaded = await loadEntry(locale, id);
  if (!loaded) return <NotAllowed />;
  const { actor, entry } = loaded;
  const [t, categoryOptions, topics, usage] = await Promise.all([
    getTranslations({ locale, namespace: 'AdminThesaurus' }),
    listCategoryOptions(actor, locale),
    listThesaurusTopics(actor),
    can(actor, 'searchStats.read', null) ? getThesaurusUsage(actor) : null,
  ]);
  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('editTitle', { input: entry.input })}</h1>
      <p className="lead">{t('editIntro')}</p>
      {entry.isDefault ? <p className="notice">{t('defaultNote')}</p> : null}
      <EntryFormPanel
        locale={locale}
        entryId={entry.id}
        initial={{
          input: entry.input,
          synonyms: entry.synonyms.join('\n'),
          categories: entry.categories,
          topic: entry.topic,
          isMutual: entry.isMutual,
          isActive: entry.isActive,
        }}
        categoryOptions={categoryOptions}
        topics={topics}
      />
      {usage ? <EntryUsage entry={entry} usage={usage} /> : null}
      <section aria-labelledby="ta-bort" className="form-section">
        <h2 id="ta-bort">{t('deleteHeading')}</h2>
        <p>
          <Link href={`/admin/installningar/${entry.id}/radera`}>{t('deleteLink')}</Link>
        </p>
      </section>
      <p className="back-link">
        <Link href="/admin/installningar">{t('backToList')}</Link>
      </p>
    </div>
  );
}
