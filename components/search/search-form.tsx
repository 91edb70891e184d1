import { useLocale, useTranslations } from 'next-intl';
import { getPathname } from '@/i18n/navigation';

interface SearchFormProps {
  /** `header`: compact, label for screen readers only; `hero`: large with a visible label. */
  variant: 'header' | 'hero';
  /** Unique per page, since the header and the home page both carry a search form. */
  inputId: string;
  defaultQuery?: string;
}

/** A plain GET form to the search page, so searching works without JavaScript. */
export function SearchForm({ variant, inputId, defaultQuery }: SearchFormProps) {
  const t = useTranslations('Search');
  const locale = useLocale();
  return (
    <form
      role="search"
      aria-label={variant === 'header' ? t('landmarkHeader') : t('landmarkHero')}
      action={getPathname({ href: '/sok', locale })}
      method="get"
      className={`search-form search-form--${variant}`}
    >
      <label htmlFor={inputId} className={variant === 'header' ? 'visually-hidden' : 'search-form__label'}>
        {variant === 'header' ? t('headerLabel') : t('heroLabel')}
      </label>
      <div className="search-form__row">
        {/* autoComplete off: the browser must not remember what someone searched for on a
            shared computer ("min pojkvän slår mig"). */}
        <input
          id={inputId}
          type="search"
          name="q"
          defaultValue={defaultQuery}
          placeholder={t('placeholder')}
          autoComplete="off"
          enterKeyHint="search"
          className="search-form__input"
        />
        <button type="submit" className="button search-form__submit">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
