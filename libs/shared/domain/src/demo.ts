import type { Locale } from './vocabularies';

const SEASONS: Record<Locale, readonly [string, string, string, string]> = {
  fr: ['hiver', 'printemps', 'été', 'automne'],
  en: ['winter', 'spring', 'summer', 'autumn'],
  ar: ['شتاء', 'ربيع', 'صيف', 'خريف'],
};

/**
 * A demo session's name (the demo seed's, libs/api/catalogue/src/seed) with the season and year of its first day filled in (December to
 * February is winter, and so on), so that a cohort named "spring" starts in spring whatever day
 * the demo was seeded. Shared so that the browser journeys find the demo's sessions by name.
 */
export function demoSessionTitle(template: string, startsOn: string, locale: Locale): string {
  const month = Number(startsOn.slice(5, 7));
  const season = SEASONS[locale][Math.floor((month % 12) / 3)];
  return template.replace('{season}', season).replace('{year}', startsOn.slice(0, 4));
}
