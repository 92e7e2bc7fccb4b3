import { DestroyRef, inject, Injectable, type Provider } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DateAdapter, MAT_DATE_FORMATS, type MatDateFormats } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { TranslocoService } from '@jsverse/transloco';
import {
  addDays,
  addMonths,
  isDateOnly,
  type Locale,
  LOCALES,
  todayInMorocco,
} from '@oris/shared/domain';
import { intlLocale } from './formatting';

const INVALID = 'invalid';
const asLocale = (language: string): Locale =>
  (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'fr';
const pad = (value: number, width = 2) => String(value).padStart(width, '0');
// A day read as midnight UTC and printed in UTC: no time zone can move it.
const asUtc = (day: string) => new Date(`${day}T00:00:00Z`);
// Typed with an Arabic keyboard, digits may come as ٠١٢٣٤٥٦٧٨٩.
const westernDigits = (text: string) =>
  text.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));

/**
 * The datepicker's dates are the app's days themselves, `YYYY-MM-DD` strings as the API takes
 * them: a form's value needs no conversion, and no time zone can shift a day. Names, the typed
 * format and the calendar follow the interface language (Western digits in Arabic).
 */
@Injectable()
export class DayDateAdapter extends DateAdapter<string, string> {
  constructor() {
    super();
    const transloco = inject(TranslocoService);
    transloco.langChanges$
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((language) => this.setLocale(intlLocale(asLocale(language))));
  }

  getYear(day: string): number {
    return Number(day.slice(0, 4));
  }

  getMonth(day: string): number {
    return Number(day.slice(5, 7)) - 1;
  }

  getDate(day: string): number {
    return Number(day.slice(8, 10));
  }

  getDayOfWeek(day: string): number {
    return asUtc(day).getUTCDay();
  }

  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = this.intl({ month: style });
    return Array.from({ length: 12 }, (_, month) => format.format(Date.UTC(2017, month, 1)));
  }

  getDateNames(): string[] {
    const format = this.intl({ day: 'numeric' });
    return Array.from({ length: 31 }, (_, index) => format.format(Date.UTC(2017, 0, index + 1)));
  }

  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = this.intl({ weekday: style });
    // 1 January 2017 was a Sunday.
    return Array.from({ length: 7 }, (_, index) => format.format(Date.UTC(2017, 0, index + 1)));
  }

  getYearName(day: string): string {
    return this.intl({ year: 'numeric' }).format(asUtc(day));
  }

  getFirstDayOfWeek(): number {
    return 1; // Monday, in Morocco
  }

  getNumDaysInMonth(day: string): number {
    return new Date(Date.UTC(this.getYear(day), this.getMonth(day) + 1, 0)).getUTCDate();
  }

  clone(day: string): string {
    return day;
  }

  createDate(year: number, month: number, date: number): string {
    const day = `${pad(year, 4)}-${pad(month + 1)}-${pad(date)}`;
    if (!isDateOnly(day)) throw Error(`Invalid date "${date}" for month ${month} of ${year}.`);
    return day;
  }

  today(): string {
    return todayInMorocco();
  }

  /** Reads a day typed as the language writes it (day and month in its order), or `YYYY-MM-DD`. */
  parse(value: unknown): string | null {
    if (typeof value !== 'string' || value.trim() === '') return null;
    const text = westernDigits(value.trim());
    if (isDateOnly(text as unknown)) return text;
    const numbers = text.match(/\d+/g);
    if (numbers?.length !== 3) return INVALID;
    const order = this.intl(this.typedFormat())
      .formatToParts(Date.UTC(2017, 0, 1))
      .map((part) => part.type)
      .filter((type) => type === 'day' || type === 'month' || type === 'year');
    const parts = Object.fromEntries(order.map((type, index) => [type, Number(numbers[index])]));
    const year = parts['year'] < 100 ? 2000 + parts['year'] : parts['year'];
    const day = `${pad(year, 4)}-${pad(parts['month'])}-${pad(parts['day'])}`;
    return isDateOnly(day) ? day : INVALID;
  }

  format(day: string, displayFormat: Intl.DateTimeFormatOptions): string {
    if (!this.isValid(day)) throw Error('DayDateAdapter: cannot format an invalid day.');
    return this.intl(displayFormat).format(asUtc(day));
  }

  addCalendarYears(day: string, years: number): string {
    return addMonths(day, years * 12);
  }

  addCalendarMonths(day: string, months: number): string {
    return addMonths(day, months);
  }

  addCalendarDays(day: string, days: number): string {
    return addDays(day, days);
  }

  /** A form's empty day (`''`) is no day, not an invalid one. */
  override deserialize(value: unknown): string | null {
    return value === '' ? null : super.deserialize(value);
  }

  toIso8601(day: string): string {
    return day;
  }

  isDateInstance(value: unknown): value is string {
    return typeof value === 'string';
  }

  isValid(day: string): boolean {
    return isDateOnly(day);
  }

  invalid(): string {
    return INVALID;
  }

  private typedFormat(): Intl.DateTimeFormatOptions {
    return DAY_FORMATS.display.dateInput as Intl.DateTimeFormatOptions;
  }

  private intl(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat(this.locale, { ...options, timeZone: 'UTC' });
  }
}

export const DAY_FORMATS: MatDateFormats = {
  parse: { dateInput: null },
  display: {
    dateInput: { year: 'numeric', month: '2-digit', day: '2-digit' },
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

const INTL_KEYS = {
  calendarLabel: 'ui.datepicker.calendar',
  openCalendarLabel: 'ui.datepicker.open',
  closeCalendarLabel: 'ui.datepicker.close',
  prevMonthLabel: 'ui.datepicker.previousMonth',
  nextMonthLabel: 'ui.datepicker.nextMonth',
  prevYearLabel: 'ui.datepicker.previousYear',
  nextYearLabel: 'ui.datepicker.nextYear',
  prevMultiYearLabel: 'ui.datepicker.previousYears',
  nextMultiYearLabel: 'ui.datepicker.nextYears',
  switchToMonthViewLabel: 'ui.datepicker.chooseDay',
  switchToMultiYearViewLabel: 'ui.datepicker.chooseYear',
} as const;

/** The calendar's own labels, in the interface language. */
@Injectable()
export class TranslatedDatepickerIntl extends MatDatepickerIntl {
  constructor() {
    super();
    const transloco = inject(TranslocoService);
    transloco
      .selectTranslateObject<Record<string, string>>('ui.datepicker')
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => {
        for (const [label, key] of Object.entries(INTL_KEYS)) {
          this[label as keyof typeof INTL_KEYS] = transloco.translate(key);
        }
        this.changes.next();
      });
  }
}

/** The datepicker of every form: days as `YYYY-MM-DD`, in the interface language. */
export function provideDayDatepicker(): Provider[] {
  return [
    { provide: DateAdapter, useClass: DayDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: DAY_FORMATS },
    { provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl },
  ];
}
