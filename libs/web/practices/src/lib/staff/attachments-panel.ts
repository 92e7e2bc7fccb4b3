import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { LOCALES, PRACTICE_LIMITS } from '@oris/shared/domain';
import { FileDropZone, Icon, ProblemAlert } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { PracticesApi } from '../practices-api';
import type { Practice, PracticeAttachment } from '../shared/practice-types';
import { practiceMessageKeys } from '../shared/problem-keys';

/** The images the API accepts (5 MiB), shown on the sheet with their alternative text. */
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
/** Images and documents (PDF, DOCX, XLSX: 10 MiB) the API accepts on a sheet. */
const ACCEPT = [
  ...IMAGE_TYPES,
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png,.jpg,.jpeg,.webp,.pdf,.docx,.xlsx',
].join(',');
const ALT_MAX = 300;

/**
 * The sheet's images and documents: an image needs its alternative text (in the original language
 * at least) before it is sent, so that readers of the public page who cannot see it lose nothing.
 */
@Component({
  selector: 'oris-attachments-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FileDropZone,
    Icon,
    ProblemAlert,
  ],
  templateUrl: './attachments-panel.html',
  styleUrl: '../shared/practices.scss',
})
export class AttachmentsPanel {
  private readonly api = inject(PracticesApi);
  private readonly confirmation = inject(Confirmation);
  readonly practice = input.required<Practice>();
  readonly changed = output<Practice>();
  protected readonly languages = LOCALES;
  protected readonly accept = ACCEPT;
  protected readonly altMax = ALT_MAX;
  protected readonly max = PRACTICE_LIMITS.attachmentsMax;
  protected readonly messageKeys = practiceMessageKeys;

  protected readonly file = signal<File | null>(null);
  protected readonly pending = signal(false);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly alt = new FormGroup({
    fr: new FormControl('', { nonNullable: true, validators: Validators.maxLength(ALT_MAX) }),
    ar: new FormControl('', { nonNullable: true, validators: Validators.maxLength(ALT_MAX) }),
    en: new FormControl('', { nonNullable: true, validators: Validators.maxLength(ALT_MAX) }),
  });
  /** Set when an image is chosen without its alternative text in the original language. */
  protected readonly altMissing = signal(false);

  protected isImage(mediaType: string): boolean {
    return IMAGE_TYPES.includes(mediaType);
  }

  /**
   * Removes a file after asking: a new version of the sheet, from the one on screen (a conflict
   * when someone saved meanwhile). A published sheet keeps its files for the public until the
   * next publication.
   */
  protected async remove(attachment: PracticeAttachment): Promise<void> {
    if (this.pending()) return;
    const sure = await this.confirmation.ask({
      titleKey: 'practices.attachments.removeTitle',
      textKey:
        this.practice().status === 'published'
          ? 'practices.attachments.removeTextPublished'
          : 'practices.attachments.removeText',
      confirmKey: 'practices.attachments.removeConfirm',
      params: { name: attachment.fileName },
      destructive: true,
    });
    if (!sure) return;
    this.pending.set(true);
    this.problem.set(null);
    try {
      const practice = this.practice();
      this.changed.emit(
        await this.api.removeAttachment(practice.id, attachment.id, practice.version),
      );
    } catch (thrown) {
      this.problem.set(ApiError.from(thrown));
    } finally {
      this.pending.set(false);
    }
  }

  protected async send(): Promise<void> {
    const file = this.file();
    if (!file || this.pending()) return;
    const original = this.practice().originalLanguage;
    const missing = this.isImage(file.type) && !this.alt.controls[original].value.trim();
    this.altMissing.set(missing);
    if (missing || this.alt.invalid) return;
    this.pending.set(true);
    this.problem.set(null);
    try {
      const alt = this.alt.getRawValue();
      const image = this.isImage(file.type);
      const practice = await this.api.attach(
        this.practice().id,
        {
          kind: image ? 'image' : 'attachment',
          fileName: file.name,
          mediaType: file.type || 'application/octet-stream',
          ...(image && alt.fr.trim() ? { altFr: alt.fr.trim() } : {}),
          ...(image && alt.ar.trim() ? { altAr: alt.ar.trim() } : {}),
          ...(image && alt.en.trim() ? { altEn: alt.en.trim() } : {}),
        },
        file,
      );
      this.file.set(null);
      this.alt.reset();
      this.changed.emit(practice);
    } catch (thrown) {
      this.problem.set(ApiError.from(thrown));
    } finally {
      this.pending.set(false);
    }
  }
}
