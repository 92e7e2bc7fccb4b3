import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Locale, MaterialKind, VideoHost } from '@oris/shared/domain';
import { intlLocale } from './formatting';
import { Icon } from './icon';
import { VideoEmbed } from './video-embed';

/** A piece of a module's material as the API answers it (`MaterialDto`). */
export interface MaterialView {
  id: string;
  kind: MaterialKind;
  titles: { fr?: string; ar?: string; en?: string };
  file: { name: string; size: number; mediaType: string; url: string } | null;
  video: { host: VideoHost; videoId: string; embedUrl: string; pageUrl: string } | null;
}

/** The title in the reader's language, else another one, else the file's name or the host. */
export function materialTitle(item: MaterialView, language: string): string {
  const titles = item.titles as Record<string, string | undefined>;
  return (
    titles[language] ??
    titles['fr'] ??
    titles['ar'] ??
    titles['en'] ??
    item.file?.name ??
    item.video?.host ??
    ''
  );
}

/**
 * Megabytes with one decimal (kilobytes under one), with the unit in the interface's language
 * ("2,3 Mo", "2.3 MB", "2,3 م.ب"): Intl words the unit, so nothing here is French or English.
 */
export function fileSizeText(bytes: number, locale: string): string {
  const format = (value: number, unit: 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  return bytes < 1024 * 1024
    ? format(Math.max(1, Math.round(bytes / 1024)), 'kilobyte')
    : format(bytes / (1024 * 1024), 'megabyte');
}

/**
 * A module's material in one place, each piece drawn as what it is: a video file in `<video
 * controls>` and audio in `<audio controls>` (the browser streams them with range requests from
 * the signed address), an image inline with its title as alternative text, a document or slides
 * as a download link with its size, a video by link behind a click (`oris-video-embed`).
 */
@Component({
  selector: 'oris-material-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, Icon, VideoEmbed],
  template: `
    <ul class="material">
      @for (item of items(); track item.id) {
        <li>
          @let title = titleOf(item);
          @switch (item.kind) {
            @case ('video_link') {
              @if (item.video; as video) {
                <h3 dir="auto">{{ title }}</h3>
                <oris-video-embed
                  [host]="video.host"
                  [embedUrl]="video.embedUrl"
                  [pageUrl]="video.pageUrl"
                  [title]="title"
                />
              }
            }
            @case ('video') {
              <h3 dir="auto">{{ title }}</h3>
              <video controls preload="metadata" [src]="item.file?.url" [attr.aria-label]="title">
                <a [href]="item.file?.url">{{ 'material.download' | transloco }}</a>
              </video>
            }
            @case ('audio') {
              <h3 dir="auto">{{ title }}</h3>
              <audio controls preload="metadata" [src]="item.file?.url" [attr.aria-label]="title">
                <a [href]="item.file?.url">{{ 'material.download' | transloco }}</a>
              </audio>
            }
            @case ('image') {
              <figure>
                <img [src]="item.file?.url" [alt]="title" loading="lazy" />
                <figcaption dir="auto">{{ title }}</figcaption>
              </figure>
            }
            @default {
              <a class="file" [href]="item.file?.url" [attr.download]="item.file?.name">
                <oris-icon name="article" />
                <span class="file-text">
                  <span class="file-title" dir="auto">{{ title }}</span>
                  <span class="file-meta">
                    {{ 'material.kinds.' + item.kind | transloco }} ·
                    {{ sizeOf(item) }}
                  </span>
                </span>
              </a>
            }
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .material {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    h3 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    video,
    img {
      display: block;
      max-inline-size: 100%;
      border-radius: 8px;
    }
    video {
      inline-size: 100%;
    }
    audio {
      inline-size: 100%;
    }
    figure {
      margin: 0;
    }
    figcaption {
      margin-block-start: 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .file {
      display: flex;
      align-items: center;
      gap: 12px;
      min-block-size: 48px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
      color: inherit;
      text-decoration: none;
    }
    .file:hover .file-title,
    .file:focus-visible .file-title {
      text-decoration: underline;
    }
    .file-text {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    .file-title {
      color: var(--mat-sys-primary);
      overflow-wrap: anywhere;
    }
    .file-meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class MaterialList {
  private readonly transloco = inject(TranslocoService);
  readonly items = input.required<readonly MaterialView[]>();
  private readonly language = toSignal(this.transloco.langChanges$, {
    initialValue: this.transloco.getActiveLang(),
  });
  private readonly locale = computed(() => intlLocale(this.language() as Locale));

  protected titleOf(item: MaterialView): string {
    return materialTitle(item, this.language());
  }

  protected sizeOf(item: MaterialView): string {
    return item.file ? fileSizeText(item.file.size, this.locale()) : '';
  }
}
