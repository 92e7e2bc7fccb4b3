import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { unwrap } from '@oris/shared/api-client';
import { AuthSession, formSubmission, ORIS_API } from '@oris/web/core';
import { Icon, ProblemAlert } from '@oris/web/ui';

/**
 * Shown to a signed-in person whose address is not confirmed yet: why enrolling waits, and a way
 * to have the link sent again (rate limited by the API; a 429 says so in the interface language).
 */
@Component({
  selector: 'oris-email-confirmation-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, TranslocoPipe, Icon, ProblemAlert],
  template: `
    @if (session.user(); as user) {
      <section class="banner" [attr.aria-label]="'identity.emailBanner.label' | transloco">
        <oris-icon name="mail" />
        <div class="banner__body">
          <p>{{ 'identity.emailBanner.message' | transloco: { email: user.email } }}</p>
          <oris-problem-alert [error]="submission.problem()" />
          @if (sent()) {
            <p class="oris-status" role="status">
              {{ 'identity.emailBanner.sent' | transloco: { email: user.email } }}
            </p>
          } @else {
            <form [formGroup]="form" (ngSubmit)="resendLink()" novalidate>
              <button mat-stroked-button type="submit" [attr.aria-busy]="submission.pending()">
                {{ 'identity.emailBanner.resend' | transloco }}
              </button>
            </form>
          }
        </div>
      </section>
    }
  `,
  styles: `
    .banner {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      margin: 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .banner__body p {
      margin: 0 0 8px;
    }
  `,
})
export class EmailConfirmationBanner {
  private readonly api = inject(ORIS_API);
  protected readonly session = inject(AuthSession);
  protected readonly form = new FormGroup({});
  protected readonly submission = formSubmission();
  protected readonly sent = signal(false);

  protected async resendLink(): Promise<void> {
    const sent = await this.submission.run(this.form, () =>
      unwrap(this.api.POST('/api/v1/me/email-confirmation')),
    );
    this.sent.set(sent);
  }
}
