import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import type { PublishedItem } from '@/lib/workshop/meetings';
import { MinutesText } from './minutes-text';

/**
 * The published minutes, item by item. An item on an issue the reader may not read says only
 * that it is not shared with the network: the data layer sends nothing else about it.
 */
export async function PublishedMinutesList({ locale, items }: { locale: AppLocale; items: PublishedItem[] }) {
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  if (items.length === 0) return <p>{t('agendaEmpty')}</p>;
  return (
    <ol className="agenda-list">
      {items.map((item) => {
        const key = `${item.kind}-${item.position}`;
        if (item.kind === 'restricted') {
          return (
            <li key={key} className="agenda-item agenda-item--restricted">
              <h2 className="agenda-item__title">{t('itemTitle', { position: item.position, title: t('restrictedItem') })}</h2>
            </li>
          );
        }
        return (
          <li key={key} className="agenda-item">
            <h2 className="agenda-item__title">
              {item.kind === 'issue' ? (
                <Link href={`/verkstad/${item.number}`}>{t('itemIssueTitle', { position: item.position, number: item.number, title: item.title })}</Link>
              ) : (
                t('itemTitle', { position: item.position, title: item.title })
              )}
            </h2>
            {item.kind === 'issue' ? <p className="agenda-item__reason">{t('stateNow', { state: t(`publicStates.${item.publicState}`) })}</p> : null}
            <MinutesText
              locale={locale}
              decision={item.decision}
              outcome={item.kind === 'issue' ? item.outcome : null}
              outcomeApplied={item.kind === 'issue' ? item.outcomeApplied : null}
              actions={item.kind === 'issue' ? item.actions : []}
            />
          </li>
        );
      })}
    </ol>
  );
}
