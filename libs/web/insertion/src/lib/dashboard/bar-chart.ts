import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Bar } from './indicator-format';

let nextId = 0;

/**
 * A horizontal bar chart drawn with CSS (no chart library): each bar carries its figure in
 * words beside it, so the picture is never the only way to read it, and the same figures are
 * offered as a table. Bars grow from the start edge, so they mirror in Arabic.
 */
@Component({
  selector: 'oris-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <figure class="chart" [attr.aria-labelledby]="id + '-title'">
      <figcaption [id]="id + '-title'">
        <h3>{{ titleKey() | transloco }}</h3>
        @if (noteKey(); as note) {
          <p class="note">{{ note | transloco }}</p>
        }
      </figcaption>
      @if (bars().length) {
        <ul class="bars">
          @for (bar of bars(); track $index) {
            <li>
              <span class="label">
                @if ('key' in bar.name) {
                  {{ bar.name.key | transloco }}
                } @else {
                  <bdi>{{ bar.name.text }}</bdi>
                }
              </span>
              <span class="track" aria-hidden="true"
                ><span class="fill" [style.inline-size.%]="bar.percent"></span
              ></span>
              <span class="value"
                >{{ bar.value }}
                @if (bar.n !== null) {
                  <span class="n">{{ 'insertion.dashboard.n' | transloco: { n: bar.n } }}</span>
                }
              </span>
            </li>
          }
        </ul>
        <details class="data">
          <summary>{{ 'insertion.dashboard.showData' | transloco }}</summary>
          <table>
            <caption class="oris-visually-hidden">
              {{
                titleKey() | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ groupHeaderKey() | transloco }}</th>
                <th scope="col">{{ valueHeaderKey() | transloco }}</th>
                <th scope="col">{{ detailHeaderKey() | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (bar of bars(); track $index) {
                <tr>
                  <th scope="row">
                    @if ('key' in bar.name) {
                      {{ bar.name.key | transloco }}
                    } @else {
                      <bdi>{{ bar.name.text }}</bdi>
                    }
                  </th>
                  <td>
                    {{ bar.value }}
                    @if (bar.n !== null) {
                      ({{ 'insertion.dashboard.n' | transloco: { n: bar.n } }})
                    }
                  </td>
                  <td>{{ bar.detail }}</td>
                </tr>
              }
            </tbody>
          </table>
        </details>
      } @else {
        <p class="empty">{{ 'insertion.dashboard.noData' | transloco }}</p>
      }
    </figure>
  `,
  styleUrl: './bar-chart.scss',
})
export class BarChart {
  readonly titleKey = input.required<string>();
  readonly noteKey = input<string | null>(null);
  readonly bars = input.required<readonly Bar[]>();
  readonly groupHeaderKey = input.required<string>();
  readonly valueHeaderKey = input.required<string>();
  readonly detailHeaderKey = input.required<string>();
  protected readonly id = `oris-bar-chart-${nextId++}`;
}
