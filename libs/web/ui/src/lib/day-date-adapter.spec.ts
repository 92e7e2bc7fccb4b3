import { TestBed } from '@angular/core/testing';
import { DateAdapter } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { DAY_FORMATS, provideDayDatepicker } from './day-date-adapter';

function setup() {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: {
          fr: { ui: { datepicker: { open: 'Ouvrir le calendrier' } } },
          ar: { ui: { datepicker: { open: 'فتح التقويم' } } },
          en: { ui: { datepicker: { open: 'Open calendar' } } },
        },
        translocoConfig: { availableLangs: ['fr', 'ar', 'en'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [provideDayDatepicker()],
  });
  return {
    adapter: TestBed.inject(DateAdapter) as DateAdapter<string>,
    intl: TestBed.inject(MatDatepickerIntl),
    transloco: TestBed.inject(TranslocoService),
  };
}

const shown = (adapter: DateAdapter<string>, day: string) =>
  adapter.format(day, DAY_FORMATS.display.dateInput);

describe('DayDateAdapter', () => {
  it('keeps days as the API writes them, YYYY-MM-DD', () => {
    const { adapter } = setup();

    expect(adapter.createDate(2026, 1, 28)).toBe('2026-02-28');
    expect(adapter.addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(adapter.addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(adapter.getDayOfWeek('2026-12-06')).toBe(0);
    expect(adapter.getNumDaysInMonth('2028-02-10')).toBe(29);
    expect(() => adapter.createDate(2026, 1, 30)).toThrow();
  });

  it('reads and writes days in the interface language, and follows a switch', () => {
    const { adapter, transloco } = setup();
    transloco.setActiveLang('fr');
    expect(shown(adapter, '2026-03-06')).toBe('06/03/2026');
    expect(adapter.parse('6/3/2026', null)).toBe('2026-03-06');
    expect(adapter.getMonthNames('long')[2]).toBe('mars');

    transloco.setActiveLang('ar');
    // Western digits, as Moroccan Arabic writes them; an Arabic keyboard's digits are read too.
    expect(shown(adapter, '2026-03-06')).toMatch(/^06\D*03\D*2026$/);
    expect(adapter.parse('٦/٣/٢٠٢٦', null)).toBe('2026-03-06');
    expect(adapter.getDateNames()[30]).toBe('31');

    transloco.setActiveLang('en');
    expect(adapter.getMonthNames('long')[2]).toBe('March');
  });

  it('takes a day written YYYY-MM-DD, and tells an impossible day from an empty field', () => {
    const { adapter } = setup();

    expect(adapter.parse('2026-03-06', null)).toBe('2026-03-06');
    expect(adapter.parse('', null)).toBeNull();
    expect(adapter.deserialize('')).toBeNull();
    expect(adapter.isValid(adapter.parse('31/02/2026', null) as string)).toBe(false);
    expect(adapter.isValid(adapter.parse('demain', null) as string)).toBe(false);
  });

  it('labels the calendar in the interface language', () => {
    const { intl, transloco } = setup();
    const changes: string[] = [];
    intl.changes.subscribe(() => changes.push(intl.openCalendarLabel));

    transloco.setActiveLang('ar');

    expect(changes.at(-1)).toBe('فتح التقويم');
  });
});
