import type { FormGroup } from '@angular/forms';
import type { ApiError } from '@oris/shared/api-client';

/**
 * Puts the API's per-field messages on the matching form controls as a `server` error, shown
 * next to the field until the person edits it.
 */
export function applyServerErrors(form: FormGroup, error: ApiError): void {
  for (const { field, message } of error.fieldErrors) {
    const control = form.get(field);
    if (control) {
      const previous = control.errors?.['server'] as string | undefined;
      control.setErrors({
        ...control.errors,
        server: previous ? `${previous} ${message}` : message,
      });
      control.markAsTouched();
    }
  }
}
