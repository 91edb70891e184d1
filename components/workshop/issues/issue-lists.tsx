import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { IssueLists } from '@/lib/workshop/queries';
import type { StateVocabulary } from './issue-state';
import { IssueTable } from './issue-table';

interface IssueListsViewProps {
  lists: IssueLists;
  /** Files issues for an association: sees "Våra ärenden" and the button for a new one. */
  isFiler: boolean;
  /** An official of the region or a municipality: sees "Min kö". */
  isOfficial: boolean;
  /** The words for the network's issues: the workshop's own for officials and the coordinator. */
  networkVocabulary: StateVocabulary;
}

/**
 * /verkstad: the association's own issues (drafts too), the official's queue (overdue first)
 * and what the network shares, each a section of its own with a count in the page's contents
 * and an empty state that says what to do.
 */
export function IssueListsView({ lists, isFiler, isOfficial, networkVocabulary }: IssueListsViewProps) {
  const t = useTranslations('Workshop');
  const sections = [
    ...(isFiler ? [{ id: 'vara-arenden', heading: t('lists.ownHeading'), count: lists.own.length }] : []),
    ...(isOfficial ? [{ id: 'min-ko', heading: t('lists.queueHeading'), count: lists.queue.length }] : []),
    { id: 'i-natverket', heading: t('lists.networkHeading'), count: lists.network.length },
  ];
  const overdueCount = lists.queue.filter((row) => row.overdue).length;
  return (
    <>
      <nav className="issue-sections" aria-label={t('lists.contents')}>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t('lists.sectionLink', { heading: s.heading, count: s.count })}</a>
            </li>
          ))}
        </ul>
      </nav>

      {isFiler ? (
        <section aria-labelledby="vara-arenden" className="form-section">
          <h2 id="vara-arenden">{t('lists.ownHeading')}</h2>
          {lists.own.length === 0 ? (
            <p>{t('lists.ownEmpty')}</p>
          ) : (
            <IssueTable id="vara-arenden-tabell" caption={t('lists.ownCaption')} rows={lists.own} columns={['association', 'responders', 'updated']} vocabulary="internal" />
          )}
          <p>
            <Link href="/verkstad/nytt" className="button">
              {t('newIssue')}
            </Link>
          </p>
        </section>
      ) : null}

      {isOfficial ? (
        <section aria-labelledby="min-ko" className="form-section">
          <h2 id="min-ko">{t('lists.queueHeading')}</h2>
          {lists.queue.length === 0 ? (
            <p>{t('lists.queueEmpty')}</p>
          ) : (
            <>
              <p>{t('lists.queueLead', { overdue: overdueCount })}</p>
              <IssueTable id="min-ko-tabell" caption={t('lists.queueCaption')} rows={lists.queue} columns={['association', 'responders', 'due']} vocabulary="internal" />
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="i-natverket" className="form-section">
        <h2 id="i-natverket">{t('lists.networkHeading')}</h2>
        {lists.network.length === 0 ? (
          <p>{t('lists.networkEmpty')}</p>
        ) : (
          <IssueTable id="i-natverket-tabell" caption={t('lists.networkCaption')} rows={lists.network} columns={['association', 'responders', 'updated']} vocabulary={networkVocabulary} />
        )}
      </section>
    </>
  );
}
