import { type Locale, MOROCCO_TIME_ZONE } from '@oris/shared/domain';

/** The Intl locale of an interface language; Moroccan Arabic usage writes Western digits. */
export function intlLocale(language: Locale): string {
  return language === 'ar' ? 'ar-MA-u-nu-latn' : `${language}-MA`;
}

// A calendar day ('YYYY-MM-DD') read as midnight UTC and printed in UTC, so that no time zone
// can move it to the day before.
const asUtcDay = (day: string) => new Date(`${day}T00:00:00Z`);

export function formatDay(day: string, language: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(asUtcDay(day));
}

/** A month ('YYYY-MM') in full: "mars 2026", "March 2026". */
export function formatMonth(month: string, language: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(asUtcDay(`${month}-01`));
}

/** "2 – 6 March 2026", or a single day when the range is one day long. */
export function formatDayRange(start: string, end: string, language: Locale): string {
  const format = new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  return start === end
    ? format.format(asUtcDay(start))
    : format.formatRange(asUtcDay(start), asUtcDay(end));
}

/** A meeting's start and end in Moroccan time: "2 March 2026, 09:00 – 12:30". */
export function formatTimeRange(startsAt: string, endsAt: string, language: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: MOROCCO_TIME_ZONE,
  }).formatRange(new Date(startsAt), new Date(endsAt));
}
