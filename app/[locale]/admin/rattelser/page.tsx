import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { CORRECTION_FILTERS, type CorrectionFilter } from '@/lib/directory/correction-schemas';
import { listCorrections } from '@/lib/directory/corrections';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';
import '@/components/directory/corrections/corrections.css';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** The query string's words for the filters, so the address reads in Swedish. */
const FILTER_PARAM: Record<CorrectionFilter, string> = { NEW: 'nya', HANDLED: 'atgardade', DISMISSED: 'avfardade', ALL: 'alla' };
const filterOfParam = (value: string | undefined): CorrectionFilter =>
  (Object.entries(FILTER_PARAM).find(([, param]) => param === value)?.[0] as CorrectionFilter | undefined) ?? 'NEW';

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Corrections.admin' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

/** /admin/rattelser: the coordinator's queue of suggested corrections. */
export default async function CorrectionQueuePage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/rattelser', locale }));
  if (!can(actor, 'correction.handle', null)) return <NotAllowed />;

  const query = await searchParams;
  const [list, t, tc, format] = await Promise.all([
    listCorrections(actor, { status: filterOfParam(single(query.visa)), page: single(query.sida) }),
    getTranslations({ locale, namespace: 'Corrections.admin' }),
    getTranslations({ locale, namespace: 'Corrections' }),
    getFormatter({ locale }),
  ]);
  const href = (status: CorrectionFilter, page = 1) => ({
    pathname: '/admin/rattelser',
    query: { ...(status === 'NEW' ? {} : { visa: FILTER_PARAM[status] }), ...(page > 1 ? { sida: String(page) } : {}) },
  });
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: PORTAL_TIME_ZONE });

  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <nav aria-label={t('filterLabel')}>
        <ul className="correction-filters">
          {CORRECTION_FILTERS.map((status) => (
            <li key={status}>
              <Link href={href(status)} aria-current={list.status === status ? 'page' : undefined}>
                {t('filterCount', { label: t(`filters.${status}`), count: list.counts[status] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {list.items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="correction-list" data-testid="correction-list">
          {list.items.map((item) => (
            <li key={item.id} className="correction-list__item">
              <h2>
                <Link href={`/admin/rattelser/${item.id}`} aria-label={t('open', { service: item.service.name })}>
                  {item.service.name}
                </Link>
              </h2>
              <p className="correction-list__meta">
                {tc(`topics.${item.topic}`)} · {tc(`statuses.${item.status}`)} · {t('received')} {when(item.createdAt)} · {item.service.organizationName}
                {item.hasContact ? ` · ${t('wantsReply')}` : null}
              </p>
              <p className="correction-message">{item.excerpt}</p>
            </li>
          ))}
        </ul>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label={t('paginationLabel')} className="pagination">
          {list.page > 1 ? <Link href={href(list.status, list.page - 1)}>{t('previous')}</Link> : null}
          <span>{t('pageOf', { page: list.page, pageCount: list.pageCount })}</span>
          {list.page < list.pageCount ? <Link href={href(list.status, list.page + 1)}>{t('next')}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
