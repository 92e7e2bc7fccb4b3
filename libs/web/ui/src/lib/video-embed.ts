import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { TranslocoPipe } from '@jsverse/transloco';
import { VIDEO_PLAYER_ORIGINS, type VideoHost } from '@oris/shared/domain';

const HOST_NAMES: Record<VideoHost, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  dailymotion: 'Dailymotion',
};

/**
 * A video of a known host behind a click: nothing is requested from the host (no frame, no
 * thumbnail) until the person asks for it, so watching a module page tells no third party.
 * The player's address comes from the API (rebuilt from host and id) and is framed only when it
 * starts with that host's player origin — the same origins the CSP's `frame-src` allows.
 */
@Component({
  selector: 'oris-video-embed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe],
  template: `
    @if (playerUrl(); as url) {
      <div class="frame">
        <iframe
          [src]="url"
          [title]="title()"
          allow="fullscreen; picture-in-picture; encrypted-media"
          referrerpolicy="strict-origin-when-cross-origin"
          loading="lazy"
        ></iframe>
      </div>
    } @else {
      <div class="consent">
        <p>{{ 'material.video.consent' | transloco: { host: hostName() } }}</p>
        <button mat-flat-button type="button" [disabled]="!safeOrigin()" (click)="load()">
          {{ 'material.video.load' | transloco: { host: hostName() } }}
          <span class="oris-visually-hidden">: {{ title() }}</span>
        </button>
        @if (pageUrl(); as page) {
          <a [href]="page" target="_blank" rel="noopener noreferrer">
            {{ 'material.video.openAtHost' | transloco: { host: hostName() } }}
            <span class="oris-visually-hidden">{{ 'material.newTab' | transloco }}</span>
          </a>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .frame {
      position: relative;
      aspect-ratio: 16 / 9;
      inline-size: 100%;
    }
    iframe {
      position: absolute;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      border: 0;
      border-radius: 8px;
    }
    .consent {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
      padding: 16px;
      aspect-ratio: 16 / 9;
      justify-content: center;
      box-sizing: border-box;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .consent p {
      margin: 0;
    }
    @media (max-width: 480px) {
      .consent {
        aspect-ratio: auto;
      }
    }
  `,
})
export class VideoEmbed {
  private readonly sanitizer = inject(DomSanitizer);
  readonly host = input.required<VideoHost>();
  readonly embedUrl = input.required<string>();
  readonly pageUrl = input<string | null>(null);
  /** The frame's accessible name: the video's title. */
  readonly title = input.required<string>();

  private readonly loaded = signal(false);
  protected readonly hostName = computed(() => HOST_NAMES[this.host()] ?? this.host());
  protected readonly safeOrigin = computed(() => {
    const origin = VIDEO_PLAYER_ORIGINS[this.host()];
    return !!origin && this.embedUrl().startsWith(`${origin}/`);
  });
  protected readonly playerUrl = computed<SafeResourceUrl | null>(() =>
    this.loaded() && this.safeOrigin()
      ? this.sanitizer.bypassSecurityTrustResourceUrl(this.embedUrl())
      : null,
  );

  protected load(): void {
    this.loaded.set(true);
  }
}
