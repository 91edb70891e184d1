import { useTranslations } from 'next-intl';
import { CategoryIcon } from '@/components/icons/category-icon';
import { SaveToListButton } from '@/components/my-list/save-to-list-button';
import { Link } from '@/i18n/navigation';
import type { ServicePageDto } from '@/lib/directory/service-page';
import type { MyListEntry } from '@/lib/my-list/entry';
import { ContactBox } from './contact-box';
import { Localized, LocalizedParagraphs } from './localized';
import { OpenStatusBadge } from './open-status';
import { OpeningHours } from './opening-hours';
import { ConfirmedNote, CostSection, ForWhomSection, LanguagesSection, PlaceSection } from './service-facts';
import { ShareLink, type ShareTexts } from './share-link';
import '../service-page.css';

interface ServicePageProps {
  service: ServicePageDto;
  /** The moment the page is rendered for (relative "confirmed" time). */
  now: Date;
  /** The page's absolute address, for sharing and for the printed sheet. */
  pageUrl: string;
  shareTexts: ShareTexts;
  myListEntry: MyListEntry;
}

/**
 * A service's public page: what it is, for whom, how to get help, contact, hours with
 * open-now, where (unless protected), languages, cost, accessibility, the association and
 * how fresh the information is. Contact comes right after the heading on small screens and
 * beside the text on wide ones; printed, it is a clean sheet without the site's chrome.
 */
export function ServicePage({ service, now, pageUrl, shareTexts, myListEntry }: ServicePageProps) {
  const t = useTranslations('ServicePage');
  const tc = useTranslations('Corrections');
  const primary = service.categories[0];
  return (
    <article className="service-page" aria-labelledby="service-name">
      <header className="service-hero">
        <div className="container">
          {primary ? (
            <p className="service-hero__category">
              <CategoryIcon name={primary.icon} className="service-hero__icon" />
              <Localized value={primary.name} />
            </p>
          ) : null}
          <Localized as="h1" id="service-name" className="service-hero__name" value={service.name} />
          {service.alternateName ? (
            <p className="service-hero__alt">
              {t('alsoKnownAs')}{' '}
              <span lang={service.locale === 'sv' ? undefined : 'sv'}>{service.alternateName}</span>
            </p>
          ) : null}
          <p className="service-hero__org">
            {t('organizedBy')}{' '}
            {service.organization.hasPublicPage ? (
              <Link href={`/foreningar/${service.organization.slug}`} prefetch={false} data-testid="organization-link">
                <Localized value={service.organization.name} />
              </Link>
            ) : (
              <Localized as="strong" value={service.organization.name} />
            )}
          </p>
          {service.isMainTextFallback ? (
            <p className="notice service-hero__fallback" data-testid="fallback-notice">
              {t('fallbackNotice')}
            </p>
          ) : null}
          <Localized as="p" className="lead service-hero__summary" value={service.summary} />
          <OpenStatusBadge status={service.hours.status} />
          {service.attributes.length > 0 ? (
            <ul className="attribute-list" aria-label={t('attributesLabel')}>
              {service.attributes.map((attribute) => (
                <li key={attribute.key} className="attribute-list__item">
                  {attribute.icon ? <CategoryIcon name={attribute.icon} className="attribute-list__icon" /> : null}
                  <Localized value={attribute.name} />
                  {attribute.note ? (
                    <>
                      {' '}
                      (<Localized value={attribute.note} />)
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="service-actions">
            <SaveToListButton entry={myListEntry} />
            <ShareLink url={pageUrl} title={service.name.text} texts={shareTexts} />
          </div>
        </div>
      </header>

      <div className="container service-layout">
        <div className="service-layout__aside">
          <ContactBox service={service} />
        </div>

        <div className="service-layout__main">
          <section className="service-section" aria-labelledby="about-heading">
            <h2 id="about-heading">{t('aboutHeading')}</h2>
            <LocalizedParagraphs value={service.description} />
          </section>

          {service.easyRead ? (
            <section className="service-section easy-read" aria-labelledby="easy-read-heading" data-testid="easy-read">
              <h2 id="easy-read-heading" className="easy-read__heading">
                {t('easyReadHeading')}
              </h2>
              {service.easyRead.lang !== service.locale ? <p className="easy-read__note">{t('onlyInSwedish')}</p> : null}
              <LocalizedParagraphs value={service.easyRead} className="easy-read__text" />
            </section>
          ) : null}

          {service.applicationProcess ? (
            <section className="service-section" aria-labelledby="how-heading">
              <h2 id="how-heading">{t('howHeading')}</h2>
              <LocalizedParagraphs value={service.applicationProcess} />
            </section>
          ) : null}

          <ForWhomSection service={service} />
          <OpeningHours hours={service.hours} />
          <PlaceSection service={service} />
          <LanguagesSection languages={service.languages} />
          <CostSection cost={service.cost} />

          {service.categories.length > 1 ? (
            <section className="service-section service-categories" aria-labelledby="categories-heading">
              <h2 id="categories-heading">{t('categoriesHeading')}</h2>
              <ul className="tag-list">
                {service.categories.map((category) => (
                  <li key={category.slug} className="tag-list__item tag-list__item--link">
                    <Link href={{ pathname: '/sok', query: { kategori: category.slug } }} prefetch={false}>
                      <Localized value={category.name} />
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className="service-section service-info" aria-labelledby="info-heading">
            <h2 id="info-heading">{t('infoHeading')}</h2>
            <ConfirmedNote lastConfirmedAt={service.lastConfirmedAt} now={now} />
            <p data-testid="suggest-correction">
              <Link href={`/tjanster/${service.slug}/rattelse`} prefetch={false}>
                {tc('link')}
              </Link>
            </p>
            <p className="service-info__url">
              {t('pageAddress')}{' '}
              <a className="no-print-url" href={pageUrl} dir="ltr">
                {pageUrl}
              </a>
            </p>
          </section>
        </div>
      </div>
    </article>
  );
}
