import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { IssueListsView } from '@/components/workshop/issues/issue-lists';
import { stateVocabularyFor } from '@/components/workshop/issues/issue-state';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { issueSuccessKeyOf } from '@/lib/workshop/issue-forms';
import { getFilingOptions, listIssuesFor } from '@/lib/workshop/queries';
import '@/components/admin/thesaurus/thesaurus.css';
import '@/components/workshop/issues/issues.css';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Workshop' });
  return { ...(await buildPageMetadata(locale, t('listTitle'), t('listDescription'))), robots: { index: false, follow: false } };
}

/** The signed-in workshop: our issues, my queue, the network's issues. */
export default async function WorkshopPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/verkstad', locale }));
  const [t, lists, options] = await Promise.all([getTranslations({ locale, namespace: 'Workshop' }), listIssuesFor(actor), getFilingOptions(actor)]);
  const success = issueSuccessKeyOf((await searchParams).klart);
  const isFiler = options.organizations.length > 0 || lists.own.length > 0;
  const isOfficial = actor.memberships.some((m) => m.role === 'OFFICIAL');
  const isCoordinator = can(actor, 'issue.triage', null);
  return (
    <div className="container info-page workshop-issues">
      <h1>{t('listTitle')}</h1>
      <p className="lead">{t('listLead')}</p>
      {success ? (
        <p className="form-success" role="status">
          {t(`success.${success}`)}
        </p>
      ) : null}
      <ul className="action-links">
        {isCoordinator ? (
          <li>
            <Link href="/admin/verkstad">{t('adminLink')}</Link>
          </li>
        ) : null}
        {can(actor, 'minutes.read', null) ? (
          <li>
            <Link href="/verkstad/moten">{t('minutesLink')}</Link>
          </li>
        ) : null}
        <li>
          <Link href="/synergiverkstad">{t('publicLink')}</Link>
        </li>
      </ul>
      <IssueListsView lists={lists} isFiler={isFiler} isOfficial={isOfficial} networkVocabulary={stateVocabularyFor(actor, false)} />
    </div>
  );
}
