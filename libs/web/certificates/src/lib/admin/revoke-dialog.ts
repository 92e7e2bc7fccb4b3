import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

export interface RevokeRequest {
  serial: string;
  holderName: string;
}

/** The API's limit; the reason is shown publicly on the verification page. */
export const REASON_MAX_LENGTH = 500;
const REVOKE_TEXT_ID = 'oris-revoke-text';

/** Asks for the reason before revoking: it is required, and shown to anyone who verifies. */
@Component({
  selector: 'oris-revoke-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
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
        <mat-form-field class="reason">
          <mat-label>{{ 'certificates.revoke.reason' | transloco }}</mat-label>
          <textarea
            matInput
            required
            rows="3"
            [maxlength]="maxLength"
            formControlName="reason"
          ></textarea>
          <mat-hint>{{ 'certificates.revoke.reasonHint' | transloco }}</mat-hint>
          @if (reason.hasError('required')) {
            <mat-error>{{ 'certificates.revoke.reasonRequired' | transloco }}</mat-error>
          }
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
  private readonly ref = inject<MatDialogRef<RevokeDialog, string>>(MatDialogRef);
  protected readonly textId = REVOKE_TEXT_ID;
  protected readonly maxLength = REASON_MAX_LENGTH;
  // Blank counts as missing, as the API trims it.
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(/\S/)],
  });
  protected readonly form = new FormGroup({ reason: this.reason });

  protected confirm(): void {
    if (this.reason.invalid) {
      this.reason.setErrors({ required: true });
      this.reason.markAsTouched();
      return;
    }
    this.ref.close(this.reason.value.trim());
  }
}

export const revokeDialogOptions = {
  role: 'alertdialog' as const,
  ariaDescribedBy: REVOKE_TEXT_ID,
  autoFocus: 'first-tabbable' as const,
  maxWidth: '520px',
  width: '100%',
};
