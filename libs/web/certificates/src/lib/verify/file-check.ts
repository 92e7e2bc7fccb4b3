import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { Icon, ProblemAlert } from '@oris/web/ui';
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
 * zone or chosen with the button (keyboard).
 */
@Component({
  selector: 'oris-file-check',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, TranslocoPipe, Icon, ProblemAlert],
  template: `
    <section class="oris-card file-check" aria-labelledby="file-check-heading">
      <h2 id="file-check-heading">
        {{ (code() ? 'certificates.file.heading' : 'certificates.file.lookupHeading') | transloco }}
      </h2>
      @if (available()) {
        <div
          class="drop-zone"
          [class.drop-zone--over]="dragging()"
          (dragenter)="dragOver($event)"
          (dragover)="dragOver($event)"
          (dragleave)="dragging.set(false)"
          (drop)="dropFile($event)"
        >
          <p>
            {{
              (code() ? 'certificates.file.dropHint' : 'certificates.file.lookupHint') | transloco
            }}
          </p>
          <input
            #picker
            class="oris-visually-hidden"
            type="file"
            accept="application/pdf,.pdf"
            tabindex="-1"
            aria-hidden="true"
            (change)="pickFile(picker)"
          />
          <button mat-stroked-button type="button" [disabled]="checking()" (click)="picker.click()">
            {{ 'certificates.file.choose' | transloco }}
          </button>
          @if (fileName(); as name) {
            <p class="file-name">
              {{ 'certificates.file.chosen' | transloco: { name } }}
            </p>
          }
        </div>
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
    .file-name {
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

  protected readonly dragging = signal(false);
  protected readonly checking = signal(false);
  protected readonly fileName = signal<string | null>(null);
  protected readonly verdict = signal<Verdict | null>(null);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly messageKeys = certificateMessageKeys;

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
    this.fileName.set(file.name);
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
