import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';
import { REVOCATION_REASONS, type RevocationReason } from '@oris/shared/domain';

export interface RevokeRequest {
  serial: string;
  holderName: string;
}

export interface RevokeAnswer {
  reason: RevocationReason;
  note?: string;
}

/** The API's limit on the internal note. */
export const NOTE_MAX_LENGTH = 500;
const REVOKE_TEXT_ID = 'oris-revoke-text';
const REASON_LEGEND_ID = 'oris-revoke-reason';

/**
 * Asks for the reason before revoking: one of a short list, required, and shown translated to
 * anyone who verifies; the staff may add a note that is never published.
 */
@Component({
  selector: 'oris-revoke-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>
      {{ 'certificates.revoke.title' | transloco: { serial: request.serial } }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p [id]="textId">
          {{ 'certificates.revoke.text' | transloco: { name: request.holderName } }}
        </p>
        <fieldset class="reason">
          <legend [id]="reasonLegendId">{{ 'certificates.revoke.reason' | transloco }}</legend>
          <mat-radio-group
            formControlName="reason"
            required
            [attr.aria-labelledby]="reasonLegendId"
            [attr.aria-invalid]="reason.touched && reason.invalid"
          >
            @for (code of reasons; track code) {
              <mat-radio-button [value]="code">{{
                'certificates.revocationReasons.' + code | transloco
              }}</mat-radio-button>
            }
          </mat-radio-group>
          <p class="hint">{{ 'certificates.revoke.reasonHint' | transloco }}</p>
          @if (reason.touched && reason.invalid) {
            <p class="oris-error-text" role="alert">
              {{ 'certificates.revoke.reasonRequired' | transloco }}
            </p>
          }
        </fieldset>
        <mat-form-field class="note">
          <mat-label>{{ 'certificates.revoke.note' | transloco }}</mat-label>
          <textarea matInput rows="3" [maxlength]="maxLength" formControlName="note"></textarea>
          <mat-hint>{{ 'certificates.revoke.noteHint' | transloco }}</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">
          {{ 'certificates.revoke.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" class="danger">
          {{ 'certificates.revoke.confirm' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .reason {
      border: 0;
      margin: 0 0 1rem;
      padding: 0;
    }
    .reason mat-radio-group {
      display: flex;
      flex-direction: column;
    }
    .hint {
      font: var(--mat-sys-body-small);
      margin: 0.25rem 0 0;
    }
    .note {
      inline-size: 100%;
    }
    .danger {
      --mdc-filled-button-container-color: var(--mat-sys-error);
      --mdc-filled-button-label-text-color: var(--mat-sys-on-error);
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class RevokeDialog {
  protected readonly request = inject<RevokeRequest>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RevokeDialog, RevokeAnswer>>(MatDialogRef);
  protected readonly textId = REVOKE_TEXT_ID;
  protected readonly reasonLegendId = REASON_LEGEND_ID;
  protected readonly maxLength = NOTE_MAX_LENGTH;
  protected readonly reasons = REVOCATION_REASONS;
  protected readonly reason = new FormControl<RevocationReason | null>(null, {
    validators: Validators.required,
  });
  protected readonly note = new FormControl('', { nonNullable: true });
  protected readonly form = new FormGroup({ reason: this.reason, note: this.note });

  protected confirm(): void {
    const reason = this.reason.value;
    if (reason === null) {
      this.reason.markAsTouched();
      return;
    }
    // A blank note is no note, as the API would refuse it.
    const note = this.note.value.trim();
    this.ref.close(note ? { reason, note } : { reason });
  }
}

export const revokeDialogOptions = {
  role: 'alertdialog' as const,
  ariaDescribedBy: REVOKE_TEXT_ID,
  autoFocus: 'first-tabbable' as const,
  maxWidth: '520px',
  width: '100%',
};
