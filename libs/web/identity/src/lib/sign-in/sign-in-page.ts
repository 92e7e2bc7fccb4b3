import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthSession, formSubmission, landingPath, safeReturnUrl } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { FieldError } from '@oris/web/ui/forms';

@Component({
  selector: 'oris-sign-in-page',
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
  templateUrl: './sign-in-page.html',
})
export class SignInPage {
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submission = formSubmission();
  protected readonly passwordChanged =
    this.route.snapshot.queryParamMap.get('passwordChanged') === 'true';
  protected readonly accountErased =
    this.route.snapshot.queryParamMap.get('accountErased') === 'true';

  protected async signIn(): Promise<void> {
    const signedIn = await this.submission.run(this.form, () =>
      this.session.signIn(this.form.getRawValue()),
    );
    if (signedIn) {
      // Back where they were going, or to their work (the most specific of their roles).
      const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
      await this.router.navigateByUrl(
        returnUrl === null ? landingPath(this.session.roles()) : safeReturnUrl(returnUrl),
      );
    }
  }
}
