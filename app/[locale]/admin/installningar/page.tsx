import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { ThesaurusAdmin, type ThesaurusOutcome } from '@/components/admin/thesaurus/thesaurus-admin';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import type { AppLocale } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { listCategoryOptions, listThesaurusEntries } from '@/lib/search/thesaurus/admin';
import { thesaurusErrors } from '@/lib/search/thesaurus/schemas';
import { getThesaurusUsage } from '@/lib/search/thesaurus/usage';

type SearchParams = Record<string, string | string[] | undefined>;

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);
const count = (value: string | string[] | undefined) => {
  const text = single(value);
  return text && /^\d{1,6}$/.test(text) ? Number(text) : 0;
};

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminThesaurus' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

/** The outcome of the last change, from the redirect back here; only known keys are shown. */
async function outcomeOf(query: SearchParams, locale: AppLocale): Promise<ThesaurusOutcome | undefined> {
  const status = single(query.status);
  if (status === 'created' || status === 'updated') return { kind: status };
  if (status === 'deleted') return { kind: 'deleted', input: (single(query.uppslag) ?? '').slice(0, 80) };
  if (status === 'defaultsLoaded') return { kind: 'defaultsLoaded', added: count(query.nya), updated: count(query.uppdaterade), kept: count(query.behallna) };
  const error = single(query.fel);
  if (!thesaurusErrors.isKey(error)) return undefined;
  const t = await getTranslations({ locale, namespace: 'AdminThesaurus' });
  return { kind: 'error', message: t(`errors.${error}`) };
}

export default async function AdminThesaurusPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/installningar', locale }));
  if (!can(actor, 'directory.settings', null)) return <NotAllowed />;

  const query = await searchParams;
  const [entries, usage, categories, outcome] = await Promise.all([
    listThesaurusEntries(actor, { page: single(query.sida), q: single(query.q), topic: single(query.amne), activity: single(query.visa) }),
    can(actor, 'searchStats.read', null) ? getThesaurusUsage(actor) : null,
    listCategoryOptions(actor, locale),
    outcomeOf(query, locale),
  ]);
  const categoryNames = Object.fromEntries(categories.map((c) => [c.slug, c.name]));
  return <ThesaurusAdmin entries={entries} usage={usage} categoryNames={categoryNames} locale={locale} outcome={outcome} />;
}
