import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { KeywordServices } from '@/components/directory/keywords/keyword-services';
import { NewServiceProposals } from '@/components/directory/proposals/new-service-proposals';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { listKeywordServices } from '@/lib/directory/keywords';
import { listOwnNewServiceProposals, listProposingOrganizations, proposalMarkers } from '@/lib/directory/proposals';
import '@/components/directory/proposals/proposals.css';

type SearchParams = Record<string, string | string[] | undefined>;

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'ServiceKeywords' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

export default async function KeywordServicesPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/konto/tjanster', locale }));
  const query = await searchParams;
  const services = await listKeywordServices(actor, { page: single(query.sida), q: single(query.q) });
  const [markers, newServiceProposals, proposingOrganizations] = await Promise.all([
    proposalMarkers(actor, services.items.map((s) => s.id)),
    listOwnNewServiceProposals(actor),
    listProposingOrganizations(actor),
  ]);
  return (
    <KeywordServices
      services={services}
      locale={locale}
      isCoordinator={can(actor, 'service.manage', null)}
      proposalMarkers={markers}
      proposalsPanel={<NewServiceProposals proposals={newServiceProposals} canProposeNew={proposingOrganizations.length > 0} isSubmitted={query.klart === 'submitted'} />}
    />
  );
}
