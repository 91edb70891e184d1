import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { listOrganizations } from '@/lib/directory/organization-editor';
import { ACTIVITY_FILTERS, ORGANIZATION_KINDS } from '@/lib/directory/organization-schemas';
// The admin pages' tables and filters (.admin-table, .table-scroll, .admin-filter).
import '@/components/admin/thesaurus/thesaurus.css';

type SearchParams = Record<string, string | string[] | undefined>;

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
}

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'AdminOrganizations' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

export default async function AdminOrganizationsPage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/organisationer', locale }));
  if (!can(actor, 'service.manage', null)) return <NotAllowed />;
  const query = await searchParams;
  const [t, format, list] = await Promise.all([
    getTranslations({ locale, namespace: 'AdminOrganizations' }),
    getFormatter({ locale }),
    listOrganizations(actor, { page: single(query.sida), q: single(query.q), kind: single(query.typ), activity: single(query.visa) }),
  ]);
  const { filter } = list;
  const isFiltered = Boolean(filter.q || filter.kind || filter.activity !== 'all');
  const pageHref = (page: number) => ({
    pathname: '/admin/organisationer' as const,
    query: {
      ...(filter.q ? { q: filter.q } : {}),
      ...(filter.kind ? { typ: filter.kind } : {}),
      ...(filter.activity !== 'all' ? { visa: filter.activity } : {}),
      ...(page > 1 ? { sida: String(page) } : {}),
    },
  });

  return (
    <div className="container info-page admin-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>
        <Link href="/admin/organisationer/ny" className="button">
          {t('newOrganization')}
        </Link>
      </p>

      <form method="get" action={getPathname({ href: '/admin/organisationer', locale })} className="admin-filter" role="search" aria-labelledby="filter-rubrik">
        <h2 id="filter-rubrik" className="admin-filter__heading">
          {t('filterHeading')}
        </h2>
        <div className="admin-filter__fields">
          <div className="form-field">
            <label htmlFor="filter-q">{t('filterText')}</label>
            <input id="filter-q" name="q" type="search" defaultValue={filter.q} maxLength={80} />
          </div>
          <div className="form-field">
            <label htmlFor="filter-typ">{t('filterKind')}</label>
            <select id="filter-typ" name="typ" defaultValue={filter.kind ?? ''}>
              <option value="">{t('allKinds')}</option>
              {ORGANIZATION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="filter-visa">{t('filterActivity')}</label>
            <select id="filter-visa" name="visa" defaultValue={filter.activity}>
              {ACTIVITY_FILTERS.map((activity) => (
                <option key={activity} value={activity}>
                  {t(`activity.${activity}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="admin-filter__actions">
          <button type="submit" className="button">
            {t('filter')}
          </button>
          {isFiltered ? <Link href="/admin/organisationer">{t('showAll')}</Link> : null}
        </p>
      </form>

      <section aria-labelledby="lista">
        <h2 id="lista" className="visually-hidden">
          {t('caption')}
        </h2>
        <p role="status">{t('count', { count: list.total })}</p>
        {list.items.length === 0 ? (
          isFiltered ? (
            <p>{t('noResults')}</p>
          ) : null
        ) : (
          <div className="table-scroll" role="region" aria-label={t('tableScrollLabel')} tabIndex={0}>
            <table className="admin-table">
              <caption className="visually-hidden">{t('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columns.name')}</th>
                  <th scope="col">{t('columns.kind')}</th>
                  <th scope="col">{t('columns.municipality')}</th>
                  <th scope="col">{t('columns.services')}</th>
                  <th scope="col">{t('columns.confirmed')}</th>
                  <th scope="col">{t('columns.isActive')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">
                      <Link href={`/admin/organisationer/${o.id}`}>{o.name}</Link>
                    </th>
                    <td>{t(`kinds.${o.kind}`)}</td>
                    <td>{o.municipalityName ?? ''}</td>
                    <td>{format.number(o.serviceCount)}</td>
                    <td>{o.lastConfirmedAt ? format.dateTime(o.lastConfirmedAt, { dateStyle: 'medium', timeZone: 'Europe/Stockholm' }) : t('never')}</td>
                    <td>{o.isActive ? t('yes') : t('no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.pageCount > 1 ? (
          <nav aria-label={t('pagination')} className="pagination">
            {list.page > 1 ? <Link href={pageHref(list.page - 1)}>{t('previous')}</Link> : null}
            <span>{t('pageOf', { page: list.page, pages: list.pageCount })}</span>
            {list.page < list.pageCount ? <Link href={pageHref(list.page + 1)}>{t('next')}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
