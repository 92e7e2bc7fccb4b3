/** One event of an iCalendar file (RFC 5545), times as instants (written in UTC). */
export interface IcsEvent {
  /** Stable across exports, so a calendar app updates the event rather than adding a copy. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  /** When the event last changed (`LAST-MODIFIED`). */
  updatedAt?: Date | null;
}

export interface IcsCalendar {
  /** The calendar's name in calendar apps (`X-WR-CALNAME`, `NAME`). */
  name: string;
  events: readonly IcsEvent[];
  /** The moment the file is written (`DTSTAMP`); now by default. */
  now?: Date;
}

const PRODUCT_ID = '-//ORIS Academy//Timetable//FR';
const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

/**
 * An iCalendar file (RFC 5545) for a timetable: `METHOD:PUBLISH`, one `VEVENT` per meeting, times
 * in UTC (`Z`), so no `VTIMEZONE` is needed and every calendar app shows them in its own zone;
 * text escaped, lines folded at 75 octets without splitting a character, CRLF endings.
 */
export function writeIcs(calendar: IcsCalendar): string {
  const stamp = utc(calendar.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utc(event.start)}`,
      `DTEND:${utc(event.end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    // URL is a URI value, not text: no escaping, but no line break may reach it either.
    if (event.url) lines.push(`URL:${event.url.replace(/[\r\n]/g, '')}`);
    if (event.updatedAt) lines.push(`LAST-MODIFIED:${utc(event.updatedAt)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as `\n`. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
  );
}

/**
 * Folds a content line (RFC 5545 §3.1): at most 75 octets per line, continuation lines start
 * with one space (which counts), and a UTF-8 character is never split across lines.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `YYYYMMDDTHHMMSSZ`. */
function utc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
