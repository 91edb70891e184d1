/**
 * Opening hours: weekly periods in Europe/Stockholm wall-clock time, with date exceptions.
 * "Open now" is decided on the wall clock, so it stays right across summer time.
 *
 * A period belongs to the day it starts on; `closesMinute > 1440` runs past midnight into the
 * next day. An exception for a date replaces every period that starts on that date (closed
 * all day, or other hours); a night that started the day before is governed by that day.
 */
import { PORTAL_TIME_ZONE, wallClockAt, type WallClock } from '@/lib/time/zoned';

export interface WeeklyPeriod {
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  opensMinute: number;
  /** Up to 2880: past 1440 the period runs into the next day. */
  closesMinute: number;
  /** Seasonal periods: `YYYY-MM-DD` bounds (inclusive) of the dates the period may start on. */
  validFrom?: string | null;
  validTo?: string | null;
}

export interface DateException {
  /** `YYYY-MM-DD` in the portal's zone. */
  date: string;
  isClosed: boolean;
  opensMinute: number | null;
  closesMinute: number | null;
}

/** The search index keeps open-now as the set of quarter hours of the week a service is open. */
export const SLOT_MINUTES = 15;
const MINUTES_PER_WEEK = 7 * 1440;
export const SLOTS_PER_WEEK = MINUTES_PER_WEEK / SLOT_MINUTES;

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(clock: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** The date before an ISO date (calendar arithmetic, no zone involved). */
export function previousIsoDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const previousWeekday = (weekday: number) => (weekday === 1 ? 7 : weekday - 1);

/** Where in the week an instant falls, on the portal's wall clock. */
export function weekPosition(instant: Date, timeZone = PORTAL_TIME_ZONE) {
  const clock = wallClockAt(instant, timeZone);
  const minuteOfDay = clock.hour * 60 + clock.minute;
  return {
    date: isoDate(clock),
    weekday: clock.weekday,
    minuteOfDay,
    /** 0 ... SLOTS_PER_WEEK-1, Monday 00:00 first. */
    slot: ((clock.weekday - 1) * 1440 + minuteOfDay) / SLOT_MINUTES | 0,
  };
}

export const isSeasonal = (p: WeeklyPeriod) => Boolean(p.validFrom || p.validTo);

const validOn = (p: WeeklyPeriod, date: string) => (!p.validFrom || p.validFrom <= date) && (!p.validTo || date <= p.validTo);

/**
 * The quarter hours of the week in which the year-round periods are open. A quarter counts
 * when a period covers its start, which is exact for times on quarter hours (all real ones
 * seen). Seasonal periods and exceptions are left out: open-now decides those services
 * exactly at query time (lib/directory/open-now.ts).
 */
export function openSlotsOf(periods: readonly WeeklyPeriod[]): number[] {
  const slots = new Set<number>();
  for (const p of periods.filter((period) => !isSeasonal(period))) {
    const start = (p.weekday - 1) * 1440 + p.opensMinute;
    const end = (p.weekday - 1) * 1440 + p.closesMinute;
    for (let minute = Math.ceil(start / SLOT_MINUTES) * SLOT_MINUTES; minute < end; minute += SLOT_MINUTES) {
      slots.add((minute % MINUTES_PER_WEEK) / SLOT_MINUTES);
    }
  }
  return [...slots].sort((a, b) => a - b);
}

function openByPeriod(opens: number, closes: number, minute: number): boolean {
  return opens <= minute && minute < closes;
}

/**
 * Whether the service is open at `instant`, with exceptions applied. A date may carry several
 * exception rows (other hours in two periods); any of them open means open.
 */
export function isOpenAt(periods: readonly WeeklyPeriod[], exceptions: readonly DateException[], instant: Date): boolean {
  const now = weekPosition(instant);
  const yesterday = previousIsoDate(now.date);
  const openOn = (date: string, weekday: number, minute: number) => {
    const special = exceptions.filter((e) => e.date === date);
    if (special.length > 0) {
      return special.some((e) => !e.isClosed && e.opensMinute !== null && e.closesMinute !== null && openByPeriod(e.opensMinute, e.closesMinute, minute));
    }
    return periods.some((p) => p.weekday === weekday && validOn(p, date) && openByPeriod(p.opensMinute, p.closesMinute, minute));
  };
  return openOn(now.date, now.weekday, now.minuteOfDay) || openOn(yesterday, previousWeekday(now.weekday), now.minuteOfDay + 1440);
}
