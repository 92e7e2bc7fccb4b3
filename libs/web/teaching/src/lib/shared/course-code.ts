import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { COURSE_CODE_PATTERN } from '@oris/shared/domain';

/** Codes such as SI-101; lower case is accepted, as the API raises it. */
export function courseCode(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  return COURSE_CODE_PATTERN.test(value.trim().toUpperCase()) ? null : { courseCode: true };
}
