'use client';

import type { AppLocale } from '@/i18n/routing';
import type { MyList } from '@/lib/my-list/list';
import { serviceUrl } from '@/lib/my-list/service-url';
import { QrCode, type DrawQrCode } from './qr-code';
import { fillTemplate } from './template';
import type { HandoutTexts } from './texts';
import { entryTextProps } from './entry-text';

/** Fewer services get more room; five or more go into two columns so six fit on one A4 page. */
function densityOf(count: number): 'roomy' | 'normal' | 'compact' {
  if (count <= 2) return 'roomy';
  if (count <= 4) return 'normal';
  return 'compact';
}

interface MyListHandoutProps {
  list: MyList;
  locale: AppLocale;
  siteName: string;
  /** The portal's address (`location.origin`), printed and encoded in the QR codes. */
  origin: string;
  printedOn: string;
  texts: HandoutTexts;
  drawQr: DrawQrCode | null;
}

/**
 * The printed sheet a curator hands to a patient: only what helps on paper (how to reach
 * each service, a QR code to its page, the national help lines). Hidden on screen; the
 * print styles show it instead of the page.
 */
export function MyListHandout({ list, locale, siteName, origin, printedOn, texts, drawQr }: MyListHandoutProps) {
  const host = new URL(origin).host;
  return (
    <section className={`my-list-handout my-list-handout--${densityOf(list.length)}`} data-testid="my-list-handout">
      <div className="handout__header">
        <p className="handout__site">
          <span className="handout__site-name">{siteName}</span> <span dir="ltr">{host}</span>
        </p>
        <h2 className="handout__heading">{texts.heading}</h2>
        <p className="handout__scan-hint">{texts.scanHint}</p>
      </div>
      <ol className="handout__services">
        {list.map((entry) => {
          const textProps = entryTextProps(entry, locale);
          const url = serviceUrl(origin, locale, entry.slug);
          return (
            <li key={entry.id} className="handout__service">
              <div className="handout__text">
                <h3 className="handout__name" {...textProps}>
                  {entry.name}
                </h3>
                {entry.organizationName ? (
                  <p className="handout__org" {...textProps}>
                    {entry.organizationName}
                  </p>
                ) : null}
                {entry.summary ? (
                  <p className="handout__summary" {...textProps}>
                    {entry.summary}
                  </p>
                ) : null}
                <dl className="handout__facts">
                  {entry.phones.length > 0 ? (
                    <div>
                      <dt>{texts.phone}</dt>
                      <dd>
                        {/* Two numbers and a week of hours per service keep six services on one sheet;
                            the QR code leads to the rest. */}
                        {entry.phones.slice(0, 2).map((phone, index) => (
                          <span key={`${phone.dial}-${index}`} className="handout__phone" dir="ltr">
                            {phone.display}
                          </span>
                        ))}
                      </dd>
                    </div>
                  ) : null}
                  {entry.address ? (
                    <div>
                      <dt>{texts.address}</dt>
                      <dd>{entry.address}</dd>
                    </div>
                  ) : null}
                  {entry.openingHours.length > 0 ? (
                    <div>
                      <dt>{texts.openingHours}</dt>
                      <dd {...textProps}>
                        {entry.openingHours.slice(0, 7).map((line, index) => (
                          <span key={index} className="handout__hours-line">
                            {line}
                          </span>
                        ))}
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </div>
              <QrCode url={url} label={fillTemplate(texts.qrLabel, { name: entry.name })} draw={drawQr} />
            </li>
          );
        })}
      </ol>
      <div className="handout__footer">
        <h3 className="handout__help-heading">{texts.helpHeading}</h3>
        <ul className="handout__help-lines">
          {texts.helpLines.map((line) => (
            <li key={line.id}>
              <span className="handout__help-number" dir="ltr">
                {line.display}
              </span>{' '}
              {line.label}
            </li>
          ))}
        </ul>
        <p className="handout__printed-on">{fillTemplate(texts.printedOn, { date: printedOn })}</p>
      </div>
    </section>
  );
}
