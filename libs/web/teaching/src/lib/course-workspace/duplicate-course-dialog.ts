import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { CATALOGUE_LIMITS } from '@oris/shared/domain';
import type { Course } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { FieldError } from '@oris/web/ui/forms';
import { courseCode } from '../shared/course-code';
import { TeachingApi } from '../teaching-api';

/** The course a new edition is made from. */
export interface DuplicateCourseRequest {
  id: string;
  code: string;
  title: string;
}

/**
 * Asks for the new edition's code (and title), duplicates the course and closes with the copy.
 * A taken code is said in the dialog, beside the field, without closing it.
 */
@Component({
  selector: 'oris-duplicate-course-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'material.duplicate.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="duplicate()" novalidate>
      <mat-dialog-content>
        <p>{{ 'material.duplicate.text' | transloco: { code: source.code } }}</p>
        <mat-form-field>
          <mat-label>{{ 'material.duplicate.code' | transloco }}</mat-label>
          <input
            matInput
            formControlName="code"
            dir="ltr"
            autocomplete="off"
            required
            [maxlength]="limits.codeMaxLength"
          />
          <mat-hint>{{ 'material.duplicate.codeHint' | transloco }}</mat-hint>
          <mat-error>
            @if (form.controls.code.hasError('courseCode')) {
              {{ 'teaching.validation.courseCode' | transloco }}
            } @else {
              <oris-field-error [errors]="form.controls.code.errors" />
            }
          </mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'material.duplicate.newTitle' | transloco }}</mat-label>
          <input
            matInput
            formControlName="title"
            dir="auto"
            autocomplete="off"
            [maxlength]="limits.titleMaxLength"
          />
        </mat-form-field>
        <oris-problem-alert
          [error]="problem()"
          [messageKeys]="{ conflict: 'material.duplicate.codeTaken' }"
        />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ 'ui.confirm.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [attr.aria-busy]="pending()">
          {{ 'material.duplicate.confirm' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      inline-size: 100%;
    }
  `,
})
export class DuplicateCourseDialog {
  private readonly teaching = inject(TeachingApi);
  private readonly dialog = inject<MatDialogRef<DuplicateCourseDialog, Course>>(MatDialogRef);
  protected readonly source = inject<DuplicateCourseRequest>(MAT_DIALOG_DATA);
  protected readonly limits = CATALOGUE_LIMITS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [
      '',
      [Validators.required, Validators.maxLength(CATALOGUE_LIMITS.codeMaxLength), courseCode],
    ],
    title: [this.source.title, [Validators.maxLength(CATALOGUE_LIMITS.titleMaxLength)]],
  });
  protected readonly pending = signal(false);
  protected readonly problem = signal<ApiError | null>(null);

  protected async duplicate(): Promise<void> {
    const code = this.form.controls.code.value.trim().toUpperCase();
    this.form.controls.code.setValue(code);
    if (this.form.invalid || this.pending()) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.problem.set(null);
    try {
      const title = this.form.controls.title.value.trim();
      const copy = await this.teaching.duplicateCourse(this.source.id, {
        code,
        ...(title && title !== this.source.title && { title }),
      });
      this.dialog.close(copy);
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.pending.set(false);
    }
  }
}
