import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '@oris/web/core';
import { intlLocale } from '@oris/web/ui';
import { progressLabel } from './enrollment-rules';
import type { Progress } from './learning-types';

let nextId = 0;

/**
 * A trainee's progress: a determinate progress bar named by what it measures, with the
 * percentage and "n of m modules" written out beside it and given as its value text.
 */
@Component({
  selector: 'oris-progress-meter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, TranslocoPipe],
  template: `
    <div class="head">
      <span [id]="labelId">{{ label() | transloco }}</span>
      <span class="figures" aria-hidden="true">
        <!-- Isolated, so that a percentage and a count in Arabic text keep their order. -->
        <strong
          ><bdi>{{ percentText() }}</bdi></strong
        >
        ·
        <bdi>{{ countKey().key | transloco: countKey().params }}</bdi>
      </span>
    </div>
    <mat-progress-bar
      mode="determinate"
      [value]="progress().percent"
      [attr.aria-labelledby]="labelId"
      [attr.aria-valuetext]="valueText()"
    />
  `,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      justify-content: space-between;
      margin-block-end: 6px;
      font: var(--mat-sys-body-medium);
    }
    .figures {
      color: var(--mat-sys-on-surface-variant);
    }
    mat-progress-bar {
      --mat-progress-bar-track-height: 8px;
      --mat-progress-bar-active-indicator-height: 8px;
      border-radius: 4px;
    }
  `,
})
export class ProgressMeter {
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService).language;

  readonly progress = input.required<Progress>();
  /** Translation key of what the bar measures, e.g. "Progress in this course". */
  readonly label = input('learning.progress.label');

  protected readonly labelId = `oris-progress-${++nextId}`;
  protected readonly countKey = computed(() => progressLabel(this.progress()));
  protected readonly percentText = computed(() =>
    new Intl.NumberFormat(intlLocale(this.language()), { style: 'percent' }).format(
      this.progress().percent / 100,
    ),
  );
  protected readonly valueText = computed(() => {
    const count = this.countKey();
    // Read again when the language changes: `language()` is a dependency of percentText.
    return `${this.percentText()}, ${this.transloco.translate(count.key, count.params)}`;
  });
}
