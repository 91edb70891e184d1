import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { IssueRow, TriageFilter } from '@/lib/workshop/queries';
import { ISSUES_PER_PAGE } from '@/lib/workshop/schemas';
import { IssueTable } from './issue-table';

/** The coordinator's filters as they read in the address (?visa=nya). */
export const TRIAGE_FILTERS: { filter: TriageFilter; slug: string }[] = [
  { filter: 'new', slug: 'nya' },
  { filter: 'open', slug: 'oppna' },
  { filter: 'overdue', slug: 'forsenade' },
  { filter: 'closed', slug: 'stangda' },
  { filter: 'all', slug: 'alla' },
];

/** The filter and page a hand-edited address asks for; anything unknown is the first page of new issues. */
export function triageQueryOf(searchParams: Record<string, string | string[] | undefined>): { filter: TriageFilter; page: number } {
  const filter = TRIAGE_FILTERS.find((f) => f.slug === searchParams.visa)?.filter ?? 'new';
  const page = Number(searchParams.sida);
  return { filter, page: Number.isInteger(page) && page > 1 && page < 10_000 ? page : 1 };
}

const slugOf = (filter: TriageFilter) => TRIAGE_FILTERS.find((f) => f.filter === filter)!.slug;

interface TriageQueueProps {
  filter: TriageFilter;
  page: number;
  rows: IssueRow[];
  total: number;
  counts: Record<TriageFilter, number>;
}

/** /admin/verkstad: the filters with their counts, the issues of the chosen one, and its pages. */
export function TriageQueue({ filter, page, rows, total, counts }: TriageQueueProps) {
  const t = useTranslations('Workshop');
  const pages = Math.max(1, Math.ceil(total / ISSUES_PER_PAGE));
  const href = (f: TriageFilter, p = 1) => ({ pathname: '/admin/verkstad', query: { visa: slugOf(f), ...(p > 1 ? { sida: String(p) } : {}) } });
  return (
    <section aria-labelledby="arenden" className="form-section">
      <h2 id="arenden">{t('admin.queueHeading')}</h2>
      <nav className="issue-filters" aria-label={t('admin.filtersLabel')}>
        <ul>
          {TRIAGE_FILTERS.map(({ filter: f }) => (
            <li key={f}>
              <Link href={href(f)} aria-current={f === filter ? 'page' : undefined}>
                {t('admin.filter', { name: t(`admin.filters.${f}`), count: counts[f] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>{t(`admin.empty.${filter}`)}</p>
      ) : (
        <IssueTable
          id="arenden-tabell"
          caption={t('admin.caption', { name: t(`admin.filters.${filter}`), count: total })}
          rows={rows}
          columns={['association', 'responders', 'due']}
          vocabulary="internal"
        />
      )}
      {pages > 1 ? (
        <nav aria-label={t('admin.pagination')} className="pagination">
          {page > 1 ? (
            <Link href={href(filter, page - 1)} rel="prev">
              {t('admin.previous')}
            </Link>
          ) : null}
          <span>{t('admin.pageOf', { page, pages })}</span>
          {page < pages ? (
            <Link href={href(filter, page + 1)} rel="next">
              {t('admin.next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
