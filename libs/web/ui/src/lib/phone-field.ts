import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldError } from './field-error';

/**
 * The optional phone number, the same field wherever a person gives one (registration, profile,
 * enrollment): a `tel` keyboard on phones, written left to right even in Arabic, the browser's
 * autofill, and the form's own hint. The control's validator is `phoneNumber`.
 */
@Component({
  selector: 'oris-phone-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe, FieldError],
  host: { style: 'display: block' },
  template: `
    <mat-form-field>
      <mat-label>{{ 'identity.fields.phone' | transloco }}</mat-label>
      <input
        matInput
        type="tel"
        inputmode="tel"
        dir="ltr"
        autocomplete="tel"
        [formControl]="control()"
      />
      <mat-hint>{{ hintKey() | transloco }}</mat-hint>
      <mat-error><oris-field-error [errors]="control().errors" /></mat-error>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      inline-size: 100%;
    }
  `,
})
export class PhoneField {
  readonly control = input.required<FormControl<string>>();
  /** What the number is for, in the form's words. */
  readonly hintKey = input('identity.fields.phoneHint');
}
