import type { Db } from '@/lib/db/client';
import { isOpenAt, previousIsoDate, weekPosition, type DateException, type WeeklyPeriod } from './opening-hours';

/**
 * What a search engine needs to filter on "open now": the quarter hour of the week to match
 * against the indexed `openSlots`, and the services whose hours today are not the regular
 * weekly ones (an exception today or yesterday, or seasonal periods). Those few are decided
 * exactly here, so both engines give the same answer.
 */
export interface OpenNowFilter {
  slot: number;
  /** Services decided exactly: ignore their slots. */
  exactIds: string[];
  /** Of those, the ones open at the instant. */
  openExactIds: string[];
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export async function resolveOpenNow(db: Db, instant: Date): Promise<OpenNowFilter> {
  const now = weekPosition(instant);
  const dates = [asDate(previousIsoDate(now.date)), asDate(now.date)];
  const services = await db.service.findMany({
    where: {
      status: 'ACTIVE',
      OR: [
        { scheduleExceptions: { some: { date: { in: dates } } } },
        { schedules: { some: { OR: [{ validFrom: { not: null } }, { validTo: { not: null } }] } } },
      ],
    },
    select: {
      id: true,
      schedules: { select: { weekday: true, opensMinute: true, closesMinute: true, validFrom: true, validTo: true } },
      scheduleExceptions: {
        where: { date: { in: dates } },
        select: { date: true, isClosed: true, opensMinute: true, closesMinute: true },
      },
    },
  });
  const openExactIds = services
    .filter((s) => {
      const periods: WeeklyPeriod[] = s.schedules.map((p) => ({ ...p, validFrom: isoOf(p.validFrom), validTo: isoOf(p.validTo) }));
      const exceptions: DateException[] = s.scheduleExceptions.map((e) => ({ ...e, date: isoOf(e.date) as string }));
      return isOpenAt(periods, exceptions, instant);
    })
    .map((s) => s.id);
  return { slot: now.slot, exactIds: services.map((s) => s.id), openExactIds };
}
