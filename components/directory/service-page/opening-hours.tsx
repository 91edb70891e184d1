import { useLocale, useTranslations } from 'next-intl';
import { formatRange, isRoundTheClock, upcomingExceptions, weekRows, weekdayName, type TimeRange } from '@/lib/directory/opening-hours-display';
import type { HoursGroupDto, LocalizedText, ServicePageDto } from '@/lib/directory/service-page';
import { Localized } from './localized';

const capitalize = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** "Möckelngården – Drop-in": what a table of hours is for, when the service has several. */
function GroupTitle({ group }: { group: HoursGroupDto }) {
  const parts = [group.location, group.description].filter((p): p is LocalizedText => p !== null);
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 ? ' – ' : null}
          <Localized value={part} />
        </span>
      ))}
    </>
  );
}

function Ranges({ ranges, closed, roundTheClock }: { ranges: TimeRange[]; closed: string; roundTheClock: string }) {
  if (ranges.length === 0) return <span className="hours-table__closed">{closed}</span>;
  return (
    <>
      {ranges.map((range, index) => (
        <span key={index} className="hours-table__range">
          {formatRange(range, roundTheClock)}
        </span>
      ))}
    </>
  );
}

/**
 * The weekly hours as a table per place/purpose (Monday first, today marked), then the days
 * in the next two weeks when the hours differ.
 */
export function OpeningHours({ hours }: { hours: ServicePageDto['hours'] }) {
  const t = useTranslations('ServicePage');
  const locale = useLocale();
  const upcoming = upcomingExceptions(hours.exceptions, hours.today);
  const dateFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <section className="service-section" aria-labelledby="hours-heading">
      <h2 id="hours-heading">{t('hoursHeading')}</h2>
      {hours.groups.length === 0 ? <p>{t('noHours')}</p> : null}
      <div className="hours-groups">
        {hours.groups.map((group) => {
          const hasTitle = group.location !== null || group.description !== null;
          const rows = weekRows(group.periods, hours.today);
          // Seven rows of "round the clock" say less than one sentence.
          if (rows.every((row) => row.ranges.length === 1 && isRoundTheClock(row.ranges[0]!))) {
            return (
              <div key={group.key} className="hours-always" data-testid="hours-always">
                {hasTitle ? (
                  <p className="hours-table__caption">
                    <GroupTitle group={group} />
                  </p>
                ) : null}
                <p>{t('alwaysOpen')}</p>
              </div>
            );
          }
          return (
            <table key={group.key} className="hours-table" data-testid="hours-table">
              <caption className={hasTitle ? 'hours-table__caption' : 'visually-hidden'}>
                {hasTitle ? <GroupTitle group={group} /> : t('hoursCaption')}
              </caption>
              <thead className="visually-hidden">
                <tr>
                  <th scope="col">{t('dayColumn')}</th>
                  <th scope="col">{t('timeColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.weekday} className={row.isToday ? 'hours-table__today' : undefined} aria-current={row.isToday ? 'date' : undefined}>
                    <th scope="row">
                      {capitalize(weekdayName(locale, row.weekday), locale)}
                      {row.isToday ? <span className="hours-table__today-label"> ({t('today')})</span> : null}
                    </th>
                    <td>
                      <Ranges ranges={row.ranges} closed={t('closedDay')} roundTheClock={t('roundTheClock')} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
      {upcoming.length > 0 ? (
        <div className="hours-exceptions" data-testid="hours-exceptions">
          <h3>{t('exceptionsHeading')}</h3>
          <ul>
            {upcoming.map(({ date, entries }) => {
              const open = entries.filter((e) => !e.isClosed && e.opensMinute !== null && e.closesMinute !== null);
              const reasons = entries.flatMap((e) => (e.reason ? [e.reason] : []));
              return (
                <li key={date}>
                  <time dateTime={date} className="hours-exceptions__date">
                    {capitalize(dateFormat.format(new Date(`${date}T00:00:00Z`)), locale)}
                  </time>
                  {': '}
                  {open.length === 0
                    ? t('closedDay')
                    : open.map((e) => formatRange({ opensMinute: e.opensMinute as number, closesMinute: e.closesMinute as number })).join(', ')}
                  {reasons.map((reason, index) => (
                    <Localized key={index} className="hours-exceptions__reason" value={reason} />
                  ))}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
