import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { normalisePhone } from '@oris/shared/domain';

/**
 * An optional phone number, by the API's own rule (`normalisePhone`: Moroccan or international
 * with +), so a form answers before a round trip and never disagrees with the API.
 */
export const phoneNumber: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  return normalisePhone(value) === null ? { phone: true } : null;
};
