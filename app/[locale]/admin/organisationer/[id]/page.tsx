import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { NotAllowed } from '@/components/admin/not-allowed';
import { LocationForm, OrganizationForm, OrganizationProfileForm } from '@/components/admin/organizations/organization-forms';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import type { AppLocale } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { confirmOrganizationAction, removeLocationAction, setOrganizationActiveAction } from '@/lib/directory/organization-actions';
import { getOrganizationForEdit, listMunicipalityChoices } from '@/lib/directory/organization-editor';
import { organizationErrors, type OrganizationSuccessKey } from '@/lib/directory/organization-schemas';
import { isAppError } from '@/lib/errors/app-error';
import '@/components/admin/directory-admin.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const SUCCESS_KEYS: readonly OrganizationSuccessKey[] = ['created', 'updated', 'confirmed', 'deactivated', 'reactivated', 'locationSaved', 'locationRemoved'];

/** The signed-in actor and the organisation, shared by the metadata and the page; null: not allowed. */
const load = cache(async (locale: AppLocale, id: string) => {
  const actor = await requireSignedIn(getPathname({ href: `/admin/organisationer/${encodeURIComponent(id)}`, locale }));
  if (!can(actor, 'organization.editProfile', { organizationId: id })) return null;
  try {
    return { actor, organization: await getOrganizationForEdit(actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const [t, loaded] = await Promise.all([getTranslations({ locale, namespace: 'AdminOrganizations' }), load(locale, id)]);
  const title = loaded ? t('editTitle', { name: loaded.organization.name }) : t('title');
  return { ...(await buildPageMetadata(locale, title, t('description'))), robots: { index: false, follow: false } };
}

export default async function EditOrganizationPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const loaded = await load(locale, id);
  if (!loaded) return <NotAllowed />;
  const { actor, organization } = loaded;
  const isCoordinator = can(actor, 'service.manage', null);
  const query = await searchParams;
  const [t, format, municipalities] = await Promise.all([
    getTranslations({ locale, namespace: 'AdminOrganizations' }),
    getFormatter({ locale }),
    isCoordinator ? listMunicipalityChoices(actor) : [],
  ]);
  const done = typeof query.klart === 'string' ? SUCCESS_KEYS.find((key) => key === query.klart) : undefined;
  const failed = typeof query.fel === 'string' && organizationErrors.isKey(query.fel) ? query.fel : undefined;

  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('editTitle', { name: organization.name })}</h1>
      {done ? (
        <p className="form-success" role="status">
          {t(`status.${done}`)}
        </p>
      ) : null}
      {failed ? (
        <p className="form-error" role="alert">
          {t(`errors.${failed}`)}
          {failed === 'hasActiveServices' ? ` ${t('activeServices', { count: organization.activeServiceCount })}` : null}
        </p>
      ) : null}
      <p>{t('slugNote', { slug: organization.slug })}</p>
      {organization.kind === 'ASSOCIATION' && organization.isActive ? (
        <p>
          <Link href={`/foreningar/${organization.slug}`}>{t('viewPublic')}</Link>
        </p>
      ) : null}

      {isCoordinator ? (
        <OrganizationForm locale={locale} organization={organization} municipalities={municipalities} />
      ) : (
        <>
          <p className="lead">{t('profileIntro')}</p>
          <OrganizationProfileForm locale={locale} organization={organization} />
        </>
      )}

      {isCoordinator ? (
        <>
          <section aria-labelledby="bekrafta" className="form-section">
            <h2 id="bekrafta" tabIndex={-1}>
              {t('confirmHeading')}
            </h2>
            <p>
              {organization.lastConfirmedAt
                ? t('confirmedAt', { date: format.dateTime(organization.lastConfirmedAt, { dateStyle: 'long', timeZone: 'Europe/Stockholm' }) })
                : t('neverConfirmed')}
            </p>
            <form action={confirmOrganizationAction}>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="id" value={organization.id} />
              <button type="submit" className="button button--secondary">
                {t('confirm')}
              </button>
            </form>
          </section>

          <section aria-labelledby="aktiv" className="form-section">
            <h2 id="aktiv" tabIndex={-1}>
              {t('activeHeading')}
            </h2>
            <p>{organization.isActive ? t('isActiveNow') : t('isInactiveNow')}</p>
            {organization.isActive ? <p>{t('activeServices', { count: organization.activeServiceCount })}</p> : <p>{t('reactivateNote')}</p>}
            <form action={setOrganizationActiveAction}>
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="id" value={organization.id} />
              <input type="hidden" name="isActive" value={organization.isActive ? 'false' : 'true'} />
              {organization.isActive && organization.activeServiceCount > 0 ? (
                <div className="checkbox checkbox--single">
                  <input id="avaktivera-tjanster" type="checkbox" name="alsoDeactivateServices" value="on" />
                  <label htmlFor="avaktivera-tjanster">{t('alsoDeactivate', { count: organization.activeServiceCount })}</label>
                </div>
              ) : null}
              <button type="submit" className="button button--secondary">
                {organization.isActive ? t('deactivate') : t('reactivate')}
              </button>
            </form>
          </section>

          <section aria-labelledby="platser" className="form-section">
            <h2 id="platser" tabIndex={-1}>
              {t('locationsHeading')}
            </h2>
            <p>{t('locationsIntro')}</p>
            {organization.locations.length === 0 ? <p>{t('noLocations')}</p> : null}
            {organization.locations.map((location) => (
              <section key={location.id} id={`plats-${location.id}`} aria-labelledby={`plats-${location.id}-rubrik`} className="form-section">
                <h3 id={`plats-${location.id}-rubrik`}>
                  {location.name}
                  {location.isProtected ? <span className="tag">{t('protectedTag')}</span> : null}
                </h3>
                <LocationForm locale={locale} organizationId={organization.id} location={location} municipalities={municipalities} />
                {location.serviceCount > 0 ? (
                  <p>{t('locationInUseNote', { count: location.serviceCount })}</p>
                ) : (
                  <form action={removeLocationAction}>
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="id" value={organization.id} />
                    <input type="hidden" name="locationId" value={location.id} />
                    <button type="submit" className="button button--secondary">
                      {t('removeLocation', { name: location.name })}
                    </button>
                  </form>
                )}
              </section>
            ))}
            <section aria-labelledby="ny-plats-rubrik" className="form-section">
              <h3 id="ny-plats-rubrik">{t('newLocationHeading')}</h3>
              <LocationForm locale={locale} organizationId={organization.id} location={null} municipalities={municipalities} />
            </section>
          </section>

          <p className="back-link">
            <Link href="/admin/organisationer">{t('backToList')}</Link>
          </p>
        </>
      ) : null}
    </div>
  );
}
