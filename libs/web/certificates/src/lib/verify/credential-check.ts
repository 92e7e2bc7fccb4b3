import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { FileDropZone, Icon, ProblemAlert } from '@oris/web/ui';
import { CertificatesApi } from '../certificates-api';
import type { CredentialVerification } from '../shared/certificate-types';
import { certificateMessageKeys } from '../shared/problem-keys';
import { readCredential } from './credential-input';

/** The API takes JSON bodies up to 1 MiB; a credential is about 4 KiB in either form. */
const MAX_BYTES = 1024 * 1024;

type Verdict = CredentialVerification['result'] | 'unreadable' | 'too-large';

/** The translation key of each verdict, under `certificates.credential`. */
const VERDICT_KEYS: Record<Verdict, string> = {
  valid: 'valid',
  revoked: 'revoked',
  expired: 'expired',
  tampered: 'tampered',
  unknown_issuer: 'unknown_issuer',
  unreadable: 'unreadable',
  'too-large': 'tooLarge',
};

/**
 * Checks an Open Badges credential in either form ORIS issues: the JSON file (from "My
 * certificates" or extracted from the PDF) or the VC-JWT (the `.jwt` file, or the token pasted).
 * The API verifies its signature against ORIS's keys and reads its revocation status.
 */
@Component({
  selector: 'oris-credential-check',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    TranslocoPipe,
    FileDropZone,
    Icon,
    ProblemAlert,
  ],
  template: `
    <section class="oris-card credential-check" aria-labelledby="credential-check-heading">
      <h2 id="credential-check-heading">{{ 'certificates.credential.heading' | transloco }}</h2>
      <oris-file-drop-zone
        data-testid="credential-drop-zone"
        accept="application/json,application/ld+json,application/vc+jwt,application/jwt,.json,.jsonld,.jwt"
        hintKey="certificates.credential.dropHint"
        chooseKey="certificates.credential.choose"
        chosenKey="certificates.credential.chosen"
        [disabled]="checking()"
        (fileChosen)="checkFile($event)"
      />
      <form class="paste" [formGroup]="pasteForm" (ngSubmit)="checkPasted()">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'certificates.credential.pasteLabel' | transloco }}</mat-label>
          <textarea
            matInput
            data-testid="credential-paste"
            rows="2"
            spellcheck="false"
            autocomplete="off"
            dir="ltr"
            formControlName="text"
          ></textarea>
        </mat-form-field>
        <button mat-stroked-button type="submit" [disabled]="checking()">
          {{ 'certificates.credential.checkPasted' | transloco }}
        </button>
      </form>
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
    .paste {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
      margin-block-start: 16px;
    }
    .paste mat-form-field {
      flex: 1 1 260px;
    }
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
  private readonly dropZone = viewChild.required(FileDropZone);

  protected readonly pasteForm = new FormGroup({
    text: new FormControl('', { nonNullable: true }),
  });
  protected readonly checking = signal(false);
  protected readonly verdict = signal<Verdict | null>(null);
  protected readonly credentialName = signal<string | null>(null);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly messageKeys = certificateMessageKeys;
  private latestCheck = 0;

  protected verdictKey(verdict: Verdict): string {
    return VERDICT_KEYS[verdict];
  }

  protected async checkFile(file: File): Promise<void> {
    if (file.size > MAX_BYTES) {
      this.start();
      this.verdict.set('too-large');
      return;
    }
    await this.check(await file.text());
  }

  protected async checkPasted(): Promise<void> {
    const { text } = this.pasteForm.getRawValue();
    if (text.trim() === '') return;
    this.dropZone().clear();
    await this.check(text);
  }

  /** Forgets the last answer; returns this check's number (a later check supersedes it). */
  private start(): number {
    this.problem.set(null);
    this.verdict.set(null);
    this.credentialName.set(null);
    this.checking.set(false);
    return ++this.latestCheck;
  }

  private async check(text: string): Promise<void> {
    const check = this.start();
    const body = readCredential(text);
    if (!body) {
      this.verdict.set('unreadable');
      return;
    }
    this.checking.set(true);
    try {
      const answer = await this.certificates.verifyCredential(body);
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
