import { useLocale, useTranslations } from 'next-intl';
import type { ServicePageDto } from '@/lib/directory/service-page';
import { Localized, LocalizedParagraphs } from './localized';

const capitalize = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** Who the service is for: target groups, eligibility, ages, the municipalities it covers. */
export function ForWhomSection({ service }: { service: ServicePageDto }) {
  const t = useTranslations('ServicePage');
  const locale = useLocale();
  const { minimumAge: min, maximumAge: max } = service;
  const ages =
    min !== null && max !== null ? t('ages.range', { min, max }) : min !== null ? t('ages.from', { min }) : max !== null ? t('ages.upTo', { max }) : null;
  const hasAnything = service.targetGroups.length > 0 || service.eligibility || ages || service.areas.length > 0;
  if (!hasAnything) return null;
  const areas = new Intl.ListFormat(locale, { type: 'conjunction' }).format(service.areas.map((a) => a.name));
  return (
    <section className="service-section" aria-labelledby="for-whom-heading">
      <h2 id="for-whom-heading">{t('forWhomHeading')}</h2>
      {service.targetGroups.length > 0 ? (
        <ul className="tag-list" aria-label={t('targetGroupsLabel')}>
          {service.targetGroups.map((group) => (
            <li key={group.slug} className="tag-list__item">
              <Localized value={group.name} />
            </li>
          ))}
        </ul>
      ) : null}
      {service.eligibility ? <LocalizedParagraphs value={service.eligibility} /> : null}
      <dl className="service-facts">
        {ages ? (
          <div>
            <dt>{t('ageLabel')}</dt>
            <dd>{ages}</dd>
          </div>
        ) : null}
        {service.areas.length > 0 ? (
          <div>
            <dt>{t('areasLabel')}</dt>
            <dd>{areas}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

/** The languages help is given in, named in the page's language by Intl. */
export function LanguagesSection({ languages }: { languages: string[] }) {
  const t = useTranslations('ServicePage');
  const locale = useLocale();
  if (languages.length === 0) return null;
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const named = languages
    .map((code) => ({ code, name: capitalize(names.of(code) ?? code, locale) }))
    // The page's own language first, then alphabetically as the reader spells them.
    .sort((a, b) => Number(b.code === locale) - Number(a.code === locale) || a.name.localeCompare(b.name, locale));
  return (
    <section className="service-section" aria-labelledby="languages-heading">
      <h2 id="languages-heading">{t('languagesHeading')}</h2>
      <p>{t('languagesIntro')}</p>
      <ul className="tag-list">
        {named.map((language) => (
          <li key={language.code} className="tag-list__item">
            {language.name}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Free, or what it costs. */
export function CostSection({ cost }: { cost: ServicePageDto['cost'] }) {
  const t = useTranslations('ServicePage');
  const locale = useLocale();
  const money = (amount: string, currency: string) => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(Number(amount));
    } catch {
      return `${amount} ${currency}`;
    }
  };
  return (
    <section className="service-section" aria-labelledby="cost-heading">
      <h2 id="cost-heading">{t('costHeading')}</h2>
      {cost.isFree ? <p className="service-cost__free">{t('free')}</p> : null}
      {cost.fees ? <LocalizedParagraphs value={cost.fees} /> : null}
      {!cost.isFree && !cost.fees && cost.options.length === 0 ? <p>{t('costUnknown')}</p> : null}
      {cost.options.length > 0 ? (
        <ul>
          {cost.options.map((option, index) => (
            <li key={index}>
              <Localized value={option.option} />
              {option.amount !== null ? `: ${money(option.amount, option.currency)}` : null}
              {option.description ? (
                <>
                  {' – '}
                  <Localized value={option.description} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** How to get there and how accessible the place is, per place with an address. */
export function PlaceSection({ service }: { service: ServicePageDto }) {
  const t = useTranslations('ServicePage');
  const places = service.locations.filter((l) => l.transportation || l.accessibility);
  if (places.length === 0) return null;
  const showNames = service.locations.length > 1;
  return (
    <section className="service-section" aria-labelledby="place-heading">
      <h2 id="place-heading">{t('placeHeading')}</h2>
      {places.map((place) => (
        <div key={place.id} className="service-place">
          {showNames ? <Localized as="h3" value={place.name} /> : null}
          <dl className="service-facts service-facts--stacked">
            {place.transportation ? (
              <div>
                <dt>{t('transportation')}</dt>
                <dd>
                  <Localized value={place.transportation} />
                </dd>
              </div>
            ) : null}
            {place.accessibility ? (
              <div>
                <dt>{t('accessibility')}</dt>
                <dd>
                  <Localized value={place.accessibility} />
                </dd>
              </div>
            ) : null}
          </dl>
        </div>
      ))}
    </section>
  );
}

const STALE_AFTER_MS = 365 * 24 * 60 * 60 * 1000;

/** "Bekräftad för 3 veckor sedan", and a warning when that was more than a year ago or never. */
export function ConfirmedNote({ lastConfirmedAt, now }: { lastConfirmedAt: Date | null; now: Date }) {
  const t = useTranslations('ServicePage');
  const locale = useLocale();
  if (!lastConfirmedAt) {
    return (
      <p className="notice" data-testid="confirmed-note">
        {t('neverConfirmed')}
      </p>
    );
  }
  const isStale = now.getTime() - lastConfirmedAt.getTime() > STALE_AFTER_MS;
  const when = relativeTime(lastConfirmedAt, now, locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(lastConfirmedAt);
  return (
    <>
      <p data-testid="confirmed-note">
        {t.rich('confirmed', {
          when,
          time: (chunks) => (
            <time dateTime={lastConfirmedAt.toISOString()} title={date}>
              {chunks}
            </time>
          ),
        })}
      </p>
      {isStale ? <p className="notice">{t('stale')}</p> : null}
    </>
  );
}

/** "för 3 veckor sedan": whole units of the largest unit that fits (12 days is "1 week"). */
function relativeTime(then: Date, now: Date, locale: string): string {
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 86_400],
    ['month', 30 * 86_400],
    ['week', 7 * 86_400],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (abs >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  // Under a minute: "nu" (now), not "om 0 minuter" (in 0 minutes), which numeric 'always' says.
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second');
}
