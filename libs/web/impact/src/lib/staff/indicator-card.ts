import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '@oris/web/core';
import { formatCount, formatShare, isShare } from '../shared/impact-format';
import type { ImpactIndicatorFigures } from '../shared/impact-types';
import { TrendChart } from '../shared/trend-chart';

/**
 * One indicator of the year: its value (a link to the records behind it), baseline, target and
 * progress, its companion figures, the definition beside the figures, and its trend. An
 * indicator without a source here says so in words.
 */
@Component({
  selector: 'oris-indicator-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, RouterLink, TranslocoPipe, TrendChart],
  template: `
    @let e = entry();
    <article class="card" [attr.data-indicator]="e.indicator" [attr.aria-labelledby]="headingId()">
      <h2 [id]="headingId()">{{ 'impact.indicators.' + e.indicator | transloco }}</h2>
      @if (e.figures; as figures) {
        <p class="value">
          <a
            [routerLink]="['/observatory/impact/records', e.indicator]"
            [queryParams]="{ year: year(), asOf: asOf(), knownAt: knownAt() }"
            [attr.aria-label]="
              'impact.card.valueLink'
                | transloco
                  : {
                      value: count(figures.value),
                      indicator: ('impact.indicators.' + e.indicator | transloco),
                    }
            "
            >{{ count(figures.value) }}</a
          >
        </p>
        <dl class="goals">
          <div>
            <dt>{{ 'impact.card.baseline' | transloco }}</dt>
            <dd>{{ count(e.baseline) }}</dd>
          </div>
          <div>
            <dt>{{ 'impact.card.target' | transloco }}</dt>
            <dd>{{ count(e.target) }}</dd>
          </div>
          <div>
            <dt>{{ 'impact.card.progress' | transloco }}</dt>
            <dd>{{ share(e.progress) }}</dd>
          </div>
        </dl>
        @if (e.progress !== null) {
          <mat-progress-bar
            mode="determinate"
            [value]="progressPercent()"
            [attr.aria-label]="'impact.card.progress' | transloco"
          />
        }
        @if (figures.companions.length) {
          <ul class="companions">
            @for (companion of figures.companions; track companion.key) {
              <li>
                <span>{{ companionLabel(companion.key) }}</span>
                <span class="figure">{{ companionValue(companion.key, companion.value) }}</span>
              </li>
            }
          </ul>
        }
        <details class="definition">
          <summary>
            {{ 'impact.card.definition' | transloco: { version: figures.definition.version } }}
          </summary>
          <p>{{ figures.definition.text[language()] }}</p>
        </details>
        <oris-trend-chart
          [title]="
            'impact.trend.title'
              | transloco: { indicator: ('impact.indicators.' + e.indicator | transloco) }
          "
          [points]="e.trend"
        />
      } @else {
        <p class="unavailable">{{ 'impact.card.notAvailable' | transloco }}</p>
      }
    </article>
  `,
  styles: `
    :host {
      display: block;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      border: 1px solid var(--mat-sys-outline-variant);
      block-size: 100%;
      box-sizing: border-box;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .value {
      margin: 0;
      font: var(--mat-sys-headline-medium);
      font-variant-numeric: tabular-nums;
    }
    .goals {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 8px;
      margin: 0;
    }
    .goals dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .goals dd {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .companions {
      list-style: none;
      margin: 0;
      padding: 0;
      font: var(--mat-sys-body-small);
    }
    .companions li {
      display: flex;
      justify-content: space-between;
      gap: 8px;
    }
    .figure {
      font-variant-numeric: tabular-nums;
    }
    .definition {
      font: var(--mat-sys-body-small);
    }
    .definition summary {
      cursor: pointer;
    }
    .unavailable {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class IndicatorCard {
  readonly entry = input.required<ImpactIndicatorFigures>();
  readonly year = input.required<number>();
  readonly asOf = input.required<string>();
  readonly knownAt = input.required<string>();
  protected readonly language = inject(LanguageService).language;
  private readonly transloco = inject(TranslocoService);
  protected readonly headingId = computed(() => `impact-card-${this.entry().indicator}`);
  protected readonly progressPercent = computed(() =>
    Math.max(0, Math.min(100, (this.entry().progress ?? 0) * 100)),
  );

  protected count(value: number | null | undefined): string {
    return formatCount(value, this.language());
  }

  protected share(value: number | null | undefined): string {
    return formatShare(value, this.language());
  }

  /** A registry's own companion keys may have no words here yet: then the key itself. */
  protected companionLabel(key: string): string {
    const path = `impact.companions.${key}`;
    const text = this.transloco.translate(path, {}, this.language());
    return text === path ? key : text;
  }

  protected companionValue(key: string, value: number | null): string {
    return isShare(key) ? this.share(value) : this.count(value);
  }
}
