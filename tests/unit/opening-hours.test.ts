import { describe, expect, it } from 'vitest';
import { isOpenAt, openSlotsOf, SLOTS_PER_WEEK, weekPosition, type DateException, type WeeklyPeriod } from '@/lib/directory/opening-hours';

/** Minutes of a "HH:MM" clock. */
const at = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const period = (weekday: number, opens: string, closes: string, extra: Partial<WeeklyPeriod> = {}): WeeklyPeriod => {
  const close = at(closes);
  // Like the seed and the forms: a closing time at or before the opening runs past midnight.
  return { weekday, opensMinute: at(opens), closesMinute: close <= at(opens) ? close + 1440 : close, ...extra };
};
const closedOn = (date: string): DateException => ({ date, isClosed: true, opensMinute: null, closesMinute: null });
const hoursOn = (date: string, opens: string, closes: string): DateException => ({
  date,
  isClosed: false,
  opensMinute: at(opens),
  closesMinute: at(closes),
});
const utc = (iso: string) => new Date(iso);

describe('weekPosition', () => {
  it('puts Monday 00:00 Stockholm time at slot 0 and Sunday 23:45 at slot 671', () => {
    // 2026-01-12 is a Monday; Stockholm is UTC+1 in winter.
    expect(weekPosition(utc('2026-01-11T23:00:00Z'))).toEqual({ date: '2026-01-12', weekday: 1, minuteOfDay: 0, slot: 0 });
    expect(weekPosition(utc('2026-01-18T22:45:00Z'))).toEqual({ date: '2026-01-18', weekday: 7, minuteOfDay: 1425, slot: 671 });
    expect(SLOTS_PER_WEEK).toBe(672);
  });

  it('reads the wall clock in winter (UTC+1) and in summer (UTC+2)', () => {
    // Tuesday 10:30 both times: slot (1440 + 630) / 15.
    expect(weekPosition(utc('2026-01-13T09:30:00Z'))).toMatchObject({ date: '2026-01-13', weekday: 2, minuteOfDay: 630, slot: 138 });
    expect(weekPosition(utc('2026-07-14T08:30:00Z'))).toMatchObject({ date: '2026-07-14', weekday: 2, minuteOfDay: 630, slot: 138 });
  });

  it('follows the clock across the summer-time changes (29 March and 25 October 2026)', () => {
    expect(weekPosition(utc('2026-03-29T00:30:00Z'))).toMatchObject({ weekday: 7, minuteOfDay: at('01:30') });
    // 02:00 becomes 03:00: one UTC hour later the clock reads 03:30.
    expect(weekPosition(utc('2026-03-29T01:30:00Z'))).toMatchObject({ weekday: 7, minuteOfDay: at('03:30') });
    // 03:00 becomes 02:00: 02:30 happens twice.
    expect(weekPosition(utc('2026-10-25T00:30:00Z'))).toMatchObject({ weekday: 7, minuteOfDay: at('02:30') });
    expect(weekPosition(utc('2026-10-25T01:30:00Z'))).toMatchObject({ weekday: 7, minuteOfDay: at('02:30') });
  });

  it('rounds down to the quarter hour', () => {
    expect(weekPosition(utc('2026-01-12T09:14:59Z')).slot).toBe(at('10:00') / 15);
    expect(weekPosition(utc('2026-01-12T09:15:00Z')).slot).toBe(at('10:15') / 15);
  });
});

