/**
 * The coordinator's list of services (/admin/tjanster): a GET filter form that works without
 * JavaScript, a table with each service's organisation, status and last confirmation (stale
 * ones said in words, not colour alone), and paging.
 */
import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import type { AdminServicePage } from '@/lib/directory/service-editor';
import { SERVICE_STATUSES } from '@/lib/directory/service-input';

export interface ServiceListProps {
  page: AdminServicePage;
  organizations: { id: string; name: string }[];
  locale: AppLocale;
}

const FRESHNESS = ['fresh', 'aging', 'stale'] as const;

export function ServiceList({ page, organizations, locale }: ServiceListProps) {
  const t = useTranslations('AdminServices');
  const { filter } = page;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Stockholm' });
  const query = (p: number) => ({
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.organizationId ? { organisation: filter.organizationId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.freshness ? { aktualitet: filter.freshness } : {}),
    ...(p > 1 ? { sida: String(p) } : {}),
  });
  const isFiltered = Boolean(filter.q || filter.organizationId || filter.status || filter.freshness);
  return (
    <div className="container info-page admin-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>
        <Link href="/admin/tjanster/ny" className="button">
          {t('newService')}
        </Link>
      </p>

      <form method="get" className="admin-filter" role="search" aria-labelledby="tjanster-filter">
        <h2 id="tjanster-filter" className="admin-filter__heading">
          {t('filterHeading')}
        </h2>
        <div className="admin-filter__fields">
          <div className="form-field">
            <label htmlFor="filter-q">{t('filterText')}</label>
            <input id="filter-q" name="q" type="search" defaultValue={filter.q} maxLength={100} />
          </div>
          <div className="form-field">
            <label htmlFor="filter-organisation">{t('filterOrganization')}</label>
            <select id="filter-organisation" name="organisation" defaultValue={filter.organizationId}>
              <option value="">{t('allOrganizations')}</option>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="filter-status">{t('filterStatus')}</label>
            <select id="filter-status" name="status" defaultValue={filter.status}>
              <option value="">{t('allStatuses')}</option>
              {SERVICE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="filter-aktualitet">{t('filterFreshness')}</label>
            <select id="filter-aktualitet" name="aktualitet" defaultValue={filter.freshness}>
              <option value="">{t('allFreshness')}</option>
              {FRESHNESS.map((f) => (
                <option key={f} value={f}>
                  {t(`freshness.${f}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="admin-filter__actions">
          <button type="submit" className="button">
            {t('filter')}
          </button>
          {isFiltered ? <Link href="/admin/tjanster">{t('showAll')}</Link> : null}
        </p>
      </form>

      <section aria-labelledby="tjanster-lista">
        <h2 id="tjanster-lista">{t('listHeading')}</h2>
        <p role="status">{t('count', { count: page.total })}</p>
        {page.items.length > 0 ? (
          <div className="table-scroll" role="region" aria-labelledby="tjanster-lista" tabIndex={0}>
            <table className="admin-table">
              <caption className="visually-hidden">{t('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columns.name')}</th>
                  <th scope="col">{t('columns.organization')}</th>
                  <th scope="col">{t('columns.status')}</th>
                  <th scope="col">{t('columns.lastConfirmed')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link href={`/admin/tjanster/${s.id}`}>{s.name}</Link>
                    </th>
                    <td>{s.organizationName}</td>
                    <td>{t(`status.${s.status}`)}</td>
                    <td>
                      {s.lastConfirmedAt ? dateFormat.format(s.lastConfirmedAt) : t('neverConfirmed')}
                      {s.freshness === 'fresh' ? null : (
                        <>
                          {' '}
                          <strong className={s.freshness === 'stale' ? 'tag tag--warning' : 'tag'}>{t(`freshnessTag.${s.freshness}`)}</strong>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('noResults')}</p>
        )}
        {page.pageCount > 1 ? (
          <nav aria-label={t('pagination')} className="pagination">
            {page.page > 1 ? <Link href={{ pathname: '/admin/tjanster', query: query(page.page - 1) }}>{t('previous')}</Link> : null}
            <span>{t('pageOf', { page: page.page, pages: page.pageCount })}</span>
            {page.page < page.pageCount ? <Link href={{ pathname: '/admin/tjanster', query: query(page.page + 1) }}>{t('next')}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
