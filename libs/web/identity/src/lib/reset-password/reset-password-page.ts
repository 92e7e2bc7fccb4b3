import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { unwrap } from '@oris/shared/api-client';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@oris/shared/domain';
import { formSubmission, ORIS_API } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { FieldError } from '@oris/web/ui/forms';
import { matches } from '../account-rules';

@Component({
  selector: 'oris-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FieldError,
    ProblemAlert,
  ],
  templateUrl: './reset-password-page.html',
})
export class ResetPasswordPage {
  private readonly api = inject(ORIS_API);

  /** The single-use token from the emailed link. */
  protected readonly token = inject(ActivatedRoute).snapshot.queryParamMap.get('token');
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
    confirmPassword: ['', [Validators.required, matches('password')]],
  });
  protected readonly submission = formSubmission();
  protected readonly done = signal(false);

  constructor() {
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.confirmPassword.updateValueAndValidity());
  }

  protected async setNewPassword(): Promise<void> {
    const token = this.token;
    if (!token) return;
    const changed = await this.submission.run(this.form, () =>
      unwrap(
        this.api.POST('/api/v1/auth/password/reset', {
          body: { token, password: this.form.controls.password.value },
        }),
      ),
    );
    this.done.set(changed);
  }
}
