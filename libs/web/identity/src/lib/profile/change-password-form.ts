import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { unwrap } from '@oris/shared/api-client';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@oris/shared/domain';
import { AuthSession, formSubmission, ORIS_API, SIGN_IN_PATH } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { unsavedChanges } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';
import { matches } from '../account-rules';

@Component({
  selector: 'oris-change-password-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
  ],
  templateUrl: './change-password-form.html',
})
export class ChangePasswordForm {
  private readonly api = inject(ORIS_API);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: [
      '',
      [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
    confirmPassword: ['', [Validators.required, matches('newPassword')]],
  });
  protected readonly fields = Object.keys(this.form.controls);
  /** A password typed but not changed yet: the profile page asks before leaving. */
  readonly hasUnsavedChanges = unsavedChanges(() => this.form.dirty);
  protected readonly submission = formSubmission();

  constructor() {
    this.form.controls.newPassword.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.confirmPassword.updateValueAndValidity());
  }

  protected async changePassword(): Promise<void> {
    const { currentPassword, newPassword } = this.form.getRawValue();
    const changed = await this.submission.run(this.form, () =>
      unwrap(this.api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } })),
    );
    if (changed) {
      this.form.markAsPristine();
      // The API ends every session of the account, this one included.
      await this.session.signOut();
      await this.router.navigate([SIGN_IN_PATH], { queryParams: { passwordChanged: 'true' } });
    }
  }
}
