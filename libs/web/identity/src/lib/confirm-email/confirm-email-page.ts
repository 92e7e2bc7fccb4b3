import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { unwrap } from '@oris/shared/api-client';
import { AuthSession, formSubmission, ORIS_API } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';

/**
 * The page of the emailed confirmation link. It confirms on a click, not on load: mail security
 * scanners open links (some run their scripts), and must not spend the link for the person.
 */
@Component({
  selector: 'oris-confirm-email-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, TranslocoPipe, ProblemAlert],
  templateUrl: './confirm-email-page.html',
})
export class ConfirmEmailPage {
  private readonly api = inject(ORIS_API);
  protected readonly session = inject(AuthSession);

  /** The single-use token from the emailed link. */
  protected readonly token = inject(ActivatedRoute).snapshot.queryParamMap.get('token');
  protected readonly form = new FormGroup({});
  protected readonly submission = formSubmission();
  protected readonly done = signal(false);

  protected async confirmEmail(): Promise<void> {
    const token = this.token;
    if (!token) return;
    const confirmed = await this.submission.run(this.form, () =>
      unwrap(this.api.POST('/api/v1/auth/email/confirm', { body: { token } })),
    );
    if (!confirmed) return;
    this.done.set(true);
    // Signed in here: the banner goes and enrolling opens without signing in again.
    if (this.session.isSignedIn()) {
      const me = await this.api.GET('/api/v1/me');
      if (me.data) this.session.updateUser(me.data);
    }
  }
}
