import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { NotAllowed } from '@/components/admin/not-allowed';
import { buildPageMetadata } from '@/components/layout/page-metadata';
import { getPathname, Link } from '@/i18n/navigation';
import { resolveLocale } from '@/i18n/params';
import { requireSignedIn } from '@/lib/auth/session';
import { can } from '@/lib/authz/policy';
import { PROPOSAL_FILTERS, type ProposalFilter } from '@/lib/directory/proposal-schemas';
import { listProposals } from '@/lib/directory/proposals';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';
import '@/components/directory/proposals/proposals.css';

interface PageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** The query string's words for the filters, so the address reads in Swedish. */
const FILTER_PARAM: Record<ProposalFilter, string> = { PENDING: 'vantar', APPROVED: 'godkanda', REJECTED: 'avvisade', ALL: 'alla' };
const filterOfParam = (value: string | undefined): ProposalFilter =>
  (Object.entries(FILTER_PARAM).find(([, param]) => param === value)?.[0] as ProposalFilter | undefined) ?? 'PENDING';

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Proposals.admin' });
  return { ...(await buildPageMetadata(locale, t('title'), t('description'))), robots: { index: false, follow: false } };
}

/** /admin/forslag: the coordinator's queue of the associations' change proposals. */
export default async function ProposalQueuePage({ params, searchParams }: PageProps) {
  const locale = await resolveLocale(params);
  const actor = await requireSignedIn(getPathname({ href: '/admin/forslag', locale }));
  if (!can(actor, 'proposal.review', null)) return <NotAllowed />;

  const query = await searchParams;
  const [list, t, format] = await Promise.all([
    listProposals(actor, { status: filterOfParam(single(query.visa)), page: single(query.sida) }),
    getTranslations({ locale, namespace: 'Proposals' }),
    getFormatter({ locale }),
  ]);
  const href = (status: ProposalFilter, page = 1) => ({
    pathname: '/admin/forslag',
    query: { ...(status === 'PENDING' ? {} : { visa: FILTER_PARAM[status] }), ...(page > 1 ? { sida: String(page) } : {}) },
  });
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'medium', timeStyle: 'short', timeZone: PORTAL_TIME_ZONE });

  return (
    <div className="container container--text info-page admin-page">
      <h1>{t('admin.title')}</h1>
      <p className="lead">{t('admin.intro')}</p>
      <nav aria-label={t('admin.filterLabel')}>
        <ul className="proposal-filters">
          {PROPOSAL_FILTERS.map((status) => (
            <li key={status}>
              <Link href={href(status)} aria-current={list.status === status ? 'page' : undefined}>
                {t('admin.filterCount', { label: t(`admin.filters.${status}`), count: list.counts[status] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {list.items.length === 0 ? (
        <p>{t('admin.empty')}</p>
      ) : (
        <ul className="proposal-list" data-testid="proposal-list">
          {list.items.map((item) => (
            <li key={item.id} className="proposal-list__item">
              <h2>
                <Link href={`/admin/forslag/${item.id}`} aria-label={t('admin.open', { service: item.name })}>
                  {item.name}
                </Link>
              </h2>
              <p>
                {item.isNewService ? <span className="tag">{t('admin.newService')}</span> : null} {t(`statuses.${item.status}`)} · {item.organizationName} ·{' '}
                {t('admin.received', { date: when(item.createdAt) })}
                {item.proposedByName ? ` ${t('admin.by', { name: item.proposedByName })}` : null}
              </p>
            </li>
          ))}
        </ul>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label={t('admin.paginationLabel')} className="pagination">
          {list.page > 1 ? <Link href={href(list.status, list.page - 1)}>{t('admin.previous')}</Link> : null}
          <span>{t('admin.pageOf', { page: list.page, pageCount: list.pageCount })}</span>
          {list.page < list.pageCount ? <Link href={href(list.status, list.page + 1)}>{t('admin.next')}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
