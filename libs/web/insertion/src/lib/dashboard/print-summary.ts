import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { todayInMorocco } from '@oris/shared/domain';
import { LanguageService, RegionsService } from '@oris/web/core';
import { formatDay } from '@oris/web/ui';
import type { CourseSummary, GroupBy, Indicator, Session } from '../shared/insertion-types';

/**
 * The printed dashboard's header: every filter in words, as the figures answer them, and the day
 * it was printed. On paper only, where the form is not.
 */
@Component({
  selector: 'oris-print-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <dl class="print-summary">
      @for (item of items(); track item.labelKey) {
        <div>
          <dt>{{ item.labelKey | transloco }}</dt>
          <dd>
            <bdi>{{ item.value }}</bdi>
          </dd>
        </div>
      }
      <div>
        <dt>{{ 'insertion.dashboard.printView.printedOn' | transloco }}</dt>
        <dd>{{ printedOn() }}</dd>
      </div>
    </dl>
  `,
  styles: `
    .print-summary {
      display: none;
    }

    @media print {
      .print-summary {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 4px 16px;
        margin: 0 0 8px;
        font: var(--mat-sys-body-small);
        break-inside: avoid;

        dt {
          font-weight: 600;
        }

        dd {
          margin: 0;
        }
      }
    }
  `,
})
export class PrintSummary {
  private readonly transloco = inject(TranslocoService);
  private readonly regions = inject(RegionsService);
  private readonly language = inject(LanguageService).language;
  readonly totals = input.required<Indicator>();
  readonly courses = input.required<readonly CourseSummary[]>();
  readonly sessions = input.required<readonly Session[]>();
  /** The breakdown the table shows. */
  readonly groupBy = input.required<GroupBy>();

  protected readonly items = computed(() => {
    const language = this.language();
    const f = this.totals().filters;
    const any = (key: string) => this.transloco.translate(key, {}, language);
    const course = this.courses().find((option) => option.id === f.course);
    const session = this.sessions().find((option) => option.id === f.session);
    return [
      {
        labelKey: 'insertion.dashboard.printView.period',
        value: `${f.from ? formatDay(f.from, language) : '…'} – ${formatDay(f.to, language)}`,
      },
      {
        labelKey: 'insertion.dashboard.horizon',
        value: this.transloco.translate(`insertion.dashboard.horizons.${f.months}`, {}, language),
      },
      {
        labelKey: 'insertion.fields.region',
        value: f.region ? this.regions.nameOf(f.region) : any('insertion.filters.anyRegion'),
      },
      {
        labelKey: 'insertion.fields.course',
        value: course
          ? `${course.code} — ${course.title}`
          : (f.course ?? any('insertion.filters.anyCourse')),
      },
      {
        labelKey: 'insertion.fields.session',
        value: session?.title ?? f.session ?? any('insertion.filters.anySession'),
      },
      {
        labelKey: 'insertion.dashboard.breakdownBy',
        value: any(`insertion.dashboard.groupBy.${this.groupBy()}`),
      },
    ];
  });
  protected readonly printedOn = computed(() => formatDay(todayInMorocco(), this.language()));
}
