/**
 * The one calendar of ORIS, for the server and the web app alike. Trainings take place in
 * Morocco, so "today" (enrollment windows, completions, follow-up due dates, an indicator's
 * reference day) is the day in Morocco whatever the server's or the device's time zone.
 * Morocco's offset is not fixed (UTC+1, UTC+0 during Ramadan): instants are turned into days and
 * wall-clock times through the time-zone database, never with a hard-coded +01:00.
 *
 * Days are 'YYYY-MM-DD' strings (they compare and sort as text); day arithmetic runs in UTC,
 * where every day has 24 hours.
 */

import { onFirstUse } from './on-first-use';

export const MOROCCO_TIME_ZONE = 'Africa/Casablanca';

/** A formatter made on first use: the first time-zone formatter loads the time-zone data. */
const formatterOnFirstUse = (locale: string, options: Intl.DateTimeFormatOptions) =>
  onFirstUse(() => new Intl.DateTimeFormat(locale, options));

// en-CA writes dates as YYYY-MM-DD.
const moroccoDay = formatterOnFirstUse('en-CA', {
  timeZone: MOROCCO_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day of an instant in Morocco, as 'YYYY-MM-DD'. */
export const dayInMorocco = (instant: Date): string => moroccoDay().format(instant);

// sv-SE writes an instant in ISO order, 'YYYY-MM-DD HH:mm:ss', in any language.
const moroccoMoment = formatterOnFirstUse('sv-SE', {
  timeZone: MOROCCO_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** An instant as Moroccan wall-clock time, 'YYYY-MM-DD HH:mm:ss' (the indicators' definitions end with it). */
export const momentInMorocco = (instant: Date): string => moroccoMoment().format(instant);

/** Today in Morocco ('YYYY-MM-DD'): the day the API judges windows and due dates by. */
export const todayInMorocco = (now: Date = new Date()): string => dayInMorocco(now);

/** 'YYYY-MM-DD' plus `days` calendar days (negative to go back). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * 'YYYY-MM-DD' plus `months` calendar months, clamped to the month's last day (31 August + 6
 * months is 28 or 29 February), as PostgreSQL's `date + interval 'N months'` does: the follow-up
 * due dates and the indicator's reference dates are computed in SQL that way.
 */
export function addMonths(day: string, months: number): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(dayOfMonth, lastDay));
  return target.toISOString().slice(0, 10);
}

/** What a Moroccan clock shows: a day and a time to the minute. */
export interface MoroccoWallClock {
  /** YYYY-MM-DD */
  day: string;
  /** HH:mm */
  time: string;
}

const moroccoClock = formatterOnFirstUse('en-US', {
  timeZone: MOROCCO_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function wallClockParts(instant: number): { fields: Record<string, string>; asUtc: number } {
  const fields = Object.fromEntries(
    moroccoClock()
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    Number(fields['year']),
    Number(fields['month']) - 1,
    Number(fields['day']),
    Number(fields['hour']),
    Number(fields['minute']),
  );
  return { fields, asUtc };
}

/** Minutes Morocco is ahead of UTC at that instant. */
function offsetAt(instant: number): number {
  // The clock is read to the minute, so compare it with the instant's own minute.
  const minute = instant - (instant % 60_000);
  return Math.round((wallClockParts(minute).asUtc - minute) / 60_000);
}

/**
 * The instant (ISO 8601, UTC) of a day and time ('HH:mm') on a Moroccan clock: meetings and an
 * indicator's "as known on" are typed that way. `moroccoTimeToIso(day, '00:00')` is the start
 * of that Moroccan day.
 */
export function moroccoTimeToIso(day: string, time: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, date, hours, minutes);
  // The offset at the guess, checked once more at the result: right across a clock change.
  let instant = wall - offsetAt(wall) * 60_000;
  instant = wall - offsetAt(instant) * 60_000;
  return new Date(instant).toISOString();
}

/** What a Moroccan clock shows at an instant. */
export function isoToMoroccoTime(iso: string): MoroccoWallClock {
  const { fields } = wallClockParts(new Date(iso).getTime());
  return {
    day: `${fields['year']}-${fields['month']}-${fields['day']}`,
    time: `${fields['hour']}:${fields['minute']}`,
  };
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written 'YYYY-MM-DD' (so 2026-02-30 is refused). */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant with its offset, e.g. '2026-03-02T09:00:00+01:00' or '…Z'. */
export function isDateTime(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    DATE_TIME.test(value) &&
    isDateOnly(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value))
  );
}
