import { useTranslations } from 'next-intl';
import type { ServicePageDto } from '@/lib/directory/service-page';
import { addressLine, directionsUrl, readableUrl } from './links';
import { Localized } from './localized';
import { PhoneList } from './phone-link';

/**
 * How to reach the service, first on small screens: phones, e-mail, website, named contact
 * people, and where to go. A protected place says that its address is protected and points to
 * the contact routes instead; it never gets an address, a map or directions.
 */
export function ContactBox({ service }: { service: ServicePageDto }) {
  const t = useTranslations('ServicePage');
  const hasContact = service.phones.length > 0 || service.email || service.website || service.contacts.length > 0;
  return (
    <div className="service-box">
      <section className="service-box__section" aria-labelledby="contact-heading">
        <h2 id="contact-heading" className="service-box__heading">
          {t('contactHeading')}
        </h2>
        {hasContact ? null : <p>{t('noContact')}</p>}
        <PhoneList phones={service.phones} />
        <EmailAndWebsite email={service.email} website={service.website} labels={{ email: t('email'), website: t('website') }} />
        {service.contacts.length > 0 ? (
          <>
            <h3 className="service-box__subheading">{t('contactPeople')}</h3>
            <ul className="service-contact-people">
              {service.contacts.map((person, index) => (
                <li key={index}>
                  {person.name ? <strong>{person.name}</strong> : null}
                  {person.title || person.department ? (
                    <span className="service-contact-people__role">
                      {person.title ? <Localized value={person.title} /> : null}
                      {person.title && person.department ? ', ' : null}
                      {person.department ? <Localized value={person.department} /> : null}
                    </span>
                  ) : null}
                  <PhoneList phones={person.phones} />
                  {person.email ? (
                    <a className="no-print-url" href={`mailto:${person.email}`}>
                      {person.email}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <VisitSection service={service} />
    </div>
  );
}

/** E-mail and website as a definition list; nothing when there is neither. */
export function EmailAndWebsite({ email, website, labels }: { email: string | null; website: string | null; labels: { email: string; website: string } }) {
  if (!email && !website) return null;
  return (
    <dl className="service-contact-list">
      {email ? (
        <div>
          <dt>{labels.email}</dt>
          <dd>
            <a className="no-print-url" href={`mailto:${email}`}>
              {email}
            </a>
          </dd>
        </div>
      ) : null}
      {website ? (
        <div>
          <dt>{labels.website}</dt>
          <dd>
            <a className="no-print-url" href={website}>
              {readableUrl(website)}
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function VisitSection({ service }: { service: ServicePageDto }) {
  const t = useTranslations('ServicePage');
  const hasProtected = service.protectedLocationCount > 0;
  if (service.locations.length === 0 && !hasProtected) return null;
  return (
    <section className="service-box__section" aria-labelledby="visit-heading">
      <h2 id="visit-heading" className="service-box__heading">
        {t('addressHeading')}
      </h2>
      {service.locations.map((location) => {
        const address = addressLine(location);
        const directions = directionsUrl(location);
        return (
          <div key={location.id} className="service-address" data-testid="service-address">
            <Localized as="p" className="service-address__name" value={location.name} />
            {address ? (
              <p className="service-address__lines">
                {location.addressLine1}
                {location.addressLine2 ? (
                  <>
                    <br />
                    {location.addressLine2}
                  </>
                ) : null}
                {location.postalCode || location.city ? (
                  <>
                    <br />
                    {[location.postalCode, location.city].filter(Boolean).join(' ')}
                  </>
                ) : null}
              </p>
            ) : null}
            {location.description ? <Localized as="p" value={location.description} /> : null}
            <PhoneList phones={location.phones} />
            {directions ? (
              <p className="service-address__directions">
                <a href={directions} data-testid="directions-link" rel="noreferrer">
                  {t('directions')}
                  <span className="visually-hidden"> {t('externalSite')}</span>
                </a>
              </p>
            ) : null}
          </div>
        );
      })}
      {hasProtected ? (
        <p className="service-protected" data-testid="protected-address">
          {t('protectedAddress')}
        </p>
      ) : null}
    </section>
  );
}
