import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { loadServiceFormMessages } from '@/components/directory/service-form/messages';
import { ServiceForm } from '@/components/directory/service-form/service-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { weekdayName } from '@/lib/directory/opening-hours-display';
import { createServiceAction } from '@/lib/directory/service-actions';
import { getServiceFormOptions } from '@/lib/directory/service-editor';
import { emptyServiceInput, formValuesOf } from '@/lib/directory/service-input';
import '@/components/directory/service-form/service-form.css';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminServices' });
  return { ...(await buildPageMetadata(locale, t('newTitle'), t('description'))), robots: { index: false, follow: false } };
}

export default async function NewServicePage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/tjanster/ny', locale }));
  if (!can(actor, 'service.manage', null)) return <NotAllowed />;
  const chosen = (await searchParams).organisation;
  const organizationId = typeof chosen === 'string' ? chosen : '';
  const [t, options, messages] = await Promise.all([
    getTranslations({ locale, namespace: 'AdminServices' }),
    getServiceFormOptions(actor, organizationId || null),
    loadServiceFormMessages(locale),
  ]);
  const known = options.organizations.some((o) => o.id === organizationId) ? organizationId : '';
  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('newTitle')}</h1>
      <p className="lead">{t('newLead')}</p>
      {/* Choosing the organisation first offers its existing places in the form. */}
      <form method="get" className="form form--inline service-form__organization" aria-labelledby="ny-forening">
        <h2 id="ny-forening">{t('chooseOrganizationHeading')}</h2>
        <div className="form-field">
          <label htmlFor="ny-organisation">{t('chooseOrganization')}</label>
          <select id="ny-organisation" name="organisation" defaultValue={known}>
            <option value="">{t('chooseOrganizationNone')}</option>
            {options.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('chooseOrganizationSubmit')}
        </button>
      </form>
      <ServiceForm
        mode="coordinator"
        initial={formValuesOf(emptyServiceInput(known))}
        options={options}
        action={createServiceAction}
        hidden={{ locale }}
        submitLabel={t('create')}
        messages={messages}
        locale={locale}
        weekdayNames={[1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(locale, d))}
      />
      <p className="back-link">
        <Link href="/admin/tjanster">{t('backToList')}</Link>
      </p>
    </div>
  );
}
