import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { FileDropZone, Icon, ProblemAlert } from '@oris/web/ui';
import { CertificatesApi } from '../certificates-api';
import type { Verification } from '../shared/certificate-types';
import { certificateMessageKeys } from '../shared/problem-keys';

/** The API refuses bodies above 5 MiB; a certificate is about 10 KiB. */
const MAX_BYTES = 5 * 1024 * 1024;

type Verdict = 'matches' | 'differs' | 'unknown' | 'not-pdf' | 'too-large';

/**
 * Checks that a PDF one was sent is exactly the document issued: the API compares its SHA-256
 * with the stored one. With a code, against that certificate's; without one, the API finds the
 * certificate issued as this file, and the page shows it (`found`). A file can be dropped on the
 * zone or chosen with its button (keyboard).
 */
@Component({
  selector: 'oris-file-check',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, TranslocoPipe, FileDropZone, Icon, ProblemAlert],
  template: `
    <section class="oris-card file-check" aria-labelledby="file-check-heading">
      <h2 id="file-check-heading">
        {{ (code() ? 'certificates.file.heading' : 'certificates.file.lookupHeading') | transloco }}
      </h2>
      @if (available()) {
        <oris-file-drop-zone
          accept="application/pdf,.pdf"
          [hintKey]="code() ? 'certificates.file.dropHint' : 'certificates.file.lookupHint'"
          chooseKey="certificates.file.choose"
          chosenKey="certificates.file.chosen"
          [disabled]="checking()"
          (fileChosen)="check($event)"
        />
        @if (checking()) {
          <mat-progress-bar
            mode="indeterminate"
            [attr.aria-label]="'certificates.file.checking' | transloco"
          />
        }
      } @else {
        <p>{{ 'certificates.file.notYet' | transloco }}</p>
      }
      <div class="file-verdict" role="status" aria-live="polite" aria-atomic="true">
        @switch (verdict()) {
          @case ('matches') {
            <p class="verdict-line verdict-line--match">
              <oris-icon name="check" />{{ 'certificates.file.matches' | transloco }}
            </p>
          }
          @case ('differs') {
            <p class="verdict-line verdict-line--differs">
              <oris-icon name="error" />{{ 'certificates.file.differs' | transloco }}
            </p>
          }
          @case ('unknown') {
            <p class="verdict-line verdict-line--differs">
              <oris-icon name="error" />{{ 'certificates.file.unknown' | transloco }}
            </p>
          }
          @case ('not-pdf') {
            <p class="verdict-line verdict-line--differs">
              <oris-icon name="error" />{{ 'certificates.file.notPdf' | transloco }}
            </p>
          }
          @case ('too-large') {
            <p class="verdict-line verdict-line--differs">
              <oris-icon name="error" />{{ 'certificates.file.tooLarge' | transloco }}
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
    .verdict-line {
      display: flex;
      gap: 8px;
      align-items: center;
      margin: 16px 0 0;
      font-weight: 600;
    }
    .verdict-line--match {
      color: var(--mat-sys-primary);
    }
    .verdict-line--differs {
      color: var(--mat-sys-error);
    }
  `,
})
export class FileCheck {
  private readonly certificates = inject(CertificatesApi);

  /** Null: no code, the file alone finds its certificate. */
  readonly code = input.required<string | null>();
  /** False while the PDF is still being rendered: there is nothing to compare with yet. */
  readonly available = input.required<boolean>();
  /** Without a code: the certificate this file was issued as. */
  readonly found = output<Verification>();

  protected readonly checking = signal(false);
  protected readonly verdict = signal<Verdict | null>(null);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly messageKeys = certificateMessageKeys;

  protected async check(file: File): Promise<void> {
    this.problem.set(null);
    this.verdict.set(null);
    if (file.size > MAX_BYTES) {
      this.verdict.set('too-large');
      return;
    }
    if (!(await looksLikePdf(file))) {
      this.verdict.set('not-pdf');
      return;
    }
    this.checking.set(true);
    const code = this.code();
    try {
      if (code) {
        const { matches } = await this.certificates.matchFile(code, file);
        this.verdict.set(matches ? 'matches' : 'differs');
      } else {
        this.found.emit(await this.certificates.verifyFile(file));
        this.verdict.set('matches');
      }
    } catch (error) {
      const problem = ApiError.from(error);
      if (!code && problem.kind === 'not-found') this.verdict.set('unknown');
      else this.problem.set(problem);
    } finally {
      this.checking.set(false);
    }
  }
}

/** By its first bytes, not its name or type, which the sender may have changed. */
async function looksLikePdf(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-';
}
