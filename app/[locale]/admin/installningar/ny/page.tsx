import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { EntryFormPanel } from '@/components/admin/thesaurus/entry-form-panel';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { listCategoryOptions, listThesaurusTopics } from '@/lib/search/thesaurus/admin';
import { cleanPhrase, PHRASE_MAX_LENGTH } from '@/lib/search/thesaurus/schemas';
import '@/components/admin/thesaurus/thesaurus.css';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminThesaurus' });
  return { ...(await buildPageMetadata(locale, t('newTitle'), t('description'))), robots: { index: false, follow: false } };
}

export default async function NewThesaurusEntryPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/installningar/ny', locale }));
  if (!can(actor, 'directory.settings', null)) return <NotAllowed />;
  // "Skapa uppslag" on the to-do list brings the search it came from; it is only a suggestion.
  const { uppslag } = await searchParams;
  const suggested = typeof uppslag === 'string' ? cleanPhrase(uppslag).slice(0, PHRASE_MAX_LENGTH) : '';
  const [t, categoryOptions, topics] = await Promise.all([
    getTranslations({ locale, namespace: 'AdminThesaurus' }),
    listCategoryOptions(actor, locale),
    listThesaurusTopics(actor),
  ]);
  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('newTitle')}</h1>
      <p className="lead">{t('newIntro')}</p>
      <EntryFormPanel
        locale={locale}
        initial={{ input: suggested, synonyms: '', categories: [], topic: '', isMutual: false, isActive: true }}
        categoryOptions={categoryOptions}
        topics={topics}
      />
      <p className="back-link">
        <Link href="/admin/installningar">{t('backToList')}</Link>
      </p>
    </div>
  );
}
