import { useTranslations } from 'next-intl';
import { CategoryIcon } from '@/components/icons/category-icon';
import { EmailAndWebsite } from '@/components/directory/service-page/contact-box';
import { Localized, LocalizedParagraphs } from '@/components/directory/service-page/localized';
import { PhoneList } from '@/components/directory/service-page/phone-link';
import { Link } from '@/i18n/navigation';
import { EventList } from '@/components/news/event-list';
import { PostList } from '@/components/news/post-list';
import type { OrganizationPageDto } from '@/lib/directory/service-page';
import type { EventCard, PostCard } from '@/lib/news/queries';
import '../service-page.css';

interface OrganizationPageProps {
  organization: OrganizationPageDto;
  posts: PostCard[];
  events: EventCard[];
}

/** An association's public page: who they are, how to reach them, what they offer, and their news. */
export function OrganizationPage({ organization, posts, events }: OrganizationPageProps) {
  const t = useTranslations('OrganizationPage');
  const tNews = useTranslations('News');
  const hasContact = organization.phones.length > 0 || organization.email || organization.website;
  return (
    <article className="service-page organization-page" aria-labelledby="organization-name">
      <header className="service-hero">
        <div className="container">
          <p className="service-hero__category">{t('kind')}</p>
          <Localized as="h1" id="organization-name" className="service-hero__name" value={organization.name} />
          {organization.isMainTextFallback ? (
            <p className="notice service-hero__fallback" data-testid="fallback-notice">
              {t('fallbackNotice')}
            </p>
          ) : null}
        </div>
      </header>
      <div className="container service-layout">
        <div className="service-layout__aside">
          <div className="service-box">
            <section className="service-box__section" aria-labelledby="organization-contact-heading">
              <h2 id="organization-contact-heading" className="service-box__heading">
                {t('contactHeading')}
              </h2>
              {hasContact ? null : <p>{t('noContact')}</p>}
              <PhoneList phones={organization.phones} />
              <EmailAndWebsite email={organization.email} website={organization.website} labels={{ email: t('email'), website: t('website') }} />
            </section>
          </div>
        </div>
        <div className="service-layout__main">
          {organization.description.text ? (
            <section className="service-section" aria-labelledby="organization-about-heading">
              <h2 id="organization-about-heading">{t('aboutHeading')}</h2>
              <LocalizedParagraphs value={organization.description} />
            </section>
          ) : null}
          <section className="service-section" aria-labelledby="organization-services-heading">
            <h2 id="organization-services-heading">{t('servicesHeading')}</h2>
            {organization.services.length === 0 ? (
              <p>{t('noServices')}</p>
            ) : (
              <ul className="card-list organization-services" data-testid="organization-services">
                {organization.services.map((service) => (
                  <li key={service.slug} className="card organization-services__item">
                    {service.icon ? <CategoryIcon name={service.icon} className="organization-services__icon" /> : null}
                    <div>
                      <h3 className="card__title">
                        <Link href={`/tjanster/${service.slug}`} prefetch={false}>
                          <Localized value={service.name} />
                        </Link>
                      </h3>
                      <Localized as="p" value={service.summary} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {events.length > 0 ? (
            <section className="service-section" aria-labelledby="organization-events-heading">
              <h2 id="organization-events-heading">{tNews('associationEvents')}</h2>
              <EventList events={events} headingLevel={3} />
            </section>
          ) : null}
          {posts.length > 0 ? (
            <section className="service-section" aria-labelledby="organization-news-heading">
              <h2 id="organization-news-heading">{tNews('associationNews')}</h2>
              <PostList posts={posts} headingLevel={3} />
              <ul className="action-links feed-links">
                <li>
                  <Link href={{ pathname: '/nyheter', query: { forening: organization.slug } }}>{tNews('moreNews', { organization: organization.name.text })}</Link>
                </li>
                <li>
                  <a href={`/foreningar/${organization.slug}/feed.xml`} type="application/atom+xml">
                    {tNews('organizationFeed')}
                  </a>
                </li>
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </article>
  );
}
