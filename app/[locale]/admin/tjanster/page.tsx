import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { ServiceList } from '@/components/directory/admin-services/service-list';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { getServiceFormOptions, listAdminServices } from '@/lib/directory/service-editor';
import '@/components/admin/thesaurus/thesaurus.css';
import '@/components/directory/service-form/service-form.css';

type SearchParams = Record<string, string | string[] | undefined>;

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminServices' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

export default async function AdminServicesPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/tjanster', locale }));
  if (!can(actor, 'service.manage', null)) return <NotAllowed />;
  const query = await searchParams;
  const [page, options] = await Promise.all([
    listAdminServices(actor, {
      q: single(query.q),
      organizationId: single(query.organisation),
      status: single(query.status),
      freshness: single(query.aktualitet),
      page: single(query.sida),
    }),
    getServiceFormOptions(actor, null),
  ]);
  return <ServiceList page={page} organizations={options.organizations} locale={locale} />;
}
