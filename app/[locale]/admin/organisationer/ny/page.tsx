import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { OrganizationForm } from '@/components/admin/organizations/organization-forms';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { listMunicipalityChoices } from '@/lib/directory/organization-editor';
import '@/components/admin/directory-admin.css';

interface PageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminOrganizations' });
  return { ...(await buildPageMetadata(locale, t('newTitle'), t('description'))), robots: { index: false, follow: false } };
}

export default async function NewOrganizationPage({ params }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/organisationer/ny', locale }));
  if (!can(actor, 'service.manage', null)) return <NotAllowed />;
  const [t, municipalities] = await Promise.all([getTranslations({ locale, namespace: 'AdminOrganizations' }), listMunicipalityChoices(actor)]);
  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('newTitle')}</h1>
      <p className="lead">{t('newIntro')}</p>
      <OrganizationForm locale={locale} organization={null} municipalities={municipalities} />
      <p className="back-link">
        <Link href="/admin/organisationer">{t('backToList')}</Link>
      </p>
    </div>
  );
}
