import { getTranslations } from 'next-intl/server';
import { getPathname } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import type { SiteInfo } from '@/lib/site/site-info';
import { MyListView } from './my-list-view';
import { getMyListViewTexts } from './texts';
import './my-list.css';

/**
 * /min-lista. Everything the server knows is said here (what the list is, that it stays on
 * this device, how to clear it); the list itself is only in the browser, so a client leaf
 * renders it.
 */
export async function MyListPage({ locale, site }: { locale: AppLocale; site: SiteInfo }) {
  const [t, texts] = await Promise.all([getTranslations('MyList.page'), getMyListViewTexts()]);
  return (
    <div className="my-list-page container">
      <div className="my-list-page__intro">
        <h1>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
        <section className="my-list-page__privacy" aria-labelledby="my-list-privacy-heading">
          <h2 id="my-list-privacy-heading">{t('privacyHeading')}</h2>
          <p>{t('privacy')}</p>
          <p>{t('clearHowTo')}</p>
        </section>
      </div>
      <MyListView
        locale={locale}
        siteName={site.name}
        texts={texts}
        searchHref={getPathname({ href: '/sok', locale })}
        categoriesHref={`${getPathname({ href: '/', locale })}#categories-heading`}
      />
    </div>
  );
}
