import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * An optional time on the 24-hour clock, `HH:mm`, as Morocco writes times in every language: a
 * text field, because the browser's time input follows the device's locale (AM/PM) rather than
 * the interface language.
 */
export const timeOfDay: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value === '') return null;
  return HH_MM.test(value) ? null : { time: true };
};
