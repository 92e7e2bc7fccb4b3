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
import { serialFrom } from '@oris/shared/domain';
import { codeFrom, LanguageService } from '@oris/web/core';
import { Icon, MonthPipe, ProblemAlert } from '@oris/web/ui';
import { CertificatesApi } from '../certificates-api';
import type { Verification } from '../shared/certificate-types';
import { CredentialCheck } from './credential-check';
import { FileCheck } from './file-check';

type Outcome =
  | { kind: 'found'; certificate: Verification; via: 'code' | 'serial' | 'file' }
  | { kind: 'not-found'; via: 'code' | 'serial' }
  | { kind: 'failed'; error: ApiError };

/**
 * The public verification page, reached from the QR code or the emailed link (`/verify/:code`),
 * or by typing a code (`/verify`), or the printed serial with the holder's name, or by giving the
 * PDF alone. The same for visitors and signed-in people: what the API answers a verifier
 * (holder, course, hours, month of completion, status), nothing more.
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
  protected readonly nameField = new FormControl('', { nonNullable: true });
  protected readonly form = new FormGroup({ code: this.codeField, holderName: this.nameField });
  protected readonly codeInvalid = signal(false);
  /** The typed text is a serial: the holder's name is asked for beside it. */
  protected readonly bySerial = signal(false);
  protected readonly nameMissing = signal(false);
  protected readonly loading = signal(false);
  protected readonly outcome = signal<Outcome | null>(null);
  protected readonly found = computed(() => {
    const outcome = this.outcome();
    return outcome?.kind === 'found' ? outcome.certificate : null;
  });
  protected readonly via = computed(() => {
    const outcome = this.outcome();
    return outcome && outcome.kind !== 'failed' ? outcome.via : null;
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
    const serial = serialFrom(this.codeField.value);
    this.bySerial.set(serial !== null);
    if (serial) {
      this.codeInvalid.set(false);
      const name = this.nameField.value.trim();
      this.nameMissing.set(name === '');
      if (name) void this.lookUp(() => this.certificates.verifyBySerial(serial, name), 'serial');
      return;
    }
    this.nameMissing.set(false);
    const code = codeFrom(this.codeField.value);
    this.codeInvalid.set(code === null);
    if (code) void this.router.navigate(['/verify', code]);
  }

  /** The typed text turned into a serial (or back): the name field appears or goes. */
  protected typedChanged(): void {
    this.bySerial.set(serialFrom(this.codeField.value) !== null);
  }

  /** A PDF given without a code was found: its certificate is shown as if looked up. */
  protected showFound(certificate: Verification): void {
    ++this.latestRequest;
    this.loading.set(false);
    this.outcome.set({ kind: 'found', certificate, via: 'file' });
  }

  protected retry(): void {
    if (this.bySerial()) this.checkTypedCode();
    else void this.show(this.code());
  }

  private async show(code: string | null): Promise<void> {
    this.outcome.set(null);
    if (!code) {
      ++this.latestRequest;
      return;
    }
    this.codeField.setValue(code);
    this.bySerial.set(false);
    this.codeInvalid.set(false);
    await this.lookUp(() => this.certificates.verify(code), 'code');
  }

  private async lookUp(
    request: () => Promise<Verification>,
    via: 'code' | 'serial',
  ): Promise<void> {
    const current = ++this.latestRequest;
    this.outcome.set(null);
    this.loading.set(true);
    let outcome: Outcome;
    try {
      outcome = { kind: 'found', certificate: await request(), via };
    } catch (thrown) {
      const error = ApiError.from(thrown);
      outcome = error.kind === 'not-found' ? { kind: 'not-found', via } : { kind: 'failed', error };
    }
    // A slower, older lookup must not overwrite a newer one.
    if (current !== this.latestRequest) return;
    this.outcome.set(outcome);
    this.loading.set(false);
  }
}
