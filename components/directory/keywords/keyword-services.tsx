import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { getPathname, Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { SERVICE_FILTER_MAX_LENGTH } from '@/lib/directory/keyword-schemas';
import type { KeywordServicePage } from '@/lib/directory/keywords';
import './keywords.css';

interface KeywordServicesProps {
  services: KeywordServicePage;
  locale: AppLocale;
  isCoordinator: boolean;
  /** Per service: whether this person may propose changes to it, and whether a proposal is pending. */
  proposalMarkers?: Record<string, { canPropose: boolean; isPending: boolean }>;
  /** The association's change proposals panel (new services, the notice after sending), shown after the introduction. */
  proposalsPanel?: ReactNode;
}

/** Services whose keywords this person may change, with the keywords they have now. */
export function KeywordServices({ services, locale, isCoordinator, proposalMarkers = {}, proposalsPanel }: KeywordServicesProps) {
  const t = useTranslations('ServiceKeywords');
  const tp = useTranslations('Proposals.own');
  const { filter } = services;
  const pageHref = (page: number) => ({
    pathname: '/konto/tjanster' as const,
    query: { ...(filter.q ? { q: filter.q } : {}), ...(page > 1 ? { sida: String(page) } : {}) },
  });
  // A name search helps when there are many services; a handful are easier read than searched.
  const hasSearch = isCoordinator || services.total > 10 || Boolean(filter.q);

  return (
    <div className="container container--text info-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {isCoordinator ? <p>{t('leadCoordinator')}</p> : null}
      {proposalsPanel}

      {hasSearch ? (
        <form method="get" action={getPathname({ href: '/konto/tjanster', locale })} className="admin-search" role="search">
          <div className="form-field">
            <label htmlFor="tjanst-sok">{t('searchLabel')}</label>
            <span className="inline-form__controls">
              <input id="tjanst-sok" name="q" type="search" defaultValue={filter.q} maxLength={SERVICE_FILTER_MAX_LENGTH} />
              <button type="submit" className="button">
                {t('search')}
              </button>
            </span>
          </div>
          {filter.q ? (
            <p>
              <Link href="/konto/tjanster">{t('showAll')}</Link>
            </p>
          ) : null}
        </form>
      ) : null}

      <section aria-labelledby="tjanster">
        <h2 id="tjanster">{t('listHeading')}</h2>
        {services.total === 0 && !filter.q ? (
          <p>{t('noServices')}</p>
        ) : (
          <>
            <p role="status">{t('count', { count: services.total })}</p>
            {services.items.length === 0 ? <p>{t('noResults')}</p> : null}
            <ul className="keyword-list">
              {services.items.map((service) => (
                <li key={service.id} className="card">
                  <h3 className="card__title">
                    {service.name}
                    {service.status === 'ACTIVE' ? null : <span className="tag tag--warning">{t(`status.${service.status}`)}</span>}
                    {proposalMarkers[service.id]?.isPending ? <span className="tag">{tp('pendingTag')}</span> : null}
                  </h3>
                  <p className="card__meta">{service.organizationName}</p>
                  {service.keywords.length > 0 ? (
                    <ul className="keyword-chips" aria-label={t('keywordCount', { count: service.keywords.length })}>
                      {service.keywords.map((keyword) => (
                        <li key={keyword}>{keyword}</li>
                      ))}
                    </ul>
                  ) : (
                    <p>{t('keywordCount', { count: 0 })}</p>
                  )}
                  <p>
                    <Link href={`/konto/tjanster/${service.slug}`}>
                      {t('editKeywords')}
                      <span className="visually-hidden">: {service.name}</span>
                    </Link>
                  </p>
                  {proposalMarkers[service.id]?.canPropose ? (
                    <p>
                      <Link href={`/konto/tjanster/${service.slug}/andra`}>
                        {tp('proposeLink')}
                        <span className="visually-hidden">: {service.name}</span>
                      </Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
        {services.pageCount > 1 ? (
          <nav aria-label={t('pagination')} className="pagination">
            {services.page > 1 ? <Link href={pageHref(services.page - 1)}>{t('previous')}</Link> : null}
            <span>{t('pageOf', { page: services.page, pages: services.pageCount })}</span>
            {services.page < services.pageCount ? <Link href={pageHref(services.page + 1)}>{t('next')}</Link> : null}
          </nav>
        ) : null}
      </section>
      <p className="back-link">
        <Link href="/konto">{t('backToAccount')}</Link>
      </p>
    </div>
  );
}
