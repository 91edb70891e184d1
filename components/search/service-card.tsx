import { useTranslations } from 'next-intl';
import { CategoryIcon } from '@/components/icons/category-icon';
import { SaveToListButton } from '@/components/my-list/save-to-list-button';
import type { FacetLabels, ServiceCard } from '@/lib/directory/cards';
import { servicePath } from '@/lib/my-list/service-url';
import { toMyListEntry } from './my-list-entry';
import { shorten } from '@/lib/search/types';

/** A card shows a few badges at most; the coordinator's order of attributes decides which. */
const MAX_BADGES = 4;

interface ServiceCardViewProps {
  card: ServiceCard;
  labels: FacetLabels;
  locale: string;
  headingLevel: 2 | 3;
  now: Date;
}

const labelMap = (options: { value: string; label: string; icon?: string }[]) => new Map(options.map((o) => [o.value, o]));

/** One search result: what it is, who runs it, where, whether it is open, and how to call. */
export function ServiceCardView({ card, labels, locale, headingLevel, now }: ServiceCardViewProps) {
  const t = useTranslations('SearchPage');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const categories = labelMap(labels.categories);
  const municipalities = labelMap(labels.municipalities);
  const badges = labels.attributes.filter((a) => card.attributes.includes(a.value)).slice(0, MAX_BADGES);
  const phone = card.phones[0];
  const cardCategories = card.categories.flatMap((slug) => {
    const label = categories.get(slug);
    return label ? [label] : [];
  });
  const places = card.municipalities.flatMap((slug) => {
    const label = municipalities.get(slug);
    return label ? [label.label] : [];
  });
  return (
    <article className="result-card" aria-labelledby={`service-${card.id}`}>
      <Heading className="result-card__title">
        <a id={`service-${card.id}`} href={servicePath(locale, card.slug)} lang={card.untranslated.name ? 'sv' : undefined} dir="auto">
          {card.name}
        </a>
      </Heading>
      <p className="result-card__organization" dir="auto">
        {card.organizationName}
      </p>
      {card.isOpenNow || badges.length > 0 ? (
        <ul className="result-card__badges">
          {card.isOpenNow ? <li className="badge badge--open">{t('openNow')}</li> : null}
          {badges.map((badge) => (
            <li key={badge.value} className="badge">
              {badge.label}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="result-card__summary" lang={card.untranslated.summary ? 'sv' : undefined} dir="auto">
        {shorten(card.summary)}
      </p>
      {card.isFallback ? <p className="result-card__fallback">{t('fallbackNote')}</p> : null}
      {cardCategories.length > 0 ? (
        <ul className="result-card__categories" aria-label={t('categoriesLabel')}>
          {cardCategories.map((category) => (
            <li key={category.value} className="category-chip">
              <CategoryIcon name={category.icon ?? ''} className="category-chip__icon" />
              {category.label}
            </li>
          ))}
        </ul>
      ) : null}
      {places.length > 0 ? (
        <p className="result-card__places">
          <span className="result-card__places-label">{t('areaLabel')}</span> {places.join(', ')}
        </p>
      ) : null}
      <div className="result-card__actions">
        {phone ? (
          <a className="result-card__phone" href={`tel:${phone.dial}`}>
            {t('call')}{' '}
            <span dir="ltr" className="result-card__number">
              {phone.display}
            </span>
          </a>
        ) : null}
        <SaveToListButton entry={toMyListEntry(card, locale, now, { allDays: t('hoursAllDays'), roundTheClock: t('hoursRoundTheClock') })} />
      </div>
    </article>
  );
}
