import { ElementRef, inject, signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { ApiError } from '@oris/shared/api-client';
import { applyServerErrors } from './server-errors';

const INVALID_FIELD = [
  'input.ng-invalid',
  'textarea.ng-invalid',
  'mat-select.ng-invalid',
  '.ng-invalid input',
].join(', ');

export interface FormSubmission {
  /** True while the action runs; a second submit meanwhile is ignored. */
  readonly pending: () => boolean;
  /** What the API said when the last action failed. */
  readonly problem: () => ApiError | null;
  /**
   * Validates the form (focusing the first invalid field), then runs the action. A failure puts
   * the API's field messages on the fields and keeps the problem for the page to show.
   * Resolves to whether the action succeeded.
   */
  run(form: FormGroup, action: () => Promise<unknown>): Promise<boolean>;
  clearProblem(): void;
}

/** The submit cycle of a form page. Call in an injection context (a field initializer). */
export function formSubmission(): FormSubmission {
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const pending = signal(false);
  const problem = signal<ApiError | null>(null);

  return {
    pending: pending.asReadonly(),
    problem: problem.asReadonly(),
    clearProblem: () => problem.set(null),
    async run(form, action) {
      if (pending()) return false;
      if (form.invalid) {
        form.markAllAsTouched();
        host.nativeElement.querySelector<HTMLElement>(INVALID_FIELD)?.focus();
        return false;
      }
      pending.set(true);
      problem.set(null);
      try {
        await action();
        return true;
      } catch (thrown) {
        const error = ApiError.from(thrown);
        applyServerErrors(form, error);
        problem.set(error);
        return false;
      } finally {
        pending.set(false);
      }
    },
  };
}
