/** The zone every schedule, event and due date of the portal is written in. */
export const PORTAL_TIME_ZONE = 'Europe/Stockholm';

const DAY_MS = 24 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock reading of an instant in a zone. */
export function wallClockAt(instant: Date, timeZone = PORTAL_TIME_ZONE): WallClock {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday as string] ?? 0,
  };
}

function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, instant.getUTCSeconds(), instant.getUTCMilliseconds());
  return asUtc - instant.getTime();
}

/**
 * The instant at which a zone's clocks show the given wall-clock time. A time that does not
 * exist (skipped by the spring change) moves forward by the gap, as clocks do; a time that
 * occurs twice (the autumn change) resolves to the first occurrence.
 */
export function instantOfWallClock(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone = PORTAL_TIME_ZONE,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Offsets a day either side are clear of any transition near this time.
  const offsetBefore = offsetMs(new Date(asUtc - DAY_MS), timeZone);
  const offsetAfter = offsetMs(new Date(asUtc + DAY_MS), timeZone);
  const shows = (t: number) => {
    const w = wallClockAt(new Date(t), timeZone);
    return w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute;
  };
  const matches = [asUtc - offsetBefore, asUtc - offsetAfter].filter(shows);
  return new Date(matches.length > 0 ? Math.min(...matches) : asUtc - offsetBefore);
}

/** "HH:MM" to minutes after midnight; "24:00" is 1440. */
export function parseClock(clock: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock);
  if (!match) throw new Error(`Not a clock time: ${clock}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 1440) throw new Error(`Not a clock time: ${clock}`);
  return minutes;
}

/** An instant as a datetime-local form value in the portal's zone ("2026-12-24T18:00"). */
export function dateTimeLocalValue(instant: Date | null, timeZone = PORTAL_TIME_ZONE): string {
  if (!instant) return '';
  const w = wallClockAt(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}
