/**
 * Opening hours for people to read: weekly tables, grouped lines ("Mån–fre 09:00–12:00"),
 * the dates in the next two weeks when the hours differ, and the "open now, closes 16:00" /
 * "closed, opens Tuesday 09:00" status.
 *
 * Everything here works on the wall clock of the portal's zone (lib/directory/opening-hours.ts):
 * a period 09:00–16:00 is 09:00–16:00 on the days the clocks change as well, so the arithmetic
 * is in "minutes after today's midnight" and never in instants. Words come from the caller
 * (message keys, labels) or from Intl in the page's language; nothing here is Swedish-only.
 */
import { isOpenAt, weekPosition, type DateException, type WeeklyPeriod } from './opening-hours';

const DAY = 1440;
const pad = (n: number) => String(n).padStart(2, '0');

/** "09:00"; a closing time past midnight reads as the next day's clock ("02:00"), 1440 as "24:00". */
export function formatClock(minute: number): string {
  const m = minute > DAY ? minute - DAY : minute;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

export interface TimeRange {
  opensMinute: number;
  closesMinute: number;
}

export const isRoundTheClock = (r: TimeRange) => r.opensMinute === 0 && r.closesMinute >= DAY;

/** "09:00–12:00", "22:00–02:00", or the caller's word for a whole day ("Dygnet runt"). */
export function formatRange(range: TimeRange, roundTheClockLabel?: string): string {
  if (roundTheClockLabel && isRoundTheClock(range)) return roundTheClockLabel;
  return `${formatClock(range.opensMinute)}–${formatClock(range.closesMinute)}`;
}

/** ISO date arithmetic on the calendar (no zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of an ISO date. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const validOn = (p: WeeklyPeriod, date: string) => (!p.validFrom || p.validFrom <= date) && (!p.validTo || date <= p.validTo);
const byOpening = (a: TimeRange, b: TimeRange) => a.opensMinute - b.opensMinute || a.closesMinute - b.closesMinute;

// ---------------------------------------------------------------- weekday names (Intl)

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The weekday's name in the page's language, from Intl (sv "tisdag"/"tis", en "Tuesday"/"Tue").
 * Dates are formatted in UTC: 2024-01-01 was a Monday, so 2024-01-0N is ISO weekday N.
 */
export function weekdayName(locale: string, weekday: number, width: 'long' | 'short' = 'long'): string {
  const key = `${locale}|${width}`;
  let f = nameFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
    nameFormatters.set(key, f);
  }
  // Swedish short names carry a full stop in some ICU versions ("tis."); a table has no room for it.
  return f.format(new Date(Date.UTC(2024, 0, weekday))).replace(/\.$/, '');
}

const capitalize = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

// ---------------------------------------------------------------- the weekly table

export interface WeekRow {
  /** ISO weekday, Monday first. */
  weekday: number;
  /** The date this row stands for: the next occurrence of the weekday, today included. */
  date: string;
  isToday: boolean;
  /** Sorted; empty when closed. */
  ranges: TimeRange[];
}

/**
 * Seven rows, Monday to Sunday, for the coming week from `today`: a seasonal period shows
 * only on the rows whose date it covers, so the table is right for the week it is read in.
 */
export function weekRows(periods: readonly WeeklyPeriod[], today: string): WeekRow[] {
  const todayWeekday = weekdayOf(today);
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const date = addDays(today, (weekday - todayWeekday + 7) % 7);
    const ranges = periods
      .filter((p) => p.weekday === weekday && validOn(p, date))
      .map((p) => ({ opensMinute: p.opensMinute, closesMinute: p.closesMinute }))
      .sort(byOpening);
    return { weekday, date, isToday: weekday === todayWeekday, ranges };
  });
}

// ---------------------------------------------------------------- grouped lines

export interface LineLabels {
  /** All seven days have the same hours ("Alla dagar"). */
  allDays: string;
  /** 00:00–24:00 ("Dygnet runt"). */
  roundTheClock: string;
}

/**
 * The week as short lines: runs of consecutive days with the same hours share a line
 * ("Mån–fre 09:00–12:00"), several periods a day are listed together ("Tis 10:00–12:00,
 * 13:00–16:00"), closed days are left out. For handouts and lists, where a table is too big.
 */
export function weekLines(periods: readonly WeeklyPeriod[], today: string, locale: string, labels: LineLabels): string[] {
  const rows = weekRows(periods, today);
  const key = (row: WeekRow) => row.ranges.map((r) => `${r.opensMinute}-${r.closesMinute}`).join(',');
  const runs: { from: WeekRow; to: WeekRow }[] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last.to.weekday === row.weekday - 1 && key(last.to) === key(row)) last.to = row;
    else runs.push({ from: row, to: row });
  }
  return runs
    .filter((run) => run.from.ranges.length > 0)
    .map((run) => {
      const hours = run.from.ranges.map((r) => formatRange(r, labels.roundTheClock)).join(', ');
      let days: string;
      if (run.from.weekday === 1 && run.to.weekday === 7) days = labels.allDays;
      else if (run.from === run.to) days = weekdayName(locale, run.from.weekday, 'short');
      else days = `${weekdayName(locale, run.from.weekday, 'short')}–${weekdayName(locale, run.to.weekday, 'short')}`;
      return capitalize(`${days} ${hours}`, locale);
    });
}

// ---------------------------------------------------------------- exceptions

/** The exceptions from today through the next `days - 1` days, grouped by date, soonest first. */
export function upcomingExceptions<E extends DateException>(exceptions: readonly E[], today: string, days = 14): { date: string; entries: E[] }[] {
  const last = addDays(today, days - 1);
  const byDate = new Map<string, E[]>();
  for (const e of [...exceptions].sort((a, b) => a.date.localeCompare(b.date) || (a.opensMinute ?? 0) - (b.opensMinute ?? 0))) {
    if (e.date < today || e.date > last) continue;
    byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  }
  return [...byDate].map(([date, entries]) => ({ date, entries }));
}

