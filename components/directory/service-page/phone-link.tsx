import { useTranslations } from 'next-intl';
import type { PhoneDto } from '@/lib/directory/service-page';
import { Localized } from './localized';

/**
 * A number people can tap: `tel:` for voice and text phones, `sms:` for text messages, plain
 * text for fax. The number reads left to right even on an Arabic page.
 */
export function PhoneLine({ phone }: { phone: PhoneDto }) {
  const t = useTranslations('ServicePage.phoneKind');
  const number = (
    <span className="service-phone__number" dir="ltr">
      {phone.display}
    </span>
  );
  const scheme = phone.kind === 'SMS' ? 'sms' : phone.kind === 'FAX' ? null : 'tel';
  return (
    <>
      <span className="service-phone__kind">{t(phone.kind)}</span>{' '}
      {scheme ? (
        <a className="service-phone__link" href={`${scheme}:${phone.dial}`}>
          {number}
        </a>
      ) : (
        number
      )}
      {phone.description ? (
        <Localized as="span" className="service-phone__description" value={phone.description} />
      ) : null}
    </>
  );
}

export function PhoneList({ phones }: { phones: PhoneDto[] }) {
  if (phones.length === 0) return null;
  return (
    <ul className="service-phone-list">
      {phones.map((phone, index) => (
        <li key={`${phone.dial}-${index}`} className="service-phone">
          <PhoneLine phone={phone} />
        </li>
      ))}
    </ul>
  );
}