describe('openSlotsOf', () => {
  it('counts the quarter hours a period covers, from Monday 00:00', () => {
    expect(openSlotsOf([period(1, '00:00', '00:15')])).toEqual([0]);
    expect(openSlotsOf([period(7, '23:45', '24:00')])).toEqual([671]);
    expect(openSlotsOf([period(2, '10:00', '11:00')])).toEqual([136, 137, 138, 139]);
  });

  it('counts a quarter only when a period covers its start', () => {
    // 10:10-10:40 covers the starts of 10:15 and 10:30.
    expect(openSlotsOf([period(1, '10:10', '10:40')])).toEqual([41, 42]);
  });

  it('runs a night period into the next day and a Sunday night into Monday', () => {
    const friday = 4 * 96;
    expect(openSlotsOf([period(5, '22:00', '02:00')])).toEqual([
      ...[88, 89, 90, 91, 92, 93, 94, 95].map((s) => friday + s),
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((s) => friday + 96 + s),
    ]);
    expect(openSlotsOf([period(7, '23:00', '02:00')])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 668, 669, 670, 671]);
  });

  it('merges overlapping periods, sorts, and covers a week that is always open', () => {
    expect(openSlotsOf([period(1, '10:30', '11:00'), period(1, '10:00', '10:45')])).toEqual([40, 41, 42, 43]);
    const always = [1, 2, 3, 4, 5, 6, 7].map((d) => period(d, '00:00', '24:00'));
    expect(openSlotsOf(always)).toEqual(Array.from({ length: 672 }, (_, i) => i));
  });

  it('leaves seasonal periods out (open-now decides them exactly)', () => {
    expect(openSlotsOf([period(2, '10:00', '11:00', { validFrom: '2026-06-01', validTo: '2026-08-31' })])).toEqual([]);
    expect(openSlotsOf([period(2, '10:00', '11:00', { validTo: '2026-08-31' })])).toEqual([]);
  });

  it('agrees with isOpenAt for every quarter hour of the weeks the clocks change', () => {
    const periods = [period(1, '08:30', '16:00'), period(5, '22:00', '02:00'), period(7, '23:00', '01:30'), period(6, '00:00', '03:00')];
    const slots = new Set(openSlotsOf(periods));
    for (const start of ['2026-03-23T00:00:00Z', '2026-10-19T00:00:00Z']) {
      for (let t = Date.parse(start); t < Date.parse(start) + 8 * 86_400_000; t += 15 * 60_000) {
        const instant = new Date(t);
        expect(isOpenAt(periods, [], instant), instant.toISOString()).toBe(slots.has(weekPosition(instant).slot));
      }
    }
  });
});

