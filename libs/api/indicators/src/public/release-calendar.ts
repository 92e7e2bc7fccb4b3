/**
 * The public figures' release calendar: one release per calendar quarter, on the first day of
 * the next quarter (Morocco dates), with the figures as of the quarter's last day. Dates are
 * `YYYY-MM-DD` strings, as `todayInMorocco` gives them.
 */

export interface Quarter {
  /** `2026-Q3`. */
  quarter: string;
  /** The quarter's last day: the release's `asOf`. */
  endsOn: string;
  /** The day after it: when the release is due. */
  dueOn: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The quarter `index` (0-based, any integer: −1 is the last quarter of the year before). */
function quarterOf(year: number, index: number): Quarter {
  const normalisedYear = year + Math.floor(index / 4);
  const normalisedIndex = ((index % 4) + 4) % 4;
  const lastMonth = normalisedIndex * 3 + 3;
  // Day 0 of the following month is the last day of this one.
  const lastDay = new Date(Date.UTC(normalisedYear, lastMonth, 0)).getUTCDate();
  const due =
    lastMonth === 12 ? `${normalisedYear + 1}-01-01` : `${normalisedYear}-${pad(lastMonth + 1)}-01`;
  return {
    quarter: `${normalisedYear}-Q${normalisedIndex + 1}`,
    endsOn: `${normalisedYear}-${pad(lastMonth)}-${pad(lastDay)}`,
    dueOn: due,
  };
}

function parse(day: string): { year: number; index: number } {
  return { year: Number(day.slice(0, 4)), index: Math.floor((Number(day.slice(5, 7)) - 1) / 3) };
}

/** The last quarter over on `today`: the one whose release is due (or done). */
export function lastClosedQuarter(today: string): Quarter {
  const { year, index } = parse(today);
  return quarterOf(year, index - 1);
}

/** The quarter after `quarter` (`2026-Q3` → `2026-Q4`): its release is the next one. */
export function quarterAfter(quarter: string): Quarter {
  return quarterOf(Number(quarter.slice(0, 4)), Number(quarter.slice(6)));
}
