import { useTranslations } from 'next-intl';
import type { FacetLabels } from '@/lib/directory/cards';
import { FACET_NAMES, toggleFacet, type SearchQuery } from '@/lib/search/query';
import type { SearchLinks } from './search-links';

interface ActiveFiltersProps {
  query: SearchQuery;
  labels: FacetLabels;
  links: SearchLinks;
  /** On a category page its own category is the page, not a removable filter. */
  fixedCategory?: string;
}

/** The chosen filters as chips; each is a link to the same search without it. */
export function ActiveFilters({ query, labels, links, fixedCategory }: ActiveFiltersProps) {
  const t = useTranslations('SearchPage');
  const chips = FACET_NAMES.flatMap((facet) =>
    query[facet]
      .filter((value) => !(facet === 'categories' && value === fixedCategory))
      .map((value) => ({
        key: `${facet}:${value}`,
        label: labels[facet].find((o) => o.value === value)?.label ?? value,
        href: links.href(toggleFacet(query, facet, value)),
      })),
  );
  if (query.openNow) chips.unshift({ key: 'openNow', label: t('openNow'), href: links.href({ ...query, openNow: false, page: 1 }) });
  if (chips.length === 0) return null;
  return (
    <div className="active-filters">
      <h2 className="visually-hidden" id="active-filters-heading">
        {t('activeFilters')}
      </h2>
      <ul className="active-filters__list" aria-labelledby="active-filters-heading">
        {chips.map((chip) => (
          <li key={chip.key}>
            <a href={chip.href} className="filter-chip">
              <span className="visually-hidden">{t('removeFilter')}: </span>
              {chip.label}
              <span className="filter-chip__remove" aria-hidden="true">
                ×
              </span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
