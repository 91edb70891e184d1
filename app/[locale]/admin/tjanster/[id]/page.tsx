import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { NotAllowed } from '@/components/admin/not-allowed';
import { loadServiceFormMessages } from '@/components/directory/service-form/messages';
import { ServiceForm } from '@/components/directory/service-form/service-form';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import type { AppLocale } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { weekdayName } from '@/lib/directory/opening-hours-display';
import { confirmServiceAction, setServiceStatusAction, updateServiceAction } from '@/lib/directory/service-actions';
import { freshnessOf, getServiceFormOptions, loadServiceInput } from '@/lib/directory/service-editor';
import { formValuesOf, serviceFormErrors } from '@/lib/directory/service-input';
import { isAppError } from '@/lib/errors/app-error';
import '@/components/directory/service-form/service-form.css';

interface PageProps {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const DONE = ['created', 'saved', 'confirmed', 'deactivated', 'reactivated'] as const;

/** The signed-in coordinator and the service, shared by the metadata and the page; null: not allowed. */
const loadService = cache(async (locale: AppLocale, id: string) => {
  const actor = await requireSignedIn(getPathname({ href: `/admin/tjanster/${encodeURIComponent(id)}`, locale }));
  if (!can(actor, 'service.manage', null)) return null;
  try {
    return { actor, service: await loadServiceInput(actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const [t, loaded] = await Promise.all([getTranslations({ locale, namespace: 'AdminServices' }), loadService(locale, id)]);
  const title = loaded ? t('editTitle', { name: loaded.service.input.name }) : t('title');
  return { ...(await buildPageMetadata(locale, title, t('description'))), robots: { index: false, follow: false } };
}

export default async function EditServicePage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const loaded = await loadService(locale, id);
  if (!loaded) return <NotAllowed />;
  const { actor, service } = loaded;
  const query = await searchParams;
  const [t, tf, options, messages] = await Promise.all([
    getTranslations({ locale, namespace: 'AdminServices' }),
    getTranslations({ locale, namespace: 'ServiceForm' }),
    getServiceFormOptions(actor, service.input.organizationId),
    loadServiceFormMessages(locale),
  ]);
  const done = DONE.find((d) => d === query.klart);
  const failed = typeof query.fel === 'string' && serviceFormErrors.isKey(query.fel) ? query.fel : null;
  const freshness = freshnessOf(service.lastConfirmedAt);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Stockholm' });
  const isActive = service.status === 'ACTIVE';
  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('editTitle', { name: service.input.name })}</h1>
      {done ? (
        <p className="form-success" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {failed ? (
        <p className="form-error" role="alert">
          {tf(`errors.${failed}`)}
        </p>
      ) : null}

      <section aria-labelledby="tjanst-lage" className="form-section service-form__state">
        <h2 id="tjanst-lage">{t('stateHeading')}</h2>
        <dl>
          <dt>{t('columns.organization')}</dt>
          <dd>{service.organizationName}</dd>
          <dt>{t('columns.status')}</dt>
          <dd>{t(`status.${service.status}`)}</dd>
          <dt>{t('columns.lastConfirmed')}</dt>
          <dd>
            {service.lastConfirmedAt
              ? service.lastConfirmedBy
                ? t('confirmedBy', { date: dateFormat.format(service.lastConfirmedAt), name: service.lastConfirmedBy })
                : dateFormat.format(service.lastConfirmedAt)
              : t('neverConfirmed')}
            {freshness === 'fresh' ? null : <> {t(`freshnessTag.${freshness}`)}</>}
          </dd>
        </dl>
        {isActive ? (
          <p>
            <Link href={`/tjanster/${service.slug}`}>{t('publicPage')}</Link>
          </p>
        ) : (
          <p>{t('notPublic')}</p>
        )}
        <div className="service-form__buttons">
          <form action={confirmServiceAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="serviceId" value={id} />
            <button type="submit" className="button">
              {t('confirm')}
            </button>
          </form>
          <form action={setServiceStatusAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="serviceId" value={id} />
            <input type="hidden" name="status" value={isActive ? 'INACTIVE' : 'ACTIVE'} />
            <button type="submit" className={isActive ? 'button button--danger' : 'button button--secondary'}>
              {isActive ? t('deactivate') : t('reactivate')}
            </button>
          </form>
        </div>
        <p className="form-hint">{isActive ? t('deactivateHint') : t('reactivateHint')}</p>
      </section>

      <ServiceForm
        mode="coordinator"
        initial={formValuesOf(service.input)}
        options={options}
        action={updateServiceAction}
        hidden={{ locale, serviceId: id, version: service.version }}
        submitLabel={t('save')}
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
