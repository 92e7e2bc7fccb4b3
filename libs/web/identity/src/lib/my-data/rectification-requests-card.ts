import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, type RectificationRequestDto, unwrap } from '@oris/shared/api-client';
import { RECTIFICATION_MESSAGE_MAX_LENGTH } from '@oris/shared/domain';
import { formSubmission, LanguageService, ORIS_API } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { FieldError } from '@oris/web/ui/forms';

/**
 * Law 09-08 rectification: the person asks the placement officers to correct a situation
 * recorded about them, and follows the answer here.
 */
@Component({
  selector: 'oris-rectification-requests-card',
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
  templateUrl: './rectification-requests-card.html',
  styles: `
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      margin-block-end: 12px;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    p {
      margin-block: 4px;
      overflow-wrap: anywhere;
      white-space: pre-line;
    }
  `,
})
export class RectificationRequestsCard {
  private readonly api = inject(ORIS_API);
  private readonly language = inject(LanguageService);

  protected readonly maxLength = RECTIFICATION_MESSAGE_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    message: ['', [Validators.required, Validators.maxLength(RECTIFICATION_MESSAGE_MAX_LENGTH)]],
  });
  protected readonly fields = Object.keys(this.form.controls);
  protected readonly submission = formSubmission();
  protected readonly requests = signal<RectificationRequestDto[]>([]);
  protected readonly loadProblem = signal<ApiError | null>(null);
  protected readonly sent = signal(false);

  constructor() {
    void this.load();
  }

  protected async send(): Promise<void> {
    this.sent.set(false);
    const { message } = this.form.getRawValue();
    const done = await this.submission.run(this.form, async () => {
      const created = await unwrap(
        this.api.POST('/api/v1/me/rectification-requests', { body: { message } }),
      );
      this.requests.update((list) => [created, ...list]);
    });
    if (done) {
      this.form.reset();
      this.sent.set(true);
    }
  }

  protected date(instant: string): string {
    const language = this.language.language();
    const locale = language === 'ar' ? 'ar-MA-u-nu-latn' : `${language}-MA`;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(instant));
  }

  private async load(): Promise<void> {
    try {
      this.requests.set(await unwrap(this.api.GET('/api/v1/me/rectification-requests')));
    } catch (error) {
      this.loadProblem.set(ApiError.from(error));
    }
  }
}
