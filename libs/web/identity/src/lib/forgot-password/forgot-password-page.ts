import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { unwrap } from '@oris/shared/api-client';
import { formSubmission, ORIS_API } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { FieldError } from '@oris/web/ui/forms';

@Component({
  selector: 'oris-forgot-password-page',
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
  templateUrl: './forgot-password-page.html',
})
export class ForgotPasswordPage {
  private readonly api = inject(ORIS_API);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });
  protected readonly submission = formSubmission();
  /** The address a link was requested for; the API answers the same whether it exists or not. */
  protected readonly requestedFor = signal<string | null>(null);

  protected async sendResetLink(): Promise<void> {
    const email = this.form.controls.email.value.trim();
    const sent = await this.submission.run(this.form, () =>
      unwrap(this.api.POST('/api/v1/auth/password/forgot', { body: { email } })),
    );
    if (sent) {
      this.requestedFor.set(email);
    }
  }
}
