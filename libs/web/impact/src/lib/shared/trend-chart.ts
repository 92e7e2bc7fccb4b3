import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  effect,
  inject,
  input,
  type OnDestroy,
  viewChild,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { directionOf, LanguageService } from '@oris/web/core';
import type { Chart } from 'chart.js';
import { formatCount } from './impact-format';
import type { TrendPoint } from './impact-types';

let nextId = 0;

/**
 * The values of an indicator over the years, with their targets, as a Chart.js line chart
 * (loaded on demand) beside the same figures as a table: the picture is never the only way to
 * read them, and the table is what screen readers get (the canvas is hidden from them). The
 * years run from the right in Arabic.
 */
@Component({
  selector: 'oris-trend-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <figure class="chart" [attr.aria-labelledby]="id + '-title'">
      <figcaption [id]="id + '-title'" class="title">{{ title() }}</figcaption>
      <div class="canvas-box" aria-hidden="true"><canvas #canvas></canvas></div>
      <details class="data">
        <summary>{{ 'impact.trend.showData' | transloco }}</summary>
        <table>
          <caption class="oris-visually-hidden">
            {{
              title()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'impact.trend.year' | transloco }}</th>
              <th scope="col">{{ 'impact.trend.value' | transloco }}</th>
              <th scope="col">{{ 'impact.trend.target' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (point of points(); track point.year) {
              <tr>
                <th scope="row">{{ point.year }}</th>
                <td>{{ count(point.value) }}</td>
                <td>{{ count(point.target) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </details>
    </figure>
  `,
  styles: `
    :host {
      display: block;
    }
    .chart {
      margin: 0;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .canvas-box {
      position: relative;
      block-size: 160px;
      margin-block: 8px;
    }
    .data summary {
      cursor: pointer;
      font: var(--mat-sys-body-small);
    }
    table {
      border-collapse: collapse;
      font: var(--mat-sys-body-small);
    }
    th,
    td {
      padding: 2px 8px;
      text-align: start;
    }
    @media print {
      .canvas-box {
        display: none;
      }
    }
  `,
})
export class TrendChart implements OnDestroy {
  readonly title = input.required<string>();
  readonly points = input.required<readonly TrendPoint[]>();
  protected readonly id = `oris-trend-chart-${nextId++}`;
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly language = inject(LanguageService).language;
  private readonly transloco = inject(TranslocoService);
  private chart: Chart | null = null;
  private rendered = false;
  private readonly labels = computed(() => {
    this.language();
    return {
      value: this.transloco.translate('impact.trend.value'),
      target: this.transloco.translate('impact.trend.target'),
    };
  });

  constructor() {
    afterNextRender(() => {
      this.rendered = true;
      void this.draw();
    });
    effect(() => {
      this.points();
      this.labels();
      if (this.rendered) void this.draw();
    });
  }

  protected count(value: number | null): string {
    return formatCount(value, this.language());
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
  }

  private async draw(): Promise<void> {
    const element = this.canvas().nativeElement;
    // No canvas (tests, very old browsers): the table says it all.
    if (typeof element.getContext !== 'function' || !element.getContext('2d')) return;
    const { Chart } = await import('chart.js/auto');
    const rtl = directionOf(this.language()) === 'rtl';
    const points = this.points();
    const labels = this.labels();
    const colour = getComputedStyle(element).getPropertyValue('--mat-sys-primary') || '#0b5563';
    this.chart?.destroy();
    this.chart = new Chart(element, {
      type: 'line',
      data: {
        labels: points.map((point) => String(point.year)),
        datasets: [
          {
            label: labels.value,
            data: points.map((point) => point.value),
            borderColor: colour,
            backgroundColor: colour,
            spanGaps: false,
          },
          {
            label: labels.target,
            data: points.map((point) => point.target),
            borderColor: '#b8860b',
            backgroundColor: '#b8860b',
            borderDash: [6, 4],
            spanGaps: true,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        layout: { padding: { left: 12, right: 12 } },
        locale: this.language(),
        scales: { x: { reverse: rtl }, y: { beginAtZero: true, position: rtl ? 'right' : 'left' } },
        plugins: {
          legend: { rtl, position: 'bottom' },
          tooltip: { rtl },
        },
      },
    });
  }
}