// ---------------------------------------------------------------- open now

/** A moment on the wall clock, relative to today. */
export interface WallTime {
  /** 0 = today, 1 = tomorrow, ... */
  dayOffset: number;
  date: string;
  weekday: number;
  /** Minutes after that day's midnight; 1440 for a closing at midnight ("24:00"). */
  minute: number;
}

export type OpenStatus =
  | { kind: 'open'; /** Null when it stays open beyond the days looked at (round the clock). */ closes: WallTime | null }
  | { kind: 'closed'; /** Null when it does not open in the days looked at. */ opens: WallTime | null }
  /** No opening hours are recorded: nothing can be said. */
  | { kind: 'unknown' };

/** How far ahead the status looks for the next opening or closing. */
export const STATUS_HORIZON_DAYS = 14;

function toWallTime(today: string, offsetMinutes: number, isClosing: boolean): WallTime {
  // A closing on the stroke of midnight belongs to the evening before ("closes Friday 24:00").
  let dayOffset = Math.floor(offsetMinutes / DAY);
  let minute = offsetMinutes - dayOffset * DAY;
  if (isClosing && minute === 0) {
    dayOffset -= 1;
    minute = DAY;
  }
  const date = addDays(today, dayOffset);
  return { dayOffset, date, weekday: weekdayOf(date), minute };
}

/**
 * Open or closed at `now` (decided by `isOpenAt`, the same rule search uses), and when that
 * changes next: the closing time while open, the next opening while closed. Exceptions
 * replace the weekly periods of their date; a night that started the day before counts.
 */
export function openStatusAt(periods: readonly WeeklyPeriod[], exceptions: readonly DateException[], now: Date): OpenStatus {
  if (periods.length === 0 && exceptions.every((e) => e.isClosed)) return { kind: 'unknown' };
  const position = weekPosition(now);
  const today = position.date;
  const intervals: [number, number][] = [];
  for (let offset = -1; offset <= STATUS_HORIZON_DAYS; offset++) {
    const date = addDays(today, offset);
    const weekday = weekdayOf(date);
    const special = exceptions.filter((e) => e.date === date);
    const ranges: TimeRange[] =
      special.length > 0
        ? special.flatMap((e) =>
            !e.isClosed && e.opensMinute !== null && e.closesMinute !== null ? [{ opensMinute: e.opensMinute, closesMinute: e.closesMinute }] : [],
          )
        : periods.filter((p) => p.weekday === weekday && validOn(p, date));
    for (const r of ranges) intervals.push([offset * DAY + r.opensMinute, offset * DAY + r.closesMinute]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  // Periods that touch or overlap make one stretch: 00:00–24:00 every day never "closes at midnight".
  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const minute = position.minuteOfDay;
  const horizon = (STATUS_HORIZON_DAYS + 1) * DAY;
  if (isOpenAt(periods, exceptions, now)) {
    const current = merged.find(([start, end]) => start <= minute && minute < end);
    if (!current || current[1] >= horizon) return { kind: 'open', closes: null };
    return { kind: 'open', closes: toWallTime(today, current[1], true) };
  }
  const next = merged.find(([start]) => start > minute);
  return { kind: 'closed', opens: next && next[0] < horizon ? toWallTime(today, next[0], false) : null };
}

/** Keys of the ServicePage.status messages, with their values. */
export type OpenStatusMessage =
  | { key: 'openNow'; values: Record<string, never> }
  | { key: 'openUntil'; values: { time: string } }
  | { key: 'openUntilDay'; values: { day: string; time: string } }
  | { key: 'closed'; values: Record<string, never> }
  | { key: 'closedOpensToday'; values: { time: string } }
  | { key: 'closedOpensTomorrow'; values: { time: string } }
  | { key: 'closedOpensDay'; values: { day: string; time: string } }
  | { key: 'unknown'; values: Record<string, never> };

/** Until this hour the next morning, a closing reads as tonight's ("stänger 02:00"), not tomorrow's. */
const NIGHT_ENDS_MINUTE = 6 * 60;

/**
 * The status as a message key and values: "Öppet nu – stänger 16:00", "Stängt – öppnar
 * tisdag 09:00". Within a week the day is the weekday's name, further ahead a date.
 */
export function openStatusMessage(status: OpenStatus, locale: string): OpenStatusMessage {
  const dayName = (t: WallTime) =>
    t.dayOffset < 7
      ? weekdayName(locale, t.weekday, 'long')
      : new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${t.date}T00:00:00Z`));
  switch (status.kind) {
    case 'unknown':
      return { key: 'unknown', values: {} };
    case 'open': {
      const closes = status.closes;
      if (!closes) return { key: 'openNow', values: {} };
      const time = formatClock(closes.minute);
      if (closes.dayOffset <= 0 || (closes.dayOffset === 1 && closes.minute <= NIGHT_ENDS_MINUTE)) return { key: 'openUntil', values: { time } };
      return { key: 'openUntilDay', values: { day: dayName(closes), time } };
    }
    case 'closed': {
      const opens = status.opens;
      if (!opens) return { key: 'closed', values: {} };
      const time = formatClock(opens.minute);
      if (opens.dayOffset === 0) return { key: 'closedOpensToday', values: { time } };
      if (opens.dayOffset === 1) return { key: 'closedOpensTomorrow', values: { time } };
      return { key: 'closedOpensDay', values: { day: dayName(opens), time } };
    }
  }
}

/** Today's date in the portal's zone. */
export function todayAt(now: Date): string {
  return weekPosition(now).date;
}
