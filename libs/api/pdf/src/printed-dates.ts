import { cleanText } from './bidi-text';

/** The languages ORIS prints in (the same as `Locale` in @oris/shared/domain). */
export type PrintLanguage = 'fr' | 'ar' | 'en';

const MONTHS: Readonly<Record<PrintLanguage, readonly string[]>> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  /** Month names as written in Morocco. */
  ar: [
    'يناير',
    'فبراير',
    'مارس',
    'أبريل',
    'ماي',
    'يونيو',
    'يوليوز',
    'غشت',
    'شتنبر',
    'أكتوبر',
    'نونبر',
    'دجنبر',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A `YYYY-MM-DD` day as printed ("25 mars 2026", "25 مارس 2026", "25 March 2026"), without ICU
 * locale data: differences between Node builds must not change a PDF's bytes. Anything else is
 * printed as given (cleaned).
 */
export function printedDate(iso: string, language: PrintLanguage): string {
  const match = ISO_DATE.exec(iso);
  const month = match ? MONTHS[language][Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : cleanText(iso);
}

/** Midnight UTC of a `YYYY-MM-DD` day (1 January 2000 otherwise): a PDF's fixed metadata date. */
export function dayInstant(iso: string): Date {
  const match = ISO_DATE.exec(iso);
  return new Date(
    match
      ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
      : Date.UTC(2000, 0, 1),
  );
}
