import { useLocale, useTranslations } from 'next-intl';
import { describeArea } from '@/components/layout/site-area';
import { SearchForm } from '@/components/search/search-form';
import type { SiteInfo } from '@/lib/site/site-info';

export function HomeHero({ site }: { site: SiteInfo }) {
  const t = useTranslations('Home');
  const tSite = useTranslations('Site');
  const locale = useLocale();
  return (
    <section className="hero" aria-labelledby="hero-heading">
      <div className="container">
        <h1 id="hero-heading" className="hero__heading">
          {site.name}
        </h1>
        <p className="hero__tagline">{t('tagline', { area: describeArea(site, locale, tSite('areaFallback')) })}</p>
        <SearchForm variant="hero" inputId="hero-search-q" />
      </div>
    </section>
  );
}
