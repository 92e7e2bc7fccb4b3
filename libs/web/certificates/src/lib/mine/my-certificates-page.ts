import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { LanguageService } from '@oris/web/core';
import { DayPipe, DayRangePipe, ProblemAlert } from '@oris/web/ui';
import { CertificatesApi } from '../certificates-api';
import { CertificateDownload } from '../shared/certificate-download';
import { CertificateStatusChip } from '../shared/certificate-status-chip';
import type { Certificate } from '../shared/certificate-types';
import { linkedInAddCertificationUrl } from '../shared/linkedin';
import { certificateMessageKeys } from '../shared/problem-keys';

/** The signed-in person's certificates, newest first, revoked ones included. */
@Component({
  selector: 'oris-my-certificates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    DayPipe,
    DayRangePipe,
    ProblemAlert,
    CertificateStatusChip,
  ],
  providers: [CertificateDownload],
  templateUrl: './my-certificates-page.html',
  styleUrl: './my-certificates-page.scss',
})
export class MyCertificatesPage {
  private readonly certificates = inject(CertificatesApi);
  protected readonly downloads = inject(CertificateDownload);
  protected readonly language = inject(LanguageService).language;
  protected readonly messageKeys = certificateMessageKeys;
  protected readonly linkedInUrl = linkedInAddCertificationUrl;

  protected readonly items = signal<Certificate[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiError | null>(null);

  constructor() {
    void this.load();
  }

  protected retry(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.items.set(await this.certificates.mine());
      this.problem.set(null);
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.loading.set(false);
    }
  }
}
