import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { loadServiceFormMessages } from '@/components/directory/service-form/messages';
import { ServiceForm } from '@/components/directory/service-form/service-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { weekdayName } from '@/lib/directory/opening-hours-display';
import { proposeNewServiceAction } from '@/lib/directory/proposal-actions';
import { getNewServiceProposalOptions, listProposingOrganizations } from '@/lib/directory/proposals';
import { emptyServiceInput, formValuesOf } from '@/lib/directory/service-input';
import '@/components/directory/service-form/service-form.css';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Proposals.form' });
  return { ...(await buildPageMetadata(locale, t('newTitle'), t('newIntro'))), robots: { index: false, follow: false } };
}

/**
 * /konto/tjanster/ny: a new service proposed for one of the person's associations. With several
 * associations the person first chooses one (a plain GET form, `?forening=<id>`).
 */
export default async function ProposeNewServicePage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/konto/tjanster/ny', locale }));
  const [organizations, t, query] = await Promise.all([listProposingOrganizations(actor), getTranslations({ locale, namespace: 'Proposals' }), searchParams]);
  const chosen = organizations.length === 1 ? organizations[0] : organizations.find((o) => o.id === query.forening);

  const back = (
    <p className="back-link">
      <Link href="/konto/tjanster">{t('form.backToList')}</Link>
    </p>
  );
  if (organizations.length === 0) {
    return (
      <div className="container container--text info-page">
        <h1>{t('form.newTitle')}</h1>
        <p className="lead">{t('form.noOrganizations')}</p>
        {back}
      </div>
    );
  }
  if (!chosen) {
    return (
      <div className="container container--text info-page">
        <h1>{t('form.newTitle')}</h1>
        <p className="lead">{t('form.newIntro')}</p>
        <form method="get" action={getPathname({ href: '/konto/tjanster/ny', locale })} className="form">
          <div className="form-field">
            <label htmlFor="forening">{t('form.chooseOrganization')}</label>
            <p id="forening-hint" className="form-hint">
              {t('form.chooseOrganizationHint')}
            </p>
            <select id="forening" name="forening" aria-describedby="forening-hint" defaultValue={organizations[0]?.id}>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t('form.chooseSubmit')}
          </button>
        </form>
        {back}
      </div>
    );
  }

  const [options, messages] = await Promise.all([getNewServiceProposalOptions(actor, chosen.id), loadServiceFormMessages(locale)]);
  return (
    <div className="container container--text info-page">
      <h1>{t('form.newTitle')}</h1>
      <p className="lead">{t('form.newIntro')}</p>
      <p>{t('form.organizationFixed', { organization: chosen.name })}</p>
      <p className="notice">
        <strong>{t('form.notPublic')}</strong>
      </p>
      <ServiceForm
        mode="proposal"
        initial={formValuesOf(emptyServiceInput(chosen.id))}
        options={options}
        action={proposeNewServiceAction}
        hidden={{ locale }}
        submitLabel={t('form.submit')}
        messages={messages}
        locale={locale}
        weekdayNames={[1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(locale, d))}
      />
      {back}
    </div>
  );
}
