import { ChangeDetectionStrategy, Component, DOCUMENT, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';
import { Icon, ProblemAlert, saveFile } from '@oris/web/ui';
import { EraseAccountForm } from './erase-account-form';
import { RectificationRequestsCard } from './rectification-requests-card';

type ExportFormat = 'json' | 'html';

/**
 * Law 09-08 rights of access and erasure: the signed-in person downloads everything held about
 * them, and may erase their account.
 */
@Component({
  selector: 'oris-my-data-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    RouterLink,
    TranslocoPipe,
    Icon,
    ProblemAlert,
    RectificationRequestsCard,
    EraseAccountForm,
  ],
  templateUrl: './my-data-page.html',
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
  `,
})
export class MyDataPage {
  private readonly api = inject(ORIS_API);
  private readonly document = inject(DOCUMENT);

  protected readonly categories = [
    'profile',
    'consents',
    'enrollments',
    'certificates',
    'placements',
    'followUps',
    'rectificationRequests',
    'auditEvents',
  ] as const;
  protected readonly busy = signal<ExportFormat | null>(null);
  protected readonly saved = signal<ExportFormat | null>(null);
  protected readonly problem = signal<ApiError | null>(null);

  protected async download(format: ExportFormat): Promise<void> {
    if (this.busy()) return;
    this.busy.set(format);
    this.saved.set(null);
    this.problem.set(null);
    try {
      // Through the client so the in-memory bearer token goes with it (a link would not carry it).
      const file = (await unwrap(
        this.api.GET('/api/v1/me/export', { params: { query: { format } }, parseAs: 'blob' }),
      )) as unknown as Blob;
      const day = new Date().toISOString().slice(0, 10);
      saveFile(file, `oris-my-data-${day}.${format}`, this.document);
      this.saved.set(format);
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.busy.set(null);
    }
  }
}
