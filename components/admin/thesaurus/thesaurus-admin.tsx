import { useFormatter, useTranslations } from 'next-intl';
import { getPathname, Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { loadDefaultThesaurusAction } from '@/lib/search/thesaurus/actions';
import type { ThesaurusEntryItem, ThesaurusPage } from '@/lib/search/thesaurus/admin';
import { ACTIVITY_FILTERS, FILTER_MAX_LENGTH } from '@/lib/search/thesaurus/schemas';
import type { ThesaurusUsage } from '@/lib/search/thesaurus/usage';
import './thesaurus.css';

export type ThesaurusOutcome =
  | { kind: 'created' | 'updated' }
  | { kind: 'deleted'; input: string }
  | { kind: 'defaultsLoaded'; added: number; updated: number; kept: number }
  | { kind: 'error'; message: string };

interface ThesaurusAdminProps {
  entries: ThesaurusPage;
  /** Absent when the actor may not read search statistics. */
  usage: ThesaurusUsage | null;
  categoryNames: Record<string, string>;
  locale: AppLocale;
  outcome?: ThesaurusOutcome;
}

function Outcome({ outcome }: { outcome: ThesaurusOutcome }) {
  const t = useTranslations('AdminThesaurus');
  if (outcome.kind === 'error') {
    return (
      <p className="form-error" role="alert">
        {outcome.message}
      </p>
    );
  }
  const text =
    outcome.kind === 'deleted'
      ? t('status.deleted', { input: outcome.input })
      : outcome.kind === 'defaultsLoaded'
        ? t('status.defaultsLoaded', { added: outcome.added, updated: outcome.updated, kept: outcome.kept })
        : t(`status.${outcome.kind}`);
  return (
    <p className="form-success" role="status">
      {text}
    </p>
  );
}

function EntryRow({ entry, usage, categoryNames }: { entry: ThesaurusEntryItem; usage: ThesaurusUsage | null; categoryNames: Record<string, string> }) {
  const t = useTranslations('AdminThesaurus');
  const used = usage?.byInput[entry.input];
  return (
    <tr id={`uppslag-${entry.id}`} className={entry.isActive ? undefined : 'thesaurus-table__inactive'}>
      <th scope="row">
        <Link href={`/admin/installningar/${entry.id}`} aria-label={t('editEntry', { input: entry.input })}>
          {entry.input}
        </Link>
        {entry.isDefault ? <span className="tag">{t('defaultTag')}</span> : null}
        {entry.isMutual ? <span className="tag">{t('mutualTag')}</span> : null}
      </th>
      <td>{entry.synonyms.join(', ')}</td>
      <td>{entry.categories.length > 0 ? entry.categories.map((slug) => categoryNames[slug] ?? slug).join(', ') : t('noCategories')}</td>
      <td>{entry.topic}</td>
      <td>{entry.isActive ? t('yes') : t('no')}</td>
      {usage ? (
        <td>
          {!entry.isActive ? (
            t('notCounted')
          ) : (
            <>
              <span className="thesaurus-table__count">{t('searches', { count: used?.searches ?? 0 })}</span>
              {used && used.examples.length > 0 ? (
                <span className="thesaurus-table__examples">{t('examples', { examples: used.examples.map((q) => `”${q}”`).join(', ') })}</span>
              ) : null}
            </>
          )}
        </td>
      ) : null}
    </tr>
  );
}

function Unmatched({ usage }: { usage: ThesaurusUsage }) {
  const t = useTranslations('AdminThesaurus');
  const format = useFormatter();
  return (
    <section aria-labelledby="att-gora" className="form-section">
      <h2 id="att-gora">{t('unmatchedHeading')}</h2>
      <p>{t('unmatchedIntro', { weeks: usage.weeks })}</p>
      {usage.unmatched.length === 0 ? (
        <p>{t('unmatchedEmpty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="att-gora-caption" tabIndex={0}>
          <table className="admin-table">
            <caption id="att-gora-caption" className="visually-hidden">
              {t('unmatchedCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('unmatchedColumns.query')}</th>
                <th scope="col">{t('unmatchedColumns.searches')}</th>
                <th scope="col">{t('unmatchedColumns.unanswered')}</th>
                <th scope="col">{t('unmatchedColumns.action')}</th>
              </tr>
            </thead>
            <tbody>
              {usage.unmatched.map((q) => (
                <tr key={q.query}>
                  <th scope="row">{q.query}</th>
                  <td>{format.number(q.searches)}</td>
                  <td>{format.number(q.zeroResults + q.lowResults)}</td>
                  <td>
                    <Link href={{ pathname: '/admin/installningar/ny', query: { uppslag: q.query } }} aria-label={t('createFromLabel', { query: q.query })}>
                      {t('createFrom')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="form-hint">
        {t('statsNote', { count: usage.queriesRead, since: format.dateTime(usage.since, { dateStyle: 'long', timeZone: 'UTC' }) })}
      </p>
    </section>
  );
}

/** The coordinator's thesaurus: filter, entries with how often each fired, the to-do list, the defaults. */
export function ThesaurusAdmin({ entries, usage, categoryNames, locale, outcome }: ThesaurusAdminProps) {
  const t = useTranslations('AdminThesaurus');
  const { filter } = entries;
  const listPath = getPathname({ href: '/admin/installningar', locale });
  const isFiltered = Boolean(filter.q || filter.topic || filter.activity !== 'all');
  const pageHref = (page: number) => ({
    pathname: '/admin/installningar' as const,
    query: {
      ...(filter.q ? { q: filter.q } : {}),
      ...(filter.topic ? { amne: filter.topic } : {}),
      ...(filter.activity !== 'all' ? { visa: filter.activity } : {}),
      ...(page > 1 ? { sida: String(page) } : {}),
    },
  });
  const weeks = usage?.weeks ?? 12;
  const isDefaultsOutcome = outcome?.kind === 'defaultsLoaded';

  return (
    <div className="container info-page admin-page thesaurus-admin">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {outcome && !isDefaultsOutcome ? <Outcome outcome={outcome} /> : null}
      <p>
        <Link href="/admin/installningar/ny" className="button">
          {t('newEntry')}
        </Link>
      </p>

      <form method="get" action={listPath} className="admin-filter" role="search" aria-labelledby="filter-rubrik">
        <h2 id="filter-rubrik" className="admin-filter__heading">
          {t('filterHeading')}
        </h2>
        <div className="admin-filter__fields">
          <div className="form-field">
            <label htmlFor="filter-q">{t('filterText')}</label>
            <input id="filter-q" name="q" type="search" defaultValue={filter.q} maxLength={FILTER_MAX_LENGTH} aria-describedby="filter-q-hint" />
            <p id="filter-q-hint" className="form-hint">
              {t('filterTextHint')}
            </p>
          </div>
          <div className="form-field">
            <label htmlFor="filter-amne">{t('filterTopic')}</label>
            <select id="filter-amne" name="amne" defaultValue={filter.topic}>
              <option value="">{t('allTopics')}</option>
              {entries.topics.map((topic) => (
                <option key={topic} value={topic}>
                  {topic}
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
          {isFiltered ? <Link href="/admin/installningar">{t('showAll')}</Link> : null}
        </p>
      </form>

      <section aria-labelledby="uppslag">
        <h2 id="uppslag">{t('listHeading')}</h2>
        <p role="status">{t('count', { count: entries.total })}</p>
        {entries.items.length === 0 ? (
          isFiltered ? (
            <p>{t('noResults')}</p>
          ) : null
        ) : (
          <div className="table-scroll" role="region" aria-label={t('tableScrollLabel')} tabIndex={0}>
            <table className="admin-table thesaurus-table">
              <caption className="visually-hidden">{t('caption', { weeks })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columns.input')}</th>
                  <th scope="col">{t('columns.synonyms')}</th>
                  <th scope="col">{t('columns.categories')}</th>
                  <th scope="col">{t('columns.topic')}</th>
                  <th scope="col">{t('columns.isActive')}</th>
                  {usage ? <th scope="col">{t('columns.searches', { weeks })}</th> : null}
                </tr>
              </thead>
              <tbody>
                {entries.items.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} usage={usage} categoryNames={categoryNames} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {entries.pageCount > 1 ? (
          <nav aria-label={t('pagination')} className="pagination">
            {entries.page > 1 ? <Link href={pageHref(entries.page - 1)}>{t('previous')}</Link> : null}
            <span>{t('pageOf', { page: entries.page, pages: entries.pageCount })}</span>
            {entries.page < entries.pageCount ? <Link href={pageHref(entries.page + 1)}>{t('next')}</Link> : null}
          </nav>
        ) : null}
      </section>

      {usage ? <Unmatched usage={usage} /> : null}

      <section aria-labelledby="standard" className="form-section">
        <h2 id="standard" tabIndex={-1}>
          {t('defaultsHeading')}
        </h2>
        {outcome && isDefaultsOutcome ? <Outcome outcome={outcome} /> : null}
        <p>{t('defaultsIntro')}</p>
        <form action={loadDefaultThesaurusAction}>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="button button--secondary">
            {t('loadDefaults')}
          </button>
        </form>
      </section>
    </div>
  );
}
