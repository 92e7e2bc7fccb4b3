import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** An http(s) address with a host name, as the API accepts for links; empty is left to `required`. */
export function webAddress(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    const web =
      (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    return web ? null : { webAddress: true };
  } catch {
    return { webAddress: true };
  }
}
