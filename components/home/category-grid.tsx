import { useTranslations } from 'next-intl';
import { CategoryIcon } from '@/components/icons/category-icon';
import { Link } from '@/i18n/navigation';
import type { CategoryCard } from '@/lib/directory/queries';

/** Browsing by category: each tile opens the search filtered to that category. */
export function CategoryGrid({ categories }: { categories: CategoryCard[] }) {
  const t = useTranslations('Home');
  return (
    <section className="home-section" aria-labelledby="categories-heading">
      <div className="container">
        <h2 id="categories-heading">{t('categoriesHeading')}</h2>
        <ul className="category-grid">
          {categories.map((c) => (
            <li key={c.slug}>
              <Link className="category-tile" href={`/kategorier/${c.slug}`} prefetch={false}>
                <CategoryIcon name={c.icon} className="category-tile__icon" />
                <span className="category-tile__name">{c.name}</span>
                <span className="category-tile__count">{t('serviceCount', { count: c.serviceCount })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
