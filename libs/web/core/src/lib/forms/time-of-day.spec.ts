import { FormControl } from '@angular/forms';
import { timeOfDay } from './time-of-day';

const errors = (value: string) => new FormControl(value, timeOfDay).errors;

describe('timeOfDay', () => {
  it('accepts times on the 24-hour clock, and nothing typed yet', () => {
    for (const time of ['00:00', '09:30', '14:00', '23:59', '']) expect(errors(time)).toBeNull();
  });

  it('refuses AM/PM, single-digit hours and impossible times', () => {
    for (const time of ['2:30 PM', '9:30', '24:00', '12:60', '1230']) {
      expect(errors(time)).toEqual({ time: true });
    }
  });
});
