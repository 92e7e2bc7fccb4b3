import { MOROCCO_TIME_ZONE } from './formatting';

// Times are typed as Moroccan wall-clock times (meetings, an indicator's "as known on"), whatever
// the device thinks the time zone is, and sent as instants. Morocco's offset changes (Ramadan),
// hence no fixed +01:00.

const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: MOROCCO_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

interface WallClock {
  /** YYYY-MM-DD */
  day: string;
  /** HH:mm */
  time: string;
}

function wallClockParts(instant: number): { fields: Record<string, string>; asUtc: number } {
  const fields = Object.fromEntries(
    WALL_CLOCK.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
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

/** The instant (ISO 8601, UTC) of a day and time on a Moroccan clock. */
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
export function isoToMoroccoTime(iso: string): WallClock {
  const { fields } = wallClockParts(new Date(iso).getTime());
  return {
    day: `${fields['year']}-${fields['month']}-${fields['day']}`,
    time: `${fields['hour']}:${fields['minute']}`,
  };
}
