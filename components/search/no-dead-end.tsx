import { useTranslations } from 'next-intl';
import { HelpNumbers } from '@/components/help/help-numbers';
import { CategoryIcon } from '@/components/icons/category-icon';
import type { CategoryCard } from '@/lib/directory/queries';
import type { SearchQuery } from '@/lib/search/query';
import type { CrisisLine } from '@/lib/search/crisis';
import { countFilters } from './filter-panel';
import type { SearchLinks } from './search-links';

interface NoDeadEndProps {
  query: SearchQuery;
  total: number;
  related: CategoryCard[];
  crisisLines: readonly CrisisLine[];
  links: SearchLinks;
  headingLevel: 2 | 3;
  /** On a category page: the filters to clear keep the page's own category. */
  fixedCategory?: string;
}

/**
 * What a search with no or very few results offers instead: a way out of the filters,
 * related categories, and the national help lines, so the visitor is never left with nothing.
 */
export function NoDeadEnd({ query, total, related, crisisLines, links, headingLevel, fixedCategory }: NoDeadEndProps) {
  const t = useTranslations('SearchPage');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  // The count above already says nothing was found; this says what to do instead.
  const heading = total > 0 ? t('fewResultsHeading') : t('zeroResultsHeading');
  return (
    <section className="no-dead-end" aria-labelledby="no-dead-end-heading" data-testid="no-dead-end">
      <Heading id="no-dead-end-heading" className="no-dead-end__heading">
        {heading}
      </Heading>
      <p>{t('noResultsTip')}</p>
      {countFilters(query, fixedCategory) > 0 ? (
        <p>
          <a href={links.href({ q: query.q, categories: fixedCategory ? [fixedCategory] : [] })} className="no-dead-end__without-filters">
            {query.q ? t('removeFiltersQuery', { q: query.q }) : t('removeFiltersAll')}
          </a>
        </p>
      ) : null}
      {related.length > 0 ? (
        <>
          <Sub id="related-heading" className="no-dead-end__subheading">
            {t('relatedHeading')}
          </Sub>
          <ul className="category-grid related-categories" aria-labelledby="related-heading">
            {related.map((category) => (
              <li key={category.slug}>
                <a className="category-tile" href={links.categoryPath(category.slug)}>
                  <CategoryIcon name={category.icon} className="category-tile__icon" />
                  <span className="category-tile__name">{category.name}</span>
                  <span className="category-tile__count">{t('optionCount', { count: category.serviceCount })}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="no-dead-end__help">
        <HelpNumbers headingId="search-help-heading" headingLevel={3} first={crisisLines} />
      </div>
    </section>
  );
}
