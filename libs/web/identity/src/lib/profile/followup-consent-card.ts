import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, type ConsentRecordDto, unwrap } from '@oris/shared/api-client';
import { AuthSession, LanguageService, ORIS_API } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';

/**
 * Consent to follow-up after training (law 09-08): withdraw it, give it again, and read the
 * whole history of one's consents (records are never changed, each answer adds one).
 */
@Component({
  selector: 'oris-followup-consent-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe, ProblemAlert],
  templateUrl: './followup-consent-card.html',
  styles: `
    ol {
      margin: 0;
      padding-inline-start: 20px;
    }
    li {
      margin-block-end: 4px;
    }
  `,
})
export class FollowupConsentCard {
  private readonly api = inject(ORIS_API);
  private readonly session = inject(AuthSession);
  private readonly language = inject(LanguageService);

  protected readonly tracking = computed(
    () => this.session.user()?.consent?.followupTracking ?? true,
  );
  protected readonly history = signal<ConsentRecordDto[]>([]);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly changed = signal(false);

  constructor() {
    void this.load();
  }

  protected async choose(followupTracking: boolean): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.changed.set(false);
    try {
      const overview = await unwrap(
        this.api.POST('/api/v1/me/consents', { body: { followupTracking } }),
      );
      this.session.updateConsent(overview.status);
      this.history.set(overview.history);
      this.changed.set(true);
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected date(instant: string): string {
    const language = this.language.language();
    const locale = language === 'ar' ? 'ar-MA-u-nu-latn' : `${language}-MA`;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(instant));
  }

  private async load(): Promise<void> {
    try {
      this.history.set((await unwrap(this.api.GET('/api/v1/me/consents'))).history);
    } catch (error) {
      this.problem.set(ApiError.from(error));
    }
  }
}
