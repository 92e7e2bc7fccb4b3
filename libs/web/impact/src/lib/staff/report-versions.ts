import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '@oris/web/core';
import { Chip, DayPipe } from '@oris/web/ui';
import { formatCount, formatMoment } from '../shared/impact-format';
import type { ReportFormat, ReportVersion } from '../shared/impact-types';

export interface ExportRequest {
  version: number;
  format: ReportFormat;
}

/**
 * The frozen versions of a year, newest first: when and by whom, the reason of a restatement
 * and what it changed (values, records added and removed), each figure a link to the records
 * frozen behind it, and the version's files.
 */
@Component({
  selector: 'oris-report-versions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TranslocoPipe, Chip, DayPipe],
  template: `
    @for (version of newestFirst(); track version.version) {
      <article class="version" [attr.data-version]="version.version">
        <h3>
          {{ 'impact.versions.version' | transloco: { version: version.version } }}
          @if (version.restatement) {
            <oris-chip tone="waiting">{{ 'impact.versions.restatement' | transloco }}</oris-chip>
          }
        </h3>
        <p class="meta">
          {{
            'impact.versions.frozen'
              | transloco
                : {
                    at: moment(version.frozenAt),
                    by: version.frozenBy?.name ?? '—',
                    asOf: (version.asOf | orisDay: language()),
                  }
          }}
        </p>
        @if (version.reason) {
          <p class="reason">
            <strong>{{ 'impact.versions.reason' | transloco }}</strong> {{ version.reason }}
          </p>
        }
        <ul class="values">
          @for (entry of version.indicators; track entry.indicator) {
            <li>
              <span>{{ 'impact.indicators.' + entry.indicator | transloco }}</span>
              @if (entry.figures; as figures) {
                <a
                  [routerLink]="[
                    '/observatory/impact/reports',
                    version.year,
                    'versions',
                    version.version,
                    'records',
                    entry.indicator,
                  ]"
                  >{{ count(figures.value) }}</a
                >
              } @else {
                <span class="unavailable">{{ 'impact.versions.notAvailable' | transloco }}</span>
              }
            </li>
          }
        </ul>
        @if (version.differences) {
          <details class="differences">
            <summary>{{ 'impact.versions.differences' | transloco }}</summary>
            <ul>
              @for (difference of version.differences; track difference.indicator) {
                <li>
                  <strong>{{ 'impact.indicators.' + difference.indicator | transloco }}</strong>
                  @if (difference.changed) {
                    {{
                      'impact.versions.changed'
                        | transloco
                          : {
                              before: count(difference.valueBefore),
                              after: count(difference.valueAfter),
                              added: difference.added.length,
                              removed: difference.removed.length,
                            }
                    }}
                  } @else {
                    {{ 'impact.versions.unchanged' | transloco }}
                  }
                </li>
              }
            </ul>
          </details>
        }
        <div
          class="files"
          role="group"
          [attr.aria-label]="'impact.versions.files' | transloco: { version: version.version }"
        >
          @for (format of formats; track format) {
            <button
              mat-stroked-button
              type="button"
              (click)="exportRequested.emit({ version: version.version, format })"
            >
              {{ 'impact.versions.download.' + format | transloco }}
            </button>
          }
        </div>
      </article>
    } @empty {
      <p class="empty">{{ 'impact.versions.none' | transloco }}</p>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
    }
    .version {
      padding: 12px 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    h3 {
      margin: 0;
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
      font: var(--mat-sys-title-medium);
    }
    .meta,
    .empty {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .values {
      list-style: none;
      padding: 0;
      margin: 8px 0;
      display: grid;
      gap: 4px;
    }
    .values li {
      display: flex;
      justify-content: space-between;
      gap: 8px;
    }
    .files {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-start: 8px;
    }
    @media print {
      .files {
        display: none;
      }
    }
  `,
})
export class ReportVersions {
  readonly versions = input.required<readonly ReportVersion[]>();
  readonly exportRequested = output<ExportRequest>();
  protected readonly formats: readonly ReportFormat[] = ['pdf', 'csv', 'xlsx', 'json'];
  protected readonly language = inject(LanguageService).language;

  protected newestFirst(): ReportVersion[] {
    return [...this.versions()].reverse();
  }

  protected count(value: number | null | undefined): string {
    return formatCount(value, this.language());
  }

  protected moment(instant: string): string {
    return formatMoment(instant, this.language());
  }
}
