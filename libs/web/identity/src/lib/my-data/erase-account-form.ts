import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { unwrap } from '@oris/shared/api-client';
import { AuthSession, formSubmission, ORIS_API, SIGN_IN_PATH } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { FieldError } from '@oris/web/ui/forms';

/**
 * Law 09-08 right of erasure: the person erases their own account, typing their password again
 * and confirming the consequences; then the session ends here too.
 */
@Component({
  selector: 'oris-erase-account-form',
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
  templateUrl: './erase-account-form.html',
  styles: `
    .destructive {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
      --mat-button-outlined-outline-color: var(--mat-sys-error);
    }
  `,
})
export class EraseAccountForm {
  private readonly api = inject(ORIS_API);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly confirmation = inject(Confirmation);

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
  });
  protected readonly fields = Object.keys(this.form.controls);
  protected readonly submission = formSubmission();

  protected async eraseAccount(): Promise<void> {
    if (this.submission.pending()) return;
    // An invalid form goes straight to `run`, which points at the field; a valid one asks first.
    if (
      this.form.valid &&
      !(await this.confirmation.ask({
        titleKey: 'identity.myData.erase.confirmTitle',
        textKey: 'identity.myData.erase.confirmText',
        confirmKey: 'identity.myData.erase.confirm',
        destructive: true,
      }))
    ) {
      return;
    }
    const { currentPassword } = this.form.getRawValue();
    const erased = await this.submission.run(this.form, () =>
      unwrap(this.api.POST('/api/v1/me/erasure', { body: { currentPassword } })),
    );
    if (erased) {
      await this.session.signOut();
      await this.router.navigate([SIGN_IN_PATH], { queryParams: { accountErased: 'true' } });
    }
  }
}
