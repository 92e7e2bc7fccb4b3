import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, unwrap } from '@oris/shared/api-client';
import { AuthSession, ORIS_API, safeReturnUrl, SIGN_IN_PATH } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';

/**
 * The personal-data notice, asked again at sign-in when it changed or when staff recorded the
 * person's consent for them. Every other page sends here until it is answered (consentGuard);
 * the only ways out are answering or signing out.
 */
@Component({
  selector: 'oris-consent-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe, ProblemAlert],
  templateUrl: './consent-page.html',
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
  `,
})
export class ConsentPage {
  private readonly api = inject(ORIS_API);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly consent = computed(() => this.session.user()?.consent ?? null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiError | null>(null);

  /** Accept the notice, with (true) or without (false) follow-up after training. */
  protected async answer(followupTracking: boolean): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const overview = await unwrap(
        this.api.POST('/api/v1/me/consents', { body: { followupTracking } }),
      );
      this.session.updateConsent(overview.status);
      await this.router.navigateByUrl(
        safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')),
      );
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async signOut(): Promise<void> {
    await this.session.signOut();
    await this.router.navigate([SIGN_IN_PATH]);
  }
}
