import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  ApiError,
  type RectificationRequestDto,
  type RectificationRequestPageDto,
  unwrap,
} from '@oris/shared/api-client';
import { RECTIFICATION_MESSAGE_MAX_LENGTH, RECTIFICATION_STATUSES } from '@oris/shared/domain';
import type { RectificationStatus } from '@oris/shared/domain';
import { LanguageService, ORIS_API } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';
import { InsertionTabs } from '../shared/insertion-tabs';

/**
 * Trainees' requests to correct their situation (law 09-08): the officer corrects the situation
 * from the person's page, then answers here; the person reads the answer on "Mes données".
 */
@Component({
  selector: 'oris-rectification-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    RouterLink,
    TranslocoPipe,
    ProblemAlert,
    InsertionTabs,
  ],
  templateUrl: './rectification-queue-page.html',
  styles: `
    .status {
      display: flex;
      gap: 8px;
      margin-block-end: 16px;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      margin-block-end: 16px;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    p {
      margin-block: 4px;
      overflow-wrap: anywhere;
      white-space: pre-line;
    }
    mat-form-field {
      inline-size: 100%;
    }
  `,
})
export class RectificationQueuePage {
  private readonly api = inject(ORIS_API);
  private readonly language = inject(LanguageService);

  protected readonly statuses = RECTIFICATION_STATUSES;
  protected readonly maxLength = RECTIFICATION_MESSAGE_MAX_LENGTH;
  protected readonly status = signal<RectificationStatus>('open');
  protected readonly result = signal<RectificationRequestPageDto | null>(null);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly answers = new Map<string, string>();
  protected readonly busy = signal<string | null>(null);
  protected readonly announcement = signal('');

  constructor() {
    void this.load();
  }

  protected show(status: RectificationStatus): void {
    this.status.set(status);
    void this.load();
  }

  protected async resolve(request: RectificationRequestDto): Promise<void> {
    const answer = (this.answers.get(request.id) ?? '').trim();
    if (answer === '' || this.busy()) return;
    this.busy.set(request.id);
    this.problem.set(null);
    try {
      await unwrap(
        this.api.POST('/api/v1/rectification-requests/{id}/resolve', {
          params: { path: { id: request.id } },
          body: { answer },
        }),
      );
      this.answers.delete(request.id);
      this.announcement.set(request.person.fullName);
      await this.load();
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.busy.set(null);
    }
  }

  protected date(instant: string): string {
    const language = this.language.language();
    const locale = language === 'ar' ? 'ar-MA-u-nu-latn' : `${language}-MA`;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(instant));
  }

  private async load(): Promise<void> {
    try {
      this.result.set(
        await unwrap(
          this.api.GET('/api/v1/rectification-requests', {
            params: { query: { status: this.status(), pageSize: 100 } },
          }),
        ),
      );
    } catch (error) {
      this.problem.set(ApiError.from(error));
    }
  }
}
