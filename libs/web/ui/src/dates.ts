// The datepicker's adapter and formats, apart from the main entry point (index.ts) because they
// bring Angular Material's datepicker (about 100 kB): pages without a date field stay without it.
export { DayDateAdapter, DAY_FORMATS, provideDayDatepicker } from './lib/day-date-adapter';
