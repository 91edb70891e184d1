import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { UNMET_KINDS, UNMET_PERIODS } from '@/lib/directory/unmet-needs';

type Field = 'weeks' | 'kind' | 'q';

export interface UnmetNeedsFilterProps {
  action: string;
  /** What the form shows: the values asked for, also when they were refused. */
  values: Record<Field, string>;
  /** Message keys of `UnmetNeeds.errors` per field, after a refused selection. */
  fieldErrors?: Partial<Record<string, string>>;
  isFiltered: boolean;
  maxLength: number;
}

const IDS: Record<Field, string> = { weeks: 'urval-veckor', kind: 'urval-typ', q: 'urval-q' };
const KNOWN_ERRORS = ['period', 'kind', 'tooLong', 'page'] as const;

/**
 * Period, kind and text of the unmet-needs report, as a plain GET form (works without
 * JavaScript). A refused selection lists what to fix at the top, each item linking to its field.
 */
export function UnmetNeedsFilter({ action, values, fieldErrors, isFiltered, maxLength }: UnmetNeedsFilterProps) {
  const t = useTranslations('UnmetNeeds');
  const labels: Record<Field, string> = { weeks: t('period'), kind: t('kind'), q: t('q') };
  const errorOf = (field: Field) => {
    const key = fieldErrors?.[field];
    if (!key) return undefined;
    return t(`errors.${KNOWN_ERRORS.find((k) => k === key) ?? 'invalid'}`);
  };
  const errors = (['weeks', 'kind', 'q'] as const).flatMap((field) => {
    const text = errorOf(field);
    return text ? [{ field, text }] : [];
  });
  const describedBy = (field: Field, hint?: string) => [hint, errorOf(field) ? `${IDS[field]}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const errorText = (field: Field) => {
    const text = errorOf(field);
    return text ? (
      <p id={`${IDS[field]}-error`} className="field-error">
        {text}
      </p>
    ) : null;
  };
  return (
    <form method="get" action={action} className="admin-filter" aria-labelledby="urval-rubrik">
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
                <a href={`#${IDS[field]}`}>
                  {labels[field]}: {text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="admin-filter__fields">
        <div className="form-field">
          <label htmlFor={IDS.weeks}>{labels.weeks}</label>
          {errorText('weeks')}
          <select id={IDS.weeks} name="veckor" defaultValue={values.weeks} aria-invalid={errorOf('weeks') ? true : undefined} aria-describedby={describedBy('weeks')}>
            {UNMET_PERIODS.map((weeks) => (
              <option key={weeks} value={String(weeks)}>
                {t('periodOption', { weeks })}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={IDS.kind}>{labels.kind}</label>
          {errorText('kind')}
          <select id={IDS.kind} name="typ" defaultValue={values.kind} aria-invalid={errorOf('kind') ? true : undefined} aria-describedby={describedBy('kind')}>
            {UNMET_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={IDS.q}>{labels.q}</label>
          <p id={`${IDS.q}-hint`} className="form-hint">
            {t('qHint')}
          </p>
          {errorText('q')}
          <input
            id={IDS.q}
            name="q"
            type="search"
            defaultValue={values.q}
            maxLength={maxLength}
            aria-invalid={errorOf('q') ? true : undefined}
            aria-describedby={describedBy('q', `${IDS.q}-hint`)}
          />
        </div>
      </div>
      <p className="admin-filter__actions">
        <button type="submit" className="button">
          {t('filter')}
        </button>
        {isFiltered ? <Link href="/admin/behov">{t('showAll')}</Link> : null}
      </p>
    </form>
  );
}
