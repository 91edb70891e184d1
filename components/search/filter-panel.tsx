import { useTranslations } from 'next-intl';
import { CategoryIcon } from '@/components/icons/category-icon';
import type { FacetLabels, FacetOption } from '@/lib/directory/cards';
import { FACET_PARAMS, type FacetName, type SearchQuery } from '@/lib/search/query';
import type { FacetCounts } from '@/lib/search/types';
import type { SearchLinks } from './search-links';

/** The order of the filter groups: what people most often narrow by first. */
const FACET_ORDER: FacetName[] = ['categories', 'municipalities', 'attributes', 'targetGroups', 'languages'];

const LEGEND_KEYS = {
  categories: 'facetCategories',
  municipalities: 'facetMunicipalities',
  targetGroups: 'facetTargetGroups',
  languages: 'facetLanguages',
  attributes: 'facetAttributes',
} as const;

interface FilterPanelProps {
  query: SearchQuery;
  facets: FacetCounts;
  labels: FacetLabels;
  links: SearchLinks;
  /** On a category page its own category is the page, not a filter to count or clear. */
  fixedCategory?: string;
}

/** How many filter values are chosen, open now included, leaving out a page's own category. */
export function countFilters(query: SearchQuery, fixedCategory?: string): number {
  const chosen = FACET_ORDER.reduce((sum, facet) => sum + query[facet].length, 0) + (query.openNow ? 1 : 0);
  return fixedCategory && query.categories.includes(fixedCategory) ? chosen - 1 : chosen;
}

/**
 * Every facet as checkboxes in one GET form with a submit button, so filtering needs no
 * JavaScript. Values that would give no results are left out unless chosen (a chosen value
 * stays, so it can be unticked). On narrow screens the panel folds away in a `<details>`.
 */
export function FilterPanel({ query, facets, labels, links, fixedCategory }: FilterPanelProps) {
  const t = useTranslations('SearchPage');
  const chosen = countFilters(query, fixedCategory);
  const groups = FACET_ORDER.map((facet) => ({
    facet,
    options: labels[facet].filter((o) => (facets[facet][o.value] ?? 0) > 0 || query[facet].includes(o.value)),
  })).filter((group) => group.options.length > 0);

  return (
    <details className="search-filters">
      <summary className="search-filters__summary">{t('filtersSummary', { count: chosen })}</summary>
      <form action={links.searchPath} method="get" className="search-filters__form" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="search-filters__heading">
          {t('filtersHeading')}
        </h2>
        {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
        {facets.openNow > 0 || query.openNow ? (
          <fieldset className="facet">
            <legend className="facet__legend">{t('facetOpenNow')}</legend>
            <FacetCheckbox
              name="oppet"
              value="nu"
              label={t('openNowOption')}
              count={facets.openNow}
              countText={t('optionCount', { count: facets.openNow })}
              checked={query.openNow}
            />
          </fieldset>
        ) : null}
        {groups.map(({ facet, options }) => (
          <fieldset key={facet} className={`facet facet--${facet}`}>
            <legend className="facet__legend">{t(LEGEND_KEYS[facet])}</legend>
            <ul className="facet__options">
              {options.map((option) => {
                const count = facets[facet][option.value] ?? 0;
                return (
                  <li key={option.value}>
                    <FacetCheckbox
                      name={FACET_PARAMS[facet]}
                      value={option.value}
                      label={option.label}
                      icon={facet === 'categories' ? option.icon : undefined}
                      count={count}
                      countText={t('optionCount', { count })}
                      checked={query[facet].includes(option.value)}
                    />
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
        <div className="search-filters__actions">
          <button type="submit" className="button">
            {t('applyFilters')}
          </button>
          {chosen > 0 ? (
            <a href={links.href({ q: query.q, categories: fixedCategory ? [fixedCategory] : [] })} className="search-filters__clear">
              {t('clearFilters')}
            </a>
          ) : null}
        </div>
      </form>
    </details>
  );
}

interface FacetCheckboxProps {
  name: string;
  value: string;
  label: string;
  icon?: FacetOption['icon'];
  count: number;
  countText: string;
  checked: boolean;
}

function FacetCheckbox({ name, value, label, icon, count, countText, checked }: FacetCheckboxProps) {
  const id = `filter-${name}-${value}`;
  return (
    <div className="facet__option">
      <input type="checkbox" id={id} name={name} value={value} defaultChecked={checked} className="facet__checkbox" />
      <label htmlFor={id} className="facet__label">
        {icon ? <CategoryIcon name={icon} className="facet__icon" /> : null}
        <span className="facet__name">{label}</span>{' '}
        <span className="facet__count" aria-hidden="true">
          {count}
        </span>
        <span className="visually-hidden">({countText})</span>
      </label>
    </div>
  );
}
