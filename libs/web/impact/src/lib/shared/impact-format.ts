import { type Locale, MOROCCO_TIME_ZONE } from '@oris/shared/domain';
import { intlLocale } from '@oris/web/ui';

/** A count in the reader's language (Western digits in Arabic too, as Moroccan usage has it). */
export function formatCount(value: number | null | undefined, language: Locale): string {
  return value === null || value === undefined
    ? '—'
    : new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 2 }).format(value);
}

/** A share (0…1, or beyond) as a whole percentage; none shows as a dash, never 0 %. */
export function formatShare(value: number | null | undefined, language: Locale): string {
  return value === null || value === undefined
    ? '—'
    : new Intl.NumberFormat(intlLocale(language), {
        style: 'percent',
        maximumFractionDigits: 1,
      }).format(value);
}

/** An instant as a Moroccan date and time in the reader's language. */
export function formatMoment(instant: string, language: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: MOROCCO_TIME_ZONE,
  }).format(new Date(instant));
}

/** Companion figures that are shares (0–1): their keys end in `Rate`. */
export const isShare = (key: string) => /Rate$/.test(key);
