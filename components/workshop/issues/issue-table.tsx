import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import type { IssueRow } from '@/lib/workshop/queries';
import { IssueDate, OverdueFlag, StateBadge, type StateVocabulary } from './issue-state';

export type IssueColumn = 'association' | 'responders' | 'due' | 'updated';

interface IssueTableProps {
  /** The caption's id: the scrolling region is named by it. */
  id: string;
  caption: string;
  rows: IssueRow[];
  columns: readonly IssueColumn[];
  vocabulary: StateVocabulary;
}

/** A list of issues: number, title (a link to the issue), state with the overdue flag, and the chosen columns. */
export function IssueTable({ id, caption, rows, columns, vocabulary }: IssueTableProps) {
  const t = useTranslations('Workshop');
  const has = (column: IssueColumn) => columns.includes(column);
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="admin-table issue-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.number')}</th>
            <th scope="col">{t('table.title')}</th>
            {has('association') ? <th scope="col">{t('table.association')}</th> : null}
            <th scope="col">{t('table.state')}</th>
            {has('responders') ? <th scope="col">{t('table.responders')}</th> : null}
            {has('due') ? <th scope="col">{t('table.due')}</th> : null}
            {has('updated') ? <th scope="col">{t('table.updated')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.number} className={row.overdue ? 'issue-table__row--overdue' : undefined}>
              <td>{row.number}</td>
              <th scope="row">
                <Link href={`/verkstad/${row.number}`}>{row.title}</Link>
              </th>
              {has('association') ? <td>{row.filedBy}</td> : null}
              <td>
                <StateBadge state={row.state} publicState={row.publicState} vocabulary={vocabulary} />
                {row.overdue ? (
                  <>
                    {' '}
                    <OverdueFlag />
                  </>
                ) : null}
              </td>
              {has('responders') ? <td>{row.responders.length > 0 ? row.responders.join(', ') : t('table.noResponders')}</td> : null}
              {has('due') ? <td>{row.dueAt ? <IssueDate value={row.dueAt} /> : t('table.noDueDate')}</td> : null}
              {has('updated') ? (
                <td>
                  <IssueDate value={row.updatedAt} withTime />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
