import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import {
  MATERIAL_EXTENSIONS,
  MATERIAL_MAX_BYTES,
  parseVideoLink,
  videoEmbedUrl,
  videoPageUrl,
  type Locale,
} from '@oris/shared/domain';
import {
  FileDropZone,
  fileSizeText,
  Icon,
  intlLocale,
  materialTitle,
  ProblemAlert,
  VideoEmbed,
} from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { MaterialTeachingApi, type Material, type MaterialTitles } from './material-teaching-api';

const LANGUAGES = ['fr', 'ar', 'en'] as const;
const MIB = 1024 * 1024;

/** The problems of material, worded by code (the API's English is only the fallback). */
const MESSAGE_KEYS: Record<string, string> = {
  unsupported_material_type: 'material.problems.unsupportedType',
  material_too_large: 'material.problems.tooLarge',
  unknown_video_link: 'material.problems.unknownVideoLink',
  too_much_material: 'material.problems.tooMuch',
  empty_file: 'material.problems.empty',
};

/**
 * A module's material for its owners: upload a file (limits explained first, progress shown),
 * add a video by link (previewed behind the same click as trainees get), reorder, remove.
 */
@Component({
  selector: 'oris-material-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    FileDropZone,
    Icon,
    ProblemAlert,
    VideoEmbed,
  ],
  templateUrl: './material-editor.html',
  styleUrl: './material-editor.scss',
})
export class MaterialEditor {
  private readonly api = inject(MaterialTeachingApi);
  private readonly confirmation = inject(Confirmation);
  private readonly transloco = inject(TranslocoService);
  readonly moduleId = input.required<string>();
  readonly readOnly = input(false);

  protected readonly languages = LANGUAGES;
  protected readonly items = signal<Material[]>([]);
  protected readonly problem = signal<ApiError | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly uploading = signal(false);
  protected readonly progress = signal(0);
  protected readonly busy = signal(false);
  protected titles: Record<(typeof LANGUAGES)[number], string> = { fr: '', ar: '', en: '' };
  protected linkTitles: Record<(typeof LANGUAGES)[number], string> = { fr: '', ar: '', en: '' };
  protected readonly linkUrl = signal('');
  protected readonly accept = Object.values(MATERIAL_EXTENSIONS)
    .flat()
    .map((extension) => `.${extension}`)
    .join(',');
  protected readonly limits = {
    document: MATERIAL_MAX_BYTES.document / MIB,
    slides: MATERIAL_MAX_BYTES.slides / MIB,
    image: MATERIAL_MAX_BYTES.image / MIB,
    audio: MATERIAL_MAX_BYTES.audio / MIB,
    video: MATERIAL_MAX_BYTES.video / MIB,
  };
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });
  /** The video the typed address points at, for the preview; null while it is not one. */
  protected readonly linkPreview = computed(() => {
    const link = parseVideoLink(this.linkUrl());
    return link && { ...link, embedUrl: videoEmbedUrl(link), pageUrl: videoPageUrl(link) };
  });
  protected readonly messageKeys = (error: ApiError | null) =>
    error?.code && MESSAGE_KEYS[error.code] ? { [error.kind]: MESSAGE_KEYS[error.code] } : {};

  constructor() {
    effect(() => {
      const moduleId = this.moduleId();
      this.api.list(moduleId).then(
        (items) => this.items.set(items),
        (error: unknown) => this.problem.set(ApiError.from(error)),
      );
    });
  }

  protected titleOf(item: Material): string {
    return materialTitle(item, this.language());
  }

  protected sizeOf(item: Material): string {
    return item.file ? fileSizeText(item.file.size, intlLocale(this.language() as Locale)) : '';
  }

  protected async uploadFile(file: File): Promise<void> {
    if (this.uploading() || this.readOnly()) return;
    this.uploading.set(true);
    this.progress.set(0);
    this.problem.set(null);
    this.status.set(null);
    try {
      const added = await this.api.upload(this.moduleId(), file, this.given(this.titles), (sent) =>
        this.progress.set(Math.round(sent * 100)),
      );
      this.items.update((items) => [...items, added]);
      this.titles = { fr: '', ar: '', en: '' };
      this.status.set(
        this.transloco.translate('material.editor.added', { title: this.titleOf(added) }),
      );
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.uploading.set(false);
    }
  }

  protected async addLink(): Promise<void> {
    if (this.busy() || this.readOnly()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.status.set(null);
    try {
      const added = await this.api.addLink(
        this.moduleId(),
        this.linkUrl(),
        this.given(this.linkTitles),
      );
      this.items.update((items) => [...items, added]);
      this.linkUrl.set('');
      this.linkTitles = { fr: '', ar: '', en: '' };
      this.status.set(
        this.transloco.translate('material.editor.added', { title: this.titleOf(added) }),
      );
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async move(index: number, by: -1 | 1): Promise<void> {
    const items = [...this.items()];
    const target = index + by;
    if (this.busy() || target < 0 || target >= items.length) return;
    [items[index], items[target]] = [items[target], items[index]];
    this.busy.set(true);
    this.problem.set(null);
    try {
      this.items.set(
        await this.api.reorder(
          this.moduleId(),
          items.map((item) => item.id),
        ),
      );
      this.status.set(
        this.transloco.translate('material.editor.moved', {
          title: this.titleOf(items[target]),
          position: target + 1,
        }),
      );
    } catch (error) {
      this.problem.set(ApiError.from(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(item: Material): Promise<void> {
    const title = this.titleOf(item);
    const confirmed = await this.confirmation.ask({
      titleKey: 'material.editor.remove.title',
      textKey: 'material.editor.remove.text',
      confirmKey: 'material.editor.remove.confirm',
      params: { title },
      destructive: true,
    });
    if (!confirmed) return;
    this.problem.set(null);
    try {
      await this.api.remove(item.id);
      this.items.update((items) => items.filter((other) => other.id !== item.id));
      this.status.set(this.transloco.translate('material.editor.removed', { title }));
    } catch (error) {
      this.problem.set(ApiError.from(error));
    }
  }

  private given(titles: Record<string, string>): MaterialTitles {
    const result: MaterialTitles = {};
    for (const language of LANGUAGES) {
      const title = titles[language]?.trim();
      if (title) result[language] = title;
    }
    return result;
  }
}
