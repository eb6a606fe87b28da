import { z } from 'zod';

/** The time zone minutes and spreadsheets give times in when a workshop names none. */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/**
 * An IANA time zone name ("Europe/Stockholm", "UTC"). Only its shape is checked here: an export from a
 * server whose time zone data knows more zones stays importable, and an unknown zone falls back to
 * {@link DEFAULT_TIME_ZONE} where times are shown.
 */
export const TimeZoneName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/);

/** Whether this runtime's time zone data knows `name`. */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The time zone a workshop export's times are shown in: its own if this runtime knows it. */
export function exportTimeZone(data: { workshop: { timeZone?: string | undefined } }): string {
  const zone = data.workshop.timeZone;
  return zone !== undefined && isKnownTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

/** A time as a clock on the wall shows it in some time zone; `month` is 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

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
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `instant` (an ISO 8601 string or milliseconds since the epoch). */
export function wallClock(instant: string | number, timeZone: string): WallClock {
  const at = typeof instant === 'number' ? instant : Date.parse(instant);
  const part: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') part[p.type] = Number(p.value);
  }
  return {
    year: part.year!,
    month: part.month!,
    day: part.day!,
    hour: part.hour! % 24,
    minute: part.minute!,
    second: part.second!,
  };
}

const two = (n: number) => String(n).padStart(2, '0');
const dayOf = (c: WallClock) => `${String(c.year).padStart(4, '0')}-${two(c.month)}-${two(c.day)}`;

/** "2025-03-12": the day at `instant` in `timeZone`. */
export function localDate(instant: string | number, timeZone: string): string {
  return dayOf(wallClock(instant, timeZone));
}

/** "2025-03-12 09:15" (or "2025-03-12 09:15:30" with `seconds`): the time at `instant` in `timeZone`. */
export function localDateTime(instant: string | number, timeZone: string, seconds = false): string {
  const c = wallClock(instant, timeZone);
  return `${dayOf(c)} ${two(c.hour)}:${two(c.minute)}${seconds ? `:${two(c.second)}` : ''}`;
}
