import { describe, expect, it } from 'vitest';
import { instantOfWallClock, parseClock, wallClockAt } from '@/lib/time/zoned';

describe('wallClockAt', () => {
  it('reads Stockholm winter time as UTC+1', () => {
    expect(wallClockAt(new Date('2026-01-15T11:30:00Z'))).toEqual({ year: 2026, month: 1, day: 15, hour: 12, minute: 30, weekday: 4 });
  });

  it('reads Stockholm summer time as UTC+2', () => {
    expect(wallClockAt(new Date('2026-07-15T22:30:00Z'))).toEqual({ year: 2026, month: 7, day: 16, hour: 0, minute: 30, weekday: 4 });
  });
});

describe('instantOfWallClock', () => {
  it('turns winter and summer wall-clock times into the right instants', () => {
    expect(instantOfWallClock(2026, 1, 15, 12, 30).toISOString()).toBe('2026-01-15T11:30:00.000Z');
    expect(instantOfWallClock(2026, 7, 15, 12, 30).toISOString()).toBe('2026-07-15T10:30:00.000Z');
  });

  it('handles the days the clocks change (29 March and 25 October 2026)', () => {
    expect(instantOfWallClock(2026, 3, 29, 1, 30).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(instantOfWallClock(2026, 3, 29, 3, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantOfWallClock(2026, 10, 25, 4, 0).toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('resolves a time skipped in spring to a real instant and an ambiguous autumn time to the first', () => {
    // 02:30 does not exist on 29 March; 02:30 exists twice on 25 October.
    expect(wallClockAt(instantOfWallClock(2026, 3, 29, 2, 30)).hour).toBe(3);
    expect(instantOfWallClock(2026, 10, 25, 2, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('round-trips every hour of a year', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      const w = wallClockAt(new Date(t));
      expect(instantOfWallClock(w.year, w.month, w.day, w.hour, w.minute).getTime() <= t).toBe(true);
    }
  });
});

describe('parseClock', () => {
  it('reads HH:MM as minutes after midnight, with 24:00 as the end of the day', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock('24:00')).toBe(1440);
  });

  it.each(['24:01', '12:60', '1200', 'noon', ''])('refuses %j', (value) => {
    expect(() => parseClock(value)).toThrow(/Not a clock time/);
  });
});