describe('isOpenAt', () => {
  const weekdays = [1, 2, 3, 4, 5].map((d) => period(d, '10:00', '15:00'));

  it('is open inside a period and closed at its closing minute', () => {
    expect(isOpenAt(weekdays, [], utc('2026-01-13T09:00:00Z'))).toBe(true); // Tue 10:00
    expect(isOpenAt(weekdays, [], utc('2026-01-13T13:59:00Z'))).toBe(true); // Tue 14:59
    expect(isOpenAt(weekdays, [], utc('2026-01-13T14:00:00Z'))).toBe(false); // Tue 15:00
    expect(isOpenAt(weekdays, [], utc('2026-01-13T08:59:00Z'))).toBe(false); // Tue 09:59
    expect(isOpenAt(weekdays, [], utc('2026-01-17T10:00:00Z'))).toBe(false); // Saturday
  });

  it('keeps to Stockholm time on the days the clocks change', () => {
    const sundays = [period(7, '10:00', '12:00')];
    // 29 March: 08:00Z is 10:00 summer time (open); 07:30Z is 09:30 (closed).
    expect(isOpenAt(sundays, [], utc('2026-03-29T08:00:00Z'))).toBe(true);
    expect(isOpenAt(sundays, [], utc('2026-03-29T07:30:00Z'))).toBe(false);
    expect(isOpenAt(sundays, [], utc('2026-03-29T10:00:00Z'))).toBe(false); // 12:00
    // 25 October: 09:00Z is 10:00 winter time (open); 08:30Z is 09:30 (closed).
    expect(isOpenAt(sundays, [], utc('2026-10-25T09:00:00Z'))).toBe(true);
    expect(isOpenAt(sundays, [], utc('2026-10-25T08:30:00Z'))).toBe(false);
    // A night period across the autumn change: both 02:30s are inside 01:00-04:00.
    const night = [period(7, '01:00', '04:00')];
    expect(isOpenAt(night, [], utc('2026-10-25T00:30:00Z'))).toBe(true);
    expect(isOpenAt(night, [], utc('2026-10-25T01:30:00Z'))).toBe(true);
    expect(isOpenAt(night, [], utc('2026-10-25T03:00:00Z'))).toBe(false); // 04:00 winter time
  });

  it('keeps a Friday 22:00-02:00 period open on Saturday at 01:00 and closed at 02:00', () => {
    const nights = [period(5, '22:00', '02:00')];
    expect(isOpenAt(nights, [], utc('2026-01-16T20:59:00Z'))).toBe(false); // Fri 21:59
    expect(isOpenAt(nights, [], utc('2026-01-16T21:00:00Z'))).toBe(true); // Fri 22:00
    expect(isOpenAt(nights, [], utc('2026-01-17T00:00:00Z'))).toBe(true); // Sat 01:00
    expect(isOpenAt(nights, [], utc('2026-01-17T00:59:00Z'))).toBe(true); // Sat 01:59
    expect(isOpenAt(nights, [], utc('2026-01-17T01:00:00Z'))).toBe(false); // Sat 02:00
    expect(isOpenAt(nights, [], utc('2026-01-18T00:00:00Z'))).toBe(false); // Sun 01:00
  });

  it('closes for a day with a closed exception and opens again the next week', () => {
    const exceptions = [closedOn('2026-01-13')];
    expect(isOpenAt(weekdays, exceptions, utc('2026-01-13T10:00:00Z'))).toBe(false);
    expect(isOpenAt(weekdays, exceptions, utc('2026-01-12T10:00:00Z'))).toBe(true);
    expect(isOpenAt(weekdays, exceptions, utc('2026-01-20T10:00:00Z'))).toBe(true);
  });

  it('uses the other hours of an exception instead of the weekly ones', () => {
    const exceptions = [hoursOn('2026-01-13', '13:00', '17:00')];
    expect(isOpenAt(weekdays, exceptions, utc('2026-01-13T10:00:00Z'))).toBe(false); // 11:00
    expect(isOpenAt(weekdays, exceptions, utc('2026-01-13T15:30:00Z'))).toBe(true); // 16:30, after the weekly 15:00
    // Other hours on a day the service is normally closed.
    expect(isOpenAt(weekdays, [hoursOn('2026-01-17', '11:00', '14:00')], utc('2026-01-17T11:00:00Z'))).toBe(true);
  });

  it('is open in any of several exception rows on one date', () => {
    const exceptions = [hoursOn('2026-01-13', '09:00', '11:00'), hoursOn('2026-01-13', '14:00', '16:00')];
    expect(isOpenAt(weekdays, exceptions, utc('2026-01-13T09:00:00Z'))).toBe(true); // 10:00
    expect(isOpenAt(weekdays, exceptions, utc('2026-01-13T11:00:00Z'))).toBe(false); // 12:00
    expect(isOpenAt(weekdays, exceptions, utc('2026-01-13T14:00:00Z'))).toBe(true); // 15:00
    expect(isOpenAt(weekdays, exceptions, utc('2026-01-13T15:00:00Z'))).toBe(false); // 16:00
  });

  it('decides a night by the day it started on', () => {
    const nights = [period(5, '22:00', '02:00'), period(6, '22:00', '02:00')];
    // Friday closed: no Friday night, so Saturday 01:00 is closed.
    expect(isOpenAt(nights, [closedOn('2026-01-16')], utc('2026-01-17T00:00:00Z'))).toBe(false);
    // Saturday closed: Friday's night still runs into Saturday; Saturday's own night does not start.
    expect(isOpenAt(nights, [closedOn('2026-01-17')], utc('2026-01-17T00:00:00Z'))).toBe(true);
    expect(isOpenAt(nights, [closedOn('2026-01-17')], utc('2026-01-17T21:30:00Z'))).toBe(false);
  });

  it('uses seasonal periods only between their dates, bounds included', () => {
    const summer = [period(3, '10:00', '12:00', { validFrom: '2026-06-03', validTo: '2026-08-26' })];
    expect(isOpenAt(summer, [], utc('2026-07-15T08:30:00Z'))).toBe(true); // Wed 10:30 summer time
    expect(isOpenAt(summer, [], utc('2026-06-03T08:30:00Z'))).toBe(true); // first day
    expect(isOpenAt(summer, [], utc('2026-08-26T08:30:00Z'))).toBe(true); // last day
    expect(isOpenAt(summer, [], utc('2026-09-02T08:30:00Z'))).toBe(false);
    expect(isOpenAt(summer, [], utc('2026-05-27T08:30:00Z'))).toBe(false);
    expect(isOpenAt(summer, [], utc('2026-01-14T09:30:00Z'))).toBe(false);
  });

  it('lets a seasonal night that starts on its last day run past it', () => {
    const lastNight = [period(6, '22:00', '02:00', { validTo: '2026-08-29' })];
    expect(isOpenAt(lastNight, [], utc('2026-08-29T23:00:00Z'))).toBe(true); // Sun 30 Aug 01:00
    expect(isOpenAt(lastNight, [], utc('2026-09-05T23:00:00Z'))).toBe(false);
  });
});
