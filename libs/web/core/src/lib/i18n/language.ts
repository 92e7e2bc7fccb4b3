import { LOCALES, type Locale } from '@oris/shared/domain';

export type TextDirection = 'ltr' | 'rtl';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): TextDirection {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** Each language named in itself, so that anyone can find their own in the switch. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  fr: 'Français',
  ar: 'العربية',
  en: 'English',
};
