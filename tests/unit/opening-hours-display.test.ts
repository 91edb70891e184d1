import { describe, expect, it } from 'vitest';
import type { DateException, WeeklyPeriod } from '@/lib/directory/opening-hours';
import {
  formatClock,
  formatRange,
  openStatusAt,
  openStatusMessage,
  upcomingExceptions,
  weekLines,
  weekRows,
  weekdayName,
} from '@/lib/directory/opening-hours-display';
import { instantOfWallClock, parseClock } from '@/lib/time/zoned';

/** Weekly periods from "HH:MM" pairs; a closing at or before the opening runs past midnight. */
function periods(spec: { days: number[]; opens: string; closes: string; validFrom?: string; validTo?: string }[]): WeeklyPeriod[] {
  return spec.flatMap(({ days, opens, closes, validFrom, validTo }) => {
    const o = parseClock(opens);
    let c = parseClock(closes);
    if (c <= o) c += 1440;
    return days.map((weekday) => ({ weekday, opensMinute: o, closesMinute: c, validFrom, validTo }));
  });
}

/** A Stockholm wall-clock moment: `at(2026, 1, 14, '15:59')`. */
const at = (year: number, month: number, day: number, clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return instantOfWallClock(year, month, day, h!, m!);
};

const LABELS = { allDays: 'Alla dagar', roundTheClock: 'Dygnet runt' };
const OFFICE = periods([{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '16:00' }]);
// 2026-01-12 is a Monday.
const MONDAY = '2026-01-12';

describe('formatClock', () => {
  it('writes minutes after midnight as HH:MM, and a closing past midnight as the next day\'s clock', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(9 * 60 + 5)).toBe('09:05');
    expect(formatClock(1440)).toBe('24:00');
    expect(formatClock(1560)).toBe('02:00');
  });
});

describe('formatRange', () => {
  it('writes a period past midnight as 22:00–02:00', () => {
    expect(formatRange({ opensMinute: 1320, closesMinute: 1560 })).toBe('22:00–02:00');
  });

  it('uses the given word for a whole day when there is one', () => {
    expect(formatRange({ opensMinute: 0, closesMinute: 1440 }, 'Dygnet runt')).toBe('Dygnet runt');
    expect(formatRange({ opensMinute: 0, closesMinute: 1440 })).toBe('00:00–24:00');
  });
});

describe('weekdayName', () => {
  it('names ISO weekdays in the page language', () => {
    expect(weekdayName('sv', 1)).toBe('måndag');
    expect(weekdayName('sv', 2, 'short')).toBe('tis');
    expect(weekdayName('en', 7)).toBe('Sunday');
  });
});

describe('weekLines', () => {
  it('groups consecutive days with the same hours into one line', () => {
    const week = periods([
      { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '12:00' },
      { days: [6], opens: '10:00', closes: '14:00' },
    ]);
    expect(weekLines(week, MONDAY, 'sv', LABELS)).toEqual(['Mån–fre 09:00–12:00', 'Lör 10:00–14:00']);
    expect(weekLines(week, MONDAY, 'en', LABELS)).toEqual(['Mon–Fri 09:00–12:00', 'Sat 10:00–14:00']);
  });

  it('lists several periods of a day together and keeps days with other hours apart', () => {
    const week = periods([
      { days: [2], opens: '10:00', closes: '12:00' },
      { days: [2], opens: '13:00', closes: '16:00' },
      { days: [4], opens: '13:00', closes: '18:00' },
    ]);
    expect(weekLines(week, MONDAY, 'sv', LABELS)).toEqual(['Tis 10:00–12:00, 13:00–16:00', 'Tors 13:00–18:00']);
  });

  it('does not join days that are not next to each other, even with the same hours', () => {
    const week = periods([{ days: [1, 3], opens: '09:00', closes: '12:00' }]);
    expect(weekLines(week, MONDAY, 'sv', LABELS)).toEqual(['Mån 09:00–12:00', 'Ons 09:00–12:00']);
  });

  it('writes a night past midnight with its closing clock', () => {
    const week = periods([{ days: [5, 6], opens: '22:00', closes: '02:00' }]);
    expect(weekLines(week, MONDAY, 'sv', LABELS)).toEqual(['Fre–lör 22:00–02:00']);
  });

  it('says "all days, round the clock" for a service that never closes', () => {
    const week = periods([{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }]);
    expect(weekLines(week, MONDAY, 'sv', LABELS)).toEqual(['Alla dagar Dygnet runt']);
  });

  it('leaves out a seasonal period on the days of the coming week it does not cover', () => {
    const week = [
      ...OFFICE,
      ...periods([{ days: [6], opens: '10:00', closes: '13:00', validFrom: '2026-06-01', validTo: '2026-08-31' }]),
    ];
    expect(weekLines(week, MONDAY, 'sv', LABELS)).toEqual(['Mån–fre 09:00–16:00']);
    expect(weekLines(week, '2026-06-15', 'sv', LABELS)).toEqual(['Mån–fre 09:00–16:00', 'Lör 10:00–13:00']);
  });
});

