import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { Icon, ProblemAlert } from '@oris/web/ui';
import { CertificatesApi } from '../certificates-api';
import type { CredentialVerification } from '../shared/certificate-types';
import { certificateMessageKeys } from '../shared/problem-keys';

/** The API takes JSON bodies up to 1 MiB; a credential is about 4 KiB. */
const MAX_BYTES = 1024 * 1024;

type Verdict = CredentialVerification['result'] | 'not-json' | 'too-large';

/** The translation key of each verdict, under `certificates.credential`. */
const VERDICT_KEYS: Record<Verdict, string> = {
  valid: 'valid',
  revoked: 'revoked',
  tampered: 'tampered',
  unknown_issuer: 'unknown_issuer',
  'not-json': 'notJson',
  'too-large': 'tooLarge',
};

/**
 * Checks an Open Badges credential (the JSON file from "My certificates" or extracted from the
 * PDF): the API verifies its signature against ORIS's keys and reads its revocation status. A file
 * can be dropped on the zone or chosen with the button (keyboard).
 */
@Component({
  selector: 'oris-credential-check',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TranslocoPipe, Icon, ProblemAlert],
  template: `
    <section class="oris-card credential-check" aria-labelledby="credential-check-heading">
      <h2 id="credential-check-heading">{{ 'certificates.credential.heading' | transloco }}</h2>
      <div
        class="drop-zone"
        data-testid="credential-drop-zone"
        [class.drop-zone--over]="dragging()"
        (dragenter)="dragOver($event)"
        (dragover)="dragOver($event)"
        (dragleave)="dragging.set(false)"
        (drop)="dropFile($event)"
      >
        <p>{{ 'certificates.credential.dropHint' | transloco }}</p>
        <input
          #picker
          class="oris-visually-hidden"
          type="file"
          accept="application/json,application/ld+json,.json,.jsonld"
          tabindex="-1"
          aria-hidden="true"
          (change)="pickFile(picker)"
        />
        <button mat-stroked-button type="button" [disabled]="checking()" (click)="picker.click()">
          {{ 'certificates.credential.choose' | transloco }}
        </button>
        @if (fileName(); as name) {
          <p class="file-name">{{ 'certificates.credential.chosen' | transloco: { name } }}</p>
        }
      </div>
      @if (checking()) {
        <mat-progress-bar
          mode="indeterminate"
          [attr.aria-label]="'certificates.credential.checking' | transloco"
        />
      }
      <div class="credential-verdict" role="status" aria-live="polite" aria-atomic="true">
        @if (verdict(); as verdict) {
          <p
            class="verdict-line"
            [class.verdict-line--valid]="verdict === 'valid'"
            [class.verdict-line--invalid]="verdict !== 'valid'"
            [attr.data-verdict]="verdict"
          >
            <oris-icon [name]="verdict === 'valid' ? 'check' : 'error'" />
            {{ 'certificates.credential.' + verdictKey(verdict) | transloco }}
          </p>
          @if (verdict === 'valid' && credentialName(); as name) {
            <p class="credential-name">
              {{ 'certificates.credential.credentialName' | transloco: { name } }}
            </p>
          }
        }
      </div>
      <oris-problem-alert [error]="problem()" [messageKeys]="messageKeys(problem())" />
    </section>
  `,
  styles: `
    h2 {
      margin-block-start: 0;
    }
    .drop-zone {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 12px;
      padding: 24px;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 12px;
      text-align: center;
    }
    .drop-zone--over {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .drop-zone p {
      margin: 0;
    }
    .file-name,
    .credential-name {
      overflow-wrap: anywhere;
      color: var(--mat-sys-on-surface-variant);
    }
    .verdict-line {
      display: flex;
      gap: 8px;
      align-items: center;
      margin: 16px 0 0;
      font-weight: 600;
    }
    .verdict-line--valid {
      color: var(--mat-sys-primary);
    }
    .verdict-line--invalid {
      color: var(--mat-sys-error);
    }
  `,
})
export class CredentialCheck {
  private readonly certificates = inject(CertificatesApi);

  protected readonly dragging = signal(false);
  protected readonly checking = signal(false);
  protected readonly fileName = signal<string | null>(null);
  protected readonly verdict = signal<Verdict | null>(null);
  protected readonly credentialName = signal<string | null>(null);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly messageKeys = certificateMessageKeys;
  private latestCheck = 0;

  protected verdictKey(verdict: Verdict): string {
    return VERDICT_KEYS[verdict];
  }

  protected dragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected dropFile(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    const file = event.dataTransfer?.files.item(0);
    if (file) void this.check(file);
  }

  protected pickFile(input: HTMLInputElement): void {
    const file = input.files?.item(0);
    if (file) void this.check(file);
    // Choosing the same file again must check it again.
    input.value = '';
  }

  private async check(file: File): Promise<void> {
    const check = ++this.latestCheck;
    this.fileName.set(file.name);
    this.problem.set(null);
    this.verdict.set(null);
    this.credentialName.set(null);
    if (file.size > MAX_BYTES) {
      this.verdict.set('too-large');
      return;
    }
    let credential: unknown;
    try {
      credential = JSON.parse(await file.text());
    } catch {
      this.verdict.set('not-json');
      return;
    }
    this.checking.set(true);
    try {
      const answer = await this.certificates.verifyCredential(credential);
      if (check !== this.latestCheck) return;
      this.verdict.set(answer.result);
      this.credentialName.set(answer.name);
    } catch (error) {
      if (check === this.latestCheck) this.problem.set(ApiError.from(error));
    } finally {
      if (check === this.latestCheck) this.checking.set(false);
    }
  }
}
