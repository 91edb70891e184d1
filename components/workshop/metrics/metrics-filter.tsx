import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';

export interface MetricsFilterProps {
  action: string;
  from: string;
  to: string;
  /** Message keys of `WorkshopMetrics.errors` per field, after a refused selection. */
  fieldErrors?: Partial<Record<'from' | 'to', string>>;
  isFiltered: boolean;
}

const FIELDS = [
  { field: 'from', name: 'fran' },
  { field: 'to', name: 'till' },
] as const;

/**
 * The submission-date range, as a plain GET form (works without JavaScript). A refused
 * selection lists what to fix at the top, each item linking to its field.
 */
export function MetricsFilter({ action, from, to, fieldErrors, isFiltered }: MetricsFilterProps) {
  const t = useTranslations('WorkshopMetrics');
  const values = { from, to };
  const errorOf = (field: 'from' | 'to') => {
    const key = fieldErrors?.[field];
    if (!key) return undefined;
    return key === 'dateInvalid' || key === 'rangeReversed' ? t(`errors.${key}`) : t('errors.invalid');
  };
  const errors = FIELDS.flatMap(({ field }) => {
    const text = errorOf(field);
    return text ? [{ field, text }] : [];
  });
  return (
    <form method="get" action={action} className="admin-filter metrics-filter" aria-labelledby="urval-rubrik">
      <h2 id="urval-rubrik" className="admin-filter__heading">
        {t('filterHeading')}
      </h2>
      {errors.length > 0 ? (
        <div className="error-summary" role="group" aria-labelledby="urval-fel">
          <p id="urval-fel" className="error-summary__title">
            {t('errorSummary')}
          </p>
          <ul className="error-summary__list">
            {errors.map(({ field, text }) => (
              <li key={field}>
                <a href={`#urval-${field}`}>
                  {t(field)}: {text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="admin-filter__fields">
        {FIELDS.map(({ field, name }) => {
          const id = `urval-${field}`;
          const error = errorOf(field);
          return (
            <div key={field} className="form-field">
              <label htmlFor={id}>{t(field)}</label>
              <p id={`${id}-hint`} className="form-hint">
                {t('dateHint')}
              </p>
              {error ? (
                <p id={`${id}-error`} className="field-error">
                  {error}
                </p>
              ) : null}
              <input
                id={id}
                name={name}
                type="date"
                defaultValue={values[field]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
              />
            </div>
          );
        })}
      </div>
      <p className="admin-filter__actions">
        <button type="submit" className="button">
          {t('filter')}
        </button>
        {isFiltered ? <Link href="/admin/verkstad/statistik">{t('showAll')}</Link> : null}
      </p>
    </form>
  );
}
