import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

// The API's limits, repeated here only to answer before a round trip; the API decides.
// (Password lengths are shared: @oris/shared/domain.)
export const NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;
export const BIRTH_YEAR_MIN = 1930;
/** People register from the age of 15. */
export const birthYearMax = (today = new Date()): number => today.getFullYear() - 15;

// Arabic letters (base, supplement, extended, presentation forms) with spaces and name punctuation.
const ARABIC_SCRIPT =
  /^[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\s'’.-]+$/u;

/** An optional name written in Arabic script. */
export const arabicScript: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  return ARABIC_SCRIPT.test(value.trim()) ? null : { arabicScript: true };
};

/** The confirmation must repeat the sibling control `passwordControl`. */
export function matches(passwordControl: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const password: unknown = control.parent?.get(passwordControl)?.value;
    return control.value === '' || control.value === password ? null : { passwordMismatch: true };
  };
}

/** Trims a name and turns an empty optional one into null, as the API stores it. */
export function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
