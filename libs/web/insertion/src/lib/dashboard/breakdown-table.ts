import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Locale } from '@oris/shared/domain';
import type { GroupBy, Indicator, IndicatorGroup } from '../shared/insertion-types';
import { formatCount, formatRate, type GroupName } from './indicator-format';

export interface Breakdown {
  groupBy: GroupBy;
  rows: { group: IndicatorGroup; name: GroupName }[];
}

/** Every figure of one breakdown, a row per group and the totals underneath. */
@Component({
  selector: 'oris-breakdown-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  templateUrl: './breakdown-table.html',
  styleUrl: './breakdown-table.scss',
})
export class BreakdownTable {
  private readonly transloco = inject(TranslocoService);
  readonly breakdown = input.required<Breakdown>();
  readonly totals = input.required<Indicator>();
  readonly language = input.required<Locale>();
  /** The id of the heading that names the table (its scrolling region takes that name). */
  readonly labelledBy = input.required<string>();

  protected count(value: number): string {
    return formatCount(value, this.language());
  }

  protected rate(value: number | null): string {
    return formatRate(value, this.language());
  }

  /** A rate's n: the count it is computed on. */
  protected n(base: number): string {
    return this.transloco.translate(
      'insertion.dashboard.n',
      { n: this.count(base) },
      this.language(),
    );
  }
}
