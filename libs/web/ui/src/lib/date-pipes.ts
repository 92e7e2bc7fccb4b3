import { Pipe, type PipeTransform } from '@angular/core';
import type { Locale } from '@oris/shared/domain';
import { formatDay, formatDayRange, formatMonth, formatTimeRange } from './formatting';

// The language is an argument, so the pipes stay pure and still follow a language switch.

@Pipe({ name: 'orisDay' })
export class DayPipe implements PipeTransform {
  transform(day: string, language: Locale): string {
    return formatDay(day, language);
  }
}

@Pipe({ name: 'orisMonth' })
export class MonthPipe implements PipeTransform {
  transform(month: string, language: Locale): string {
    return formatMonth(month, language);
  }
}

@Pipe({ name: 'orisDayRange' })
export class DayRangePipe implements PipeTransform {
  transform(start: string, end: string, language: Locale): string {
    return formatDayRange(start, end, language);
  }
}

@Pipe({ name: 'orisTimeRange' })
export class TimeRangePipe implements PipeTransform {
  transform(startsAt: string, endsAt: string, language: Locale): string {
    return formatTimeRange(startsAt, endsAt, language);
  }
}
