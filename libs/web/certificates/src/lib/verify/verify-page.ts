import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { codeFrom, LanguageService } from '@oris/web/core';
import { Icon, MonthPipe, ProblemAlert } from '@oris/web/ui';
import { CertificatesApi } from '../certificates-api';
import type { Verification } from '../shared/certificate-types';
import { CredentialCheck } from './credential-check';
import { FileCheck } from './file-check';

type Outcome =
  | { kind: 'found'; certificate: Verification }
  | { kind: 'not-found' }
  | { kind: 'failed'; error: ApiError };

/**
 * The public verification page, reached from the QR code or the emailed link (`/verify/:code`),
 * or by typing a code (`/verify`). The same for visitors and signed-in people: what the API
 * answers a verifier (holder, course, hours, month of completion, status), nothing more.
 */
@Component({
  selector: 'oris-verify-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    MonthPipe,
    Icon,
    ProblemAlert,
    FileCheck,
    CredentialCheck,
  ],
  templateUrl: './verify-page.html',
  styleUrl: './verify-page.scss',
})
export class VerifyPage {
  private readonly certificates = inject(CertificatesApi);
  private readonly router = inject(Router);
  protected readonly language = inject(LanguageService).language;

  private readonly route = inject(ActivatedRoute);

  /** From the address (`/verify/:code`); null on `/verify`. */
  protected readonly code = signal<string | null>(null);

  protected readonly codeField = new FormControl('', { nonNullable: true });
  protected readonly form = new FormGroup({ code: this.codeField });
  protected readonly codeInvalid = signal(false);
  protected readonly loading = signal(false);
  protected readonly outcome = signal<Outcome | null>(null);
  protected readonly found = computed(() => {
    const outcome = this.outcome();
    return outcome?.kind === 'found' ? outcome.certificate : null;
  });
  protected readonly problem = computed(() => {
    const outcome = this.outcome();
    return outcome?.kind === 'failed' ? outcome.error : null;
  });
  private latestRequest = 0;

  constructor() {
    this.route.paramMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.code.set(params.get('code'));
      void this.show(this.code());
    });
  }

  protected checkTypedCode(): void {
    const code = codeFrom(this.codeField.value);
    this.codeInvalid.set(code === null);
    if (code) void this.router.navigate(['/verify', code]);
  }

  protected retry(): void {
    void this.show(this.code());
  }

  private async show(code: string | null): Promise<void> {
    const request = ++this.latestRequest;
    this.outcome.set(null);
    if (!code) return;
    this.codeField.setValue(code);
    this.codeInvalid.set(false);
    this.loading.set(true);
    let outcome: Outcome;
    try {
      outcome = { kind: 'found', certificate: await this.certificates.verify(code) };
    } catch (thrown) {
      const error = ApiError.from(thrown);
      outcome = error.kind === 'not-found' ? { kind: 'not-found' } : { kind: 'failed', error };
    }
    // A slower, older lookup must not overwrite a newer one.
    if (request !== this.latestRequest) return;
    this.outcome.set(outcome);
    this.loading.set(false);
  }
}
