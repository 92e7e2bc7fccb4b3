import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { EARLY_COMPLETION_REASON_MAX_LENGTH } from '@oris/shared/domain';
import { provideDayDatepicker } from '@oris/web/ui/dates';

export interface CompletionRequest {
  name: string;
  /** Administrators may record a past day (past cohorts); trainers validate today. */
  pastDayAllowed: boolean;
  /** The session's first day and today ('YYYY-MM-DD'): the days an administrator may give. */
  earliest: string;
  today: string;
  /**
   * An administrator completing a session that has ended: where the records do not show the
   * course's rule met, the validation attests the completion (see `mayAttestCompletion`).
   */
  attests: boolean;
  /**
   * The session's last meeting has not started (`isEarlyCompletion`): the API accepts the
   * validation only with the validator's reason.
   */
  early: boolean;
}

export interface CompletionAnswer {
  completedOn?: string;
  earlyCompletionReason?: string;
}

const COMPLETION_TEXT_ID = 'oris-completion-text';

/** Asks before validating a trainee's completion; administrators may give the day it happened. */
@Component({
  selector: 'oris-completion-dialog',
  providers: [provideDayDatepicker()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepickerModule,
    TranslocoPipe,
  ],
  styles: `
    .reason {
      inline-size: 100%;
    }
  `,
  template: `
    <h2 mat-dialog-title>
      {{ 'teaching.enrollments.completion.title' | transloco: { name: request.name } }}
    </h2>
    <form (ngSubmit)="validate()" novalidate>
      <mat-dialog-content>
        <p [id]="textId">
          {{ 'teaching.enrollments.completion.text' | transloco }}
          @if (request.attests) {
            {{ 'teaching.enrollments.completion.attests' | transloco }}
          }
          @if (request.early) {
            <!-- Part of the dialog's description: read out before the reason is asked. -->
            <span class="early">{{ 'teaching.enrollments.completion.early' | transloco }}</span>
          }
        </p>
        @if (request.early) {
          <mat-form-field class="reason">
            <mat-label>{{ 'teaching.enrollments.completion.earlyReason' | transloco }}</mat-label>
            <textarea
              matInput
              required
              rows="3"
              [maxlength]="reasonMax"
              [formControl]="earlyReason"
            ></textarea>
            <mat-hint>{{ 'teaching.enrollments.completion.earlyReasonHint' | transloco }}</mat-hint>
            <mat-error>{{
              'teaching.enrollments.completion.earlyReasonRequired' | transloco
            }}</mat-error>
          </mat-form-field>
        }
        @if (request.pastDayAllowed) {
          <mat-form-field>
            <mat-label>{{ 'teaching.enrollments.completion.completedOn' | transloco }}</mat-label>
            <input
              matInput
              [matDatepicker]="completedOnPicker"
              required
              [formControl]="completedOn"
              [min]="request.earliest"
              [max]="request.today"
            />
            <mat-datepicker-toggle matIconSuffix [for]="completedOnPicker" />
            <mat-datepicker #completedOnPicker />
            <mat-hint>{{ 'teaching.enrollments.completion.completedOnHint' | transloco }}</mat-hint>
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">
          {{ 'teaching.confirm.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit">
          {{ 'teaching.enrollments.actions.complete' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CompletionDialog {
  protected readonly request = inject<CompletionRequest>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CompletionDialog, CompletionAnswer>>(MatDialogRef);
  protected readonly textId = COMPLETION_TEXT_ID;
  protected readonly reasonMax = EARLY_COMPLETION_REASON_MAX_LENGTH;
  protected readonly completedOn = new FormControl(this.request.today, {
    nonNullable: true,
    validators: Validators.required,
  });
  protected readonly earlyReason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/)],
  });

  protected validate(): void {
    const answer: CompletionAnswer = {};
    if (this.request.early) {
      if (this.earlyReason.invalid) {
        this.earlyReason.markAsTouched();
        return;
      }
      answer.earlyCompletionReason = this.earlyReason.value.trim();
    }
    if (this.request.pastDayAllowed) {
      if (this.completedOn.invalid) {
        this.completedOn.markAsTouched();
        return;
      }
      // Today is the API's default; sending it only when it differs keeps trainers' calls alike.
      const day = this.completedOn.value;
      if (day !== this.request.today) answer.completedOn = day;
    }
    this.ref.close(answer);
  }
}

export const completionDialogOptions = {
  role: 'dialog' as const,
  ariaDescribedBy: COMPLETION_TEXT_ID,
  autoFocus: 'first-tabbable' as const,
  maxWidth: '480px',
};