describe('weekRows', () => {
  it('gives seven rows from Monday, marks today and dates each row in the coming week', () => {
    const rows = weekRows(OFFICE, '2026-01-14');
    expect(rows.map((r) => r.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows.find((r) => r.isToday)?.weekday).toBe(3);
    expect(rows[0]!.date).toBe('2026-01-19');
    expect(rows[2]!.date).toBe('2026-01-14');
    expect(rows[5]!.ranges).toEqual([]);
    expect(rows[4]!.ranges).toEqual([{ opensMinute: 540, closesMinute: 960 }]);
  });
});

describe('openStatusAt', () => {
  it('is open with the closing time shortly before closing', () => {
    const status = openStatusAt(OFFICE, [], at(2026, 1, 14, '15:59'));
    expect(status).toEqual({ kind: 'open', closes: { dayOffset: 0, date: '2026-01-14', weekday: 3, minute: 960 } });
    expect(openStatusMessage(status, 'sv')).toEqual({ key: 'openUntil', values: { time: '16:00' } });
  });

  it('is closed at the closing minute and opens the next morning', () => {
    const status = openStatusAt(OFFICE, [], at(2026, 1, 14, '16:00'));
    expect(status).toMatchObject({ kind: 'closed', opens: { dayOffset: 1, minute: 540 } });
    expect(openStatusMessage(status, 'sv')).toEqual({ key: 'closedOpensTomorrow', values: { time: '09:00' } });
  });

  it('opens later the same day when it is early morning', () => {
    const status = openStatusAt(OFFICE, [], at(2026, 1, 14, '07:30'));
    expect(openStatusMessage(status, 'sv')).toEqual({ key: 'closedOpensToday', values: { time: '09:00' } });
  });

  it('finds the next opening across a weekend: Friday evening opens Monday 09:00', () => {
    const status = openStatusAt(OFFICE, [], at(2026, 1, 16, '18:00'));
    expect(status).toMatchObject({ kind: 'closed', opens: { dayOffset: 3, weekday: 1, date: '2026-01-19', minute: 540 } });
    expect(openStatusMessage(status, 'sv')).toEqual({ key: 'closedOpensDay', values: { day: 'måndag', time: '09:00' } });
    expect(openStatusMessage(status, 'en')).toEqual({ key: 'closedOpensDay', values: { day: 'Monday', time: '09:00' } });
  });

  it('skips a closed exception day when looking for the next opening', () => {
    const exceptions: DateException[] = [{ date: '2026-01-19', isClosed: true, opensMinute: null, closesMinute: null }];
    const status = openStatusAt(OFFICE, exceptions, at(2026, 1, 16, '18:00'));
    expect(status).toMatchObject({ kind: 'closed', opens: { date: '2026-01-20', weekday: 2, minute: 540 } });
    expect(openStatusMessage(status, 'sv').values).toEqual({ day: 'tisdag', time: '09:00' });
  });

  it('uses the other hours of an exception day', () => {
    const exceptions: DateException[] = [{ date: '2026-01-14', isClosed: false, opensMinute: 600, closesMinute: 720 }];
    expect(openStatusAt(OFFICE, exceptions, at(2026, 1, 14, '09:30'))).toMatchObject({ kind: 'closed', opens: { dayOffset: 0, minute: 600 } });
    expect(openStatusAt(OFFICE, exceptions, at(2026, 1, 14, '11:00'))).toMatchObject({ kind: 'open', closes: { dayOffset: 0, minute: 720 } });
  });

  it('is open after midnight in a night that started the evening before, closing "tonight"', () => {
    const nights = periods([{ days: [5, 6], opens: '22:00', closes: '02:00' }]);
    // Saturday 01:30, inside Friday's night.
    const status = openStatusAt(nights, [], at(2026, 1, 17, '01:30'));
    expect(status).toMatchObject({ kind: 'open', closes: { dayOffset: 0, minute: 120 } });
    expect(openStatusMessage(status, 'sv')).toEqual({ key: 'openUntil', values: { time: '02:00' } });
    // Friday 23:00: closes at 02:00 the next morning, still read as "closes 02:00".
    expect(openStatusMessage(openStatusAt(nights, [], at(2026, 1, 16, '23:00')), 'sv')).toEqual({ key: 'openUntil', values: { time: '02:00' } });
    // Sunday 02:00: the Saturday night is over; next opening Friday.
    expect(openStatusAt(nights, [], at(2026, 1, 18, '02:00'))).toMatchObject({ kind: 'closed', opens: { weekday: 5, minute: 1320 } });
  });

  it('never closes for a service open round the clock', () => {
    const always = periods([{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }]);
    const status = openStatusAt(always, [], at(2026, 1, 14, '23:59'));
    expect(status).toEqual({ kind: 'open', closes: null });
    expect(openStatusMessage(status, 'sv').key).toBe('openNow');
  });

  it('puts a midnight closing on the evening it belongs to', () => {
    const weekdays = periods([{ days: [1, 2, 3, 4, 5], opens: '00:00', closes: '24:00' }]);
    const status = openStatusAt(weekdays, [], at(2026, 1, 14, '12:00'));
    expect(status).toMatchObject({ kind: 'open', closes: { weekday: 5, date: '2026-01-16', minute: 1440 } });
    expect(openStatusMessage(status, 'sv')).toEqual({ key: 'openUntilDay', values: { day: 'fredag', time: '24:00' } });
  });

  it('says nothing when there are no hours at all, and "closed" when none come up', () => {
    expect(openStatusAt([], [], at(2026, 1, 14, '12:00'))).toEqual({ kind: 'unknown' });
    const longAgo = periods([{ days: [1], opens: '09:00', closes: '10:00', validTo: '2025-12-31' }]);
    const status = openStatusAt(longAgo, [], at(2026, 1, 14, '12:00'));
    expect(status).toEqual({ kind: 'closed', opens: null });
    expect(openStatusMessage(status, 'sv').key).toBe('closed');
  });

  it('names a date rather than a weekday for an opening more than a week ahead', () => {
    const summerOnly = periods([{ days: [1], opens: '09:00', closes: '10:00', validFrom: '2026-01-26' }]);
    const status = openStatusAt(summerOnly, [], at(2026, 1, 14, '12:00'));
    expect(status).toMatchObject({ kind: 'closed', opens: { date: '2026-01-26', dayOffset: 12 } });
    expect(openStatusMessage(status, 'sv').values).toEqual({ day: 'måndag 26 januari', time: '09:00' });
  });

  describe('on the days the clocks change', () => {
    const sunday = periods([{ days: [7], opens: '09:00', closes: '16:00' }]);

    it('keeps wall-clock hours on the spring change (29 March 2026, UTC+1 -> UTC+2)', () => {
      // 07:30 UTC is 09:30 summer time: open; 06:30 UTC is 08:30: closed, opens 09:00.
      expect(openStatusAt(sunday, [], new Date('2026-03-29T07:30:00Z'))).toMatchObject({ kind: 'open', closes: { dayOffset: 0, minute: 960 } });
      expect(openStatusAt(sunday, [], new Date('2026-03-29T06:30:00Z'))).toMatchObject({ kind: 'closed', opens: { dayOffset: 0, minute: 540 } });
      expect(openStatusAt(sunday, [], new Date('2026-03-29T14:00:00Z'))).toMatchObject({ kind: 'closed', opens: { dayOffset: 7 } });
    });

    it('keeps wall-clock hours on the autumn change (25 October 2026, UTC+2 -> UTC+1)', () => {
      // 08:30 UTC is 09:30 winter time: open; 07:30 UTC is 08:30: closed.
      expect(openStatusAt(sunday, [], new Date('2026-10-25T08:30:00Z'))).toMatchObject({ kind: 'open', closes: { minute: 960 } });
      expect(openStatusAt(sunday, [], new Date('2026-10-25T07:30:00Z'))).toMatchObject({ kind: 'closed', opens: { dayOffset: 0, minute: 540 } });
      expect(openStatusAt(sunday, [], new Date('2026-10-25T14:59:00Z'))).toMatchObject({ kind: 'open', closes: { minute: 960 } });
      expect(openStatusAt(sunday, [], new Date('2026-10-25T15:00:00Z')).kind).toBe('closed');
    });

    it('closes a night period that spans the spring change at its wall-clock time', () => {
      const saturdayNight = periods([{ days: [6], opens: '22:00', closes: '04:00' }]);
      // 00:30 UTC is 01:30 winter time, Sunday 29 March, inside Saturday's night.
      expect(openStatusAt(saturdayNight, [], new Date('2026-03-29T00:30:00Z'))).toMatchObject({ kind: 'open', closes: { dayOffset: 0, minute: 240 } });
      // 02:00 UTC is 04:00 summer time: closed.
      expect(openStatusAt(saturdayNight, [], new Date('2026-03-29T02:00:00Z')).kind).toBe('closed');
    });
  });
});

describe('upcomingExceptions', () => {
  const exceptions: DateException[] = [
    { date: '2026-01-13', isClosed: true, opensMinute: null, closesMinute: null },
    { date: '2026-01-14', isClosed: false, opensMinute: 780, closesMinute: 900 },
    { date: '2026-01-14', isClosed: false, opensMinute: 540, closesMinute: 660 },
    { date: '2026-01-27', isClosed: true, opensMinute: null, closesMinute: null },
    { date: '2026-01-28', isClosed: true, opensMinute: null, closesMinute: null },
  ];

  it('keeps today and the next 13 days, grouped by date with periods in order', () => {
    const upcoming = upcomingExceptions(exceptions, '2026-01-14');
    expect(upcoming.map((d) => d.date)).toEqual(['2026-01-14', '2026-01-27']);
    expect(upcoming[0]!.entries.map((e) => e.opensMinute)).toEqual([540, 780]);
  });
});
