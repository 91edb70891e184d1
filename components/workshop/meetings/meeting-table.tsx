import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';

/** When a meeting takes place, in Swedish time whatever the server's zone. */
export async function meetingWhen(locale: AppLocale, startsAt: Date, endsAt: Date | null): Promise<string> {
  const format = await getFormatter({ locale });
  const options = { dateStyle: 'full', timeStyle: 'short', timeZone: PORTAL_TIME_ZONE } as const;
  return endsAt ? format.dateTimeRange(startsAt, endsAt, options) : format.dateTime(startsAt, options);
}

/** "Synergiverkstad · tisdag 3 mars 2026 13:00–15:30 · Folkets hus": what kind, when and where. */
export async function meetingSummary(locale: AppLocale, meeting: { kind: 'NETWORK' | 'WORKSHOP'; startsAt: Date; endsAt: Date | null; place: string | null }): Promise<string> {
  const [t, when] = await Promise.all([getTranslations({ locale, namespace: 'WorkshopMeetings' }), meetingWhen(locale, meeting.startsAt, meeting.endsAt)]);
  return [t(`kinds.${meeting.kind}`), when, meeting.place].filter(Boolean).join(' · ');
}

/** A day stored as a date column (UTC midnight), shown as that calendar day. */
export async function calendarDay(locale: AppLocale, day: Date): Promise<string> {
  const format = await getFormatter({ locale });
  return format.dateTime(day, { dateStyle: 'long', timeZone: 'UTC' });
}

export interface MeetingTableRow {
  id: string;
  kind: 'NETWORK' | 'WORKSHOP';
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  itemCount: number;
}

interface MeetingTableProps {
  locale: AppLocale;
  id: string;
  caption: string;
  rows: MeetingTableRow[];
  /** Where a row's title leads: the coordinator's meeting page or the published minutes. */
  hrefBase: '/admin/moten' | '/verkstad/moten';
}

/** A list of meetings as a table: title, kind, time, place and how many items the agenda has. */
export async function MeetingTable({ locale, id, caption, rows, hrefBase }: MeetingTableProps) {
  const t = await getTranslations({ locale, namespace: 'WorkshopMeetings' });
  const when = await Promise.all(rows.map((row) => meetingWhen(locale, row.startsAt, row.endsAt)));
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="admin-table meeting-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colTitle')}</th>
            <th scope="col">{t('colKind')}</th>
            <th scope="col">{t('colWhen')}</th>
            <th scope="col">{t('colPlace')}</th>
            <th scope="col">{t('colItems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.id}>
              <th scope="row">
                <Link href={`${hrefBase}/${row.id}`}>{row.title}</Link>
              </th>
              <td>{t(`kinds.${row.kind}`)}</td>
              <td>{when[index]}</td>
              <td>{row.place ?? t('noPlace')}</td>
              <td>{row.itemCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
