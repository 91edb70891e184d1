import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { SearchGapsPanel } from '@/components/workshop/search-gaps';
import { triageQueryOf, TriageQueue } from '@/components/workshop/issues/triage-queue';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { listForCoordinator } from '@/lib/workshop/queries';
import { listSearchGaps } from '@/lib/workshop/search-gaps';
import '@/components/admin/thesaurus/thesaurus.css';
import '@/components/workshop/issues/issues.css';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Workshop' });
  return { ...(await buildPageMetadata(locale, t('admin.title'), t('admin.description'))), robots: { index: false, follow: false } };
}

/** The coordinator's queue: new, open, overdue and closed issues, and the searches that found nothing. */
export default async function AdminWorkshopPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/verkstad', locale }));
  if (!can(actor, 'issue.triage', null)) return <NotAllowed />;
  const query = await searchParams;
  const { filter, page } = triageQueryOf(query);
  const [t, list, gaps] = await Promise.all([getTranslations({ locale, namespace: 'Workshop' }), listForCoordinator(actor, filter, page), listSearchGaps(actor)]);
  const gapError = typeof query.fel === 'string' ? query.fel : null;
  return (
    <div className="container info-page workshop-issues">
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.lead')}</p>
      <ul className="action-links">
        <li>
          <Link href="/admin/verkstad/statistik">{t('admin.metricsLink')}</Link>
        </li>
        <li>
          <Link href="/admin/moten">{t('admin.meetingsLink')}</Link>
        </li>
        <li>
          <Link href="/verkstad">{t('admin.workshopLink')}</Link>
        </li>
      </ul>
      <TriageQueue filter={filter} page={page} rows={list.rows} total={list.total} counts={list.counts} />
      <SearchGapsPanel gaps={gaps} locale={locale} error={gapError} />
    </div>
  );
}
