import { useTranslations } from 'next-intl';
import { changedLines, type FieldDiff } from '@/lib/directory/service-diff';

type Translate = ReturnType<typeof useTranslations<'Proposals'>>;

/** One side of a changed field: its lines, those the other side lacks marked in words as well as style. */
function Lines({ lines, other, mark, t }: { lines: string[]; other: string[]; mark: 'removed' | 'added'; t: Translate }) {
  if (lines.length === 0) return <span className="proposal-diff__empty">{t('admin.emptyValue')}</span>;
  const changed = changedLines(lines, other);
  const Tag = mark === 'removed' ? 'del' : 'ins';
  return (
    <ul className="proposal-diff__lines">
      {lines.map((line, i) =>
        changed[i] ? (
          <li key={i} className={`proposal-diff__line proposal-diff__line--${mark}`}>
            <strong className="proposal-diff__mark">{t(`admin.${mark}`)}</strong> <Tag>{line}</Tag>
          </li>
        ) : (
          <li key={i} className="proposal-diff__line">
            {line}
          </li>
        ),
      )}
    </ul>
  );
}

/**
 * The side-by-side diff of a proposal: field | now | proposed, one row per changed field.
 * Lines that only one side has are marked "Tas bort:" / "Nytt:" in text, so the change does not
 * rest on colour or strike-through alone. The values are the listing's own (Swedish) texts.
 */
export function ProposalDiff({ diff }: { diff: FieldDiff[] }) {
  const t = useTranslations('Proposals');
  if (diff.length === 0) return <p>{t('admin.noChanges')}</p>;
  return (
    <div className="proposal-diff__scroll" role="region" aria-labelledby="forslag-andringar-rubrik" tabIndex={0}>
      <table className="proposal-diff" lang="sv">
        <caption id="forslag-andringar-rubrik">{t('admin.diffCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.columnField')}</th>
            <th scope="col">{t('admin.columnNow')}</th>
            <th scope="col">{t('admin.columnProposed')}</th>
          </tr>
        </thead>
        <tbody>
          {diff.map((d) => (
            <tr key={d.field}>
              <th scope="row">{t(d.labelKey as 'fields.name')}</th>
              <td>
                <Lines lines={d.before} other={d.after} mark="removed" t={t} />
              </td>
              <td>
                <Lines lines={d.after} other={d.before} mark="added" t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
